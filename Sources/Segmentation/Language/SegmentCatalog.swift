/// A set of segment definitions that may refer to each other by id.
///
/// Creating a catalog validates every definition, checks that every `{"segment": id}`
/// reference names a definition of the catalog, and that no segment refers to itself through
/// any chain of references, so evaluation can never loop.
public struct SegmentCatalog: Sendable, Hashable {
    /// The definitions, in the order given.
    public let definitions: [SegmentDefinition]
    /// The limits every definition was checked against (also after expanding references).
    public let limits: SegmentLimits
    private let positions: [String: Int]

    /// Creates a catalog.
    /// - Throws: ``SegmentDefinitionError``: the first invalid definition (with its path,
    ///   the message naming the segment), `.duplicateSegment`, `.missingReference`,
    ///   `.cyclicReference` (the message spells the cycle), or `.tooLarge` when a segment is
    ///   beyond the clause limit once the segments it refers to are expanded.
    /// - Complexity: O(total clauses after expansion).
    public init(_ definitions: [SegmentDefinition], limits: SegmentLimits = .standard) throws(SegmentDefinitionError) {
        var positions: [String: Int] = [:]
        for (i, definition) in definitions.enumerated() {
            do {
                try definition.validate(limits: limits)
            } catch {
                throw SegmentDefinitionError(error.code, at: error.path, "segment '\(definition.id)': \(error.message)")
            }
            guard positions[definition.id] == nil else {
                throw SegmentDefinitionError(.duplicateSegment, at: "$.id", "two segments have the id '\(definition.id)'")
            }
            positions[definition.id] = i
        }
        self.definitions = definitions
        self.limits = limits
        self.positions = positions
        try checkReferences()
        for definition in definitions { _ = try expandedCondition(of: definition.id) }
    }

    /// The definition with `id`, if any.
    public subscript(id: String) -> SegmentDefinition? { positions[id].map { definitions[$0] } }

    /// The ids in order.
    public var ids: [String] { definitions.map(\.id) }

    /// Depth-first search over references: missing targets and back edges are errors.
    private func checkReferences() throws(SegmentDefinitionError) {
        // 0 unvisited, 1 on the current path, 2 done.
        var state = [Int](repeating: 0, count: definitions.count)
        for start in definitions.indices where state[start] == 0 {
            var chain: [String] = []
            try visit(start, state: &state, chain: &chain)
        }
    }

    private func visit(_ index: Int, state: inout [Int], chain: inout [String]) throws(SegmentDefinitionError) {
        state[index] = 1
        chain.append(definitions[index].id)
        for (target, path) in SegmentCatalog.references(in: definitions[index].condition, path: "$.condition") {
            guard let next = positions[target] else {
                throw SegmentDefinitionError(.missingReference, at: path,
                    "segment '\(definitions[index].id)' refers to '\(target)', which is not in the catalog")
            }
            if state[next] == 1 {
                let cycle = chain.drop { $0 != target } + [target]
                throw SegmentDefinitionError(.cyclicReference, at: path,
                    "segment '\(definitions[index].id)' is part of a cycle: \(cycle.joined(separator: " → "))")
            }
            if state[next] == 0 { try visit(next, state: &state, chain: &chain) }
        }
        chain.removeLast()
        state[index] = 2
    }

    /// Every `segment` reference with its path.
    static func references(in condition: SegmentCondition, path: String) -> [(String, String)] {
        switch condition {
        case .segment(let id): return [(id, path + ".segment")]
        case .all(let children):
            return children.enumerated().flatMap { references(in: $1, path: "\(path).all[\($0)]") }
        case .any(let children):
            return children.enumerated().flatMap { references(in: $1, path: "\(path).any[\($0)]") }
        case .not(let child): return references(in: child, path: path + ".not")
        default: return []
        }
    }

    /// The condition of `id` with every reference replaced by the referenced condition.
    ///
    /// Depth and clause limits count through references: a reference adds one level.
    /// - Throws: `.missingReference` for an unknown id; `.tooDeep` or `.tooLarge` beyond the limits.
    public func expandedCondition(of id: String) throws(SegmentDefinitionError) -> SegmentCondition {
        guard let definition = self[id] else {
            throw SegmentDefinitionError(.missingReference, at: "$", "no segment '\(id)' in the catalog")
        }
        var clauses = 0
        return try expand(definition.condition, depth: 1, clauses: &clauses, owner: id)
    }

    private func expand(
        _ condition: SegmentCondition, depth: Int, clauses: inout Int, owner: String
    ) throws(SegmentDefinitionError) -> SegmentCondition {
        guard depth <= limits.maximumDepth else {
            throw SegmentDefinitionError(.tooDeep, at: "$.condition",
                "segment '\(owner)' nests deeper than \(limits.maximumDepth) once its references are expanded")
        }
        clauses += 1
        guard clauses <= limits.maximumClauses else {
            throw SegmentDefinitionError(.tooLarge, at: "$.condition",
                "segment '\(owner)' has more than \(limits.maximumClauses) clauses once its references are expanded")
        }
        switch condition {
        case .all(let children):
            var out: [SegmentCondition] = []
            for child in children { out.append(try expand(child, depth: depth + 1, clauses: &clauses, owner: owner)) }
            return .all(out)
        case .any(let children):
            var out: [SegmentCondition] = []
            for child in children { out.append(try expand(child, depth: depth + 1, clauses: &clauses, owner: owner)) }
            return .any(out)
        case .not(let child): return .not(try expand(child, depth: depth + 1, clauses: &clauses, owner: owner))
        case .segment(let id):
            // References were checked acyclic at init, so this recursion ends.
            guard let target = self[id] else {
                throw SegmentDefinitionError(.missingReference, at: "$", "no segment '\(id)' in the catalog")
            }
            return try expand(target.condition, depth: depth + 1, clauses: &clauses, owner: owner)
        default: return condition
        }
    }
}
