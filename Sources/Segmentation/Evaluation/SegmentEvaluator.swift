import CustomerModel

/// A segment compiled and bound to a population, ready to evaluate for every customer at
/// once, for one customer, or to explain.
///
/// Creating one validates the definition (paths and reasons in ``SegmentDefinitionError``),
/// resolves every name against the population once, and gathers the attribute and tag
/// columns the definition reads; evaluation then never throws and never hashes a string.
///
/// ```swift
/// let evaluator = try SegmentEvaluator(definition: definition, population: population)
/// let members = evaluator.members()                 // all customers, on all cores
/// let why = evaluator.explain(customerIndex: 42)    // which clauses held
/// ```
public struct SegmentEvaluator: Sendable {
    /// The segment's id.
    public let segmentID: String
    /// The population evaluated.
    public let population: SegmentPopulation
    let evaluation: ProgramEvaluation<PopulationFacts>

    /// Compiles segment `segmentID` of `catalog` (references expanded) for `population`.
    /// - Throws: ``SegmentDefinitionError``: `.missingReference` for an unknown id,
    ///   `.unknownScore` for a score the population lacks, `.missingData` for categories or
    ///   events it was built without.
    /// - Complexity: O(clauses + customers × (attributes + tags named)).
    public init(catalog: SegmentCatalog, segmentID: String, population: SegmentPopulation) throws(SegmentDefinitionError) {
        let program = try SegmentProgram(catalog: catalog, segmentID: segmentID)
        self.segmentID = segmentID
        self.population = population
        evaluation = ProgramEvaluation(program: program, facts: try PopulationFacts(program: program, population: population))
    }

    /// Compiles a definition that refers to no other segment.
    /// - Throws: ``SegmentDefinitionError``: the definition's own errors, then as above.
    public init(definition: SegmentDefinition, population: SegmentPopulation, limits: SegmentLimits = .standard) throws(SegmentDefinitionError) {
        try self.init(catalog: SegmentCatalog([definition], limits: limits), segmentID: definition.id, population: population)
    }

    /// Whether customer `index` is a member.
    /// - Complexity: O(clauses + the customer's orders and events in the windows).
    public func contains(customerIndex index: Int) -> Bool {
        guard index >= 0, index < population.customerCount else { return false }
        return evaluation.holds(0, index)
    }

    /// Every member, evaluated in parallel on all cores.
    /// - Complexity: O(customers × clauses + orders + events), in parallel.
    public func members() -> SegmentMembers {
        let n = population.customerCount
        let evaluation = self.evaluation
        // Pieces of a few thousand customers keep each clause's selection in cache.
        let pieces = max(1, min(n / 4096, 512))
        let parts: [[Int32]] = ParallelLoop.map(pieces) { piece in
            let range = (n * piece / pieces)..<(n * (piece + 1) / pieces)
            return evaluation.select(0, range.map { Int32($0) })
        }
        var customers: [Int32] = []
        customers.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { customers += part }
        return SegmentMembers(segmentID: segmentID, asOf: population.asOf, customers: customers, populationCount: n)
    }

    /// Why customer `index` is or is not a member: every clause with whether it held.
    /// Nil for an index outside the population.
    public func explain(customerIndex index: Int) -> SegmentExplanation? {
        guard index >= 0, index < population.customerCount else { return nil }
        return evaluation.explain(0, index)
    }
}
