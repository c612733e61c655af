/// A named arm of an experiment with its share of customers.
public struct Variant: Sendable, Hashable, Codable {
    /// The variant's name ("control", "B", "subject line 2").
    public var name: String
    /// Its relative weight; shares are weight / total weight.
    public var weight: Double

    /// Creates a variant.
    public init(name: String, weight: Double) {
        self.name = name
        self.weight = weight
    }
}

/// Deterministic assignment of customers to weighted variants.
///
/// A customer's variant is a pure function of (experiment id, customer id) through
/// ``StableBucket``: no state to store, the same answer in every process, and a customer
/// keeps their variant when others join. Shares converge to the weights.
///
/// ```swift
/// let test = try ExperimentAssignment(experimentID: "spring-subject", variants: [
///     Variant(name: "control", weight: 1), Variant(name: "B", weight: 1)])
/// let arm = test.variant(for: "C-1042").name
/// ```
public struct ExperimentAssignment: Sendable, Hashable, Codable {
    /// The experiment's id (part of the hash, so experiments are independent).
    public let experimentID: String
    /// The variants, in order.
    public let variants: [Variant]

    /// Creates an assignment.
    /// - Throws: ``CampaignError`` `.invalidParameter` for no variants, a duplicate or empty
    ///   name, or a weight that is negative, not finite, or all weights zero.
    public init(experimentID: String, variants: [Variant]) throws(CampaignError) {
        guard !variants.isEmpty else { throw CampaignError(.invalidParameter, "an experiment needs at least one variant") }
        var names: Set<String> = []
        for variant in variants {
            guard !variant.name.isEmpty, names.insert(variant.name).inserted else {
                throw CampaignError(.invalidParameter, "variant names must be non-empty and unique ('\(variant.name)')")
            }
            guard variant.weight.isFinite, variant.weight >= 0 else {
                throw CampaignError(.invalidParameter, "variant '\(variant.name)' has weight \(variant.weight); weights must be finite and non-negative")
            }
        }
        guard variants.contains(where: { $0.weight > 0 }) else {
            throw CampaignError(.invalidParameter, "all variant weights are zero")
        }
        self.experimentID = experimentID
        self.variants = variants
    }

    /// The variant of `customerID`.
    /// - Complexity: O(variants + id length).
    public func variant(for customerID: String) -> Variant {
        variants[index(for: customerID)]
    }

    /// The index in ``variants`` of `customerID`'s variant.
    /// - Complexity: O(variants + id length).
    public func index(for customerID: String) -> Int {
        let total = variants.reduce(0) { $0 + $1.weight }
        let point = StableBucket.fraction(experimentID: experimentID, customerID: customerID) * total
        var upper = 0.0
        for (i, variant) in variants.enumerated() {
            upper += variant.weight
            if point < upper, variant.weight > 0 { return i }
        }
        return variants.lastIndex(where: { $0.weight > 0 }) ?? 0
    }
}
