import CustomerModel

/// A named set of segments that classify customers together: a ladder where each customer
/// is in at most one level (the first that holds), or a set of overlapping segments. The
/// ready-made segmentations of SEEDS.md §4 are schemes built from documented, configurable
/// thresholds; each segment is an ordinary ``SegmentDefinition``, so it can be printed as
/// JSON, edited, explained and evaluated live like any other.
public struct SegmentScheme: Sendable, Hashable {
    /// How the segments relate.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Each customer is in the first segment that holds, or in none.
        case exclusive
        /// A customer may be in several segments.
        case overlapping
    }

    /// The scheme's name (`importance`, `loyalty`, …).
    public var name: String
    /// How the segments relate.
    public var kind: Kind
    /// The segments, in order (for an exclusive scheme, the order of precedence).
    public var segments: [SegmentDefinition]
    /// Recommended treatments per segment id, as data (SEEDS.md §4).
    public var treatments: [String: [String]]

    /// Creates a scheme.
    public init(name: String, kind: Kind, segments: [SegmentDefinition], treatments: [String: [String]] = [:]) {
        self.name = name
        self.kind = kind
        self.segments = segments
        self.treatments = treatments
    }

    /// The segments as a catalog (segments of a scheme may refer to each other).
    /// - Throws: ``SegmentDefinitionError`` for an invalid segment or reference.
    public func catalog(limits: SegmentLimits = .standard) throws(SegmentDefinitionError) -> SegmentCatalog {
        try SegmentCatalog(segments, limits: limits)
    }

    /// Classifies every customer of `population`.
    /// - Throws: ``SegmentDefinitionError`` when a segment is invalid or needs data the
    ///   population lacks (`.missingData`, `.unknownScore`).
    /// - Complexity: O(customers × clauses of all segments), in parallel.
    public func evaluate(on population: SegmentPopulation) throws(SegmentDefinitionError) -> SegmentSchemeResult {
        let catalog = try catalog()
        var evaluators: [SegmentEvaluator] = []
        for definition in segments {
            evaluators.append(try SegmentEvaluator(catalog: catalog, segmentID: definition.id, population: population))
        }
        let n = population.customerCount
        let ids = segments.map(\.id)
        switch kind {
        case .exclusive:
            var assignment = [Int16](repeating: -1, count: n)
            ParallelLoop.fill(&assignment) { c in
                for (k, evaluator) in evaluators.enumerated() where evaluator.contains(customerIndex: c) { return Int16(k) }
                return -1
            }
            var lists = [[Int32]](repeating: [], count: segments.count)
            for c in 0..<n where assignment[c] >= 0 { lists[Int(assignment[c])].append(Int32(c)) }
            let members = lists.enumerated().map { k, list in
                SegmentMembers(segmentID: ids[k], asOf: population.asOf, customers: list, populationCount: n)
            }
            return SegmentSchemeResult(scheme: name, kind: kind, segmentIDs: ids, members: members, assignment: assignment)
        case .overlapping:
            return SegmentSchemeResult(
                scheme: name, kind: kind, segmentIDs: ids, members: evaluators.map { $0.members() }, assignment: [])
        }
    }
}

/// The outcome of ``SegmentScheme/evaluate(on:)``.
public struct SegmentSchemeResult: Sendable, Hashable {
    /// The scheme's name.
    public let scheme: String
    /// Exclusive or overlapping.
    public let kind: SegmentScheme.Kind
    /// The segment ids, in the scheme's order.
    public let segmentIDs: [String]
    /// The members of each segment, in the scheme's order.
    public let members: [SegmentMembers]
    /// For an exclusive scheme, the segment index of each customer (-1: none); empty otherwise.
    public let assignment: [Int16]

    /// The segment id of customer `index` in an exclusive scheme (nil: none, or overlapping).
    public func segment(ofCustomer index: Int) -> String? {
        guard index < assignment.count, assignment[index] >= 0 else { return nil }
        return segmentIDs[Int(assignment[index])]
    }

    /// Members per segment, in the scheme's order.
    public var counts: [(segment: String, customers: Int)] { members.map { ($0.segmentID, $0.count) } }
}
