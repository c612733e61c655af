import CustomerModel

/// The outcome of a ``ValueScoreAnalysis``: one entry per scored customer, as columns.
///
/// Entry `i` describes snapshot customer `customers[i]`, in snapshot customer order.
public struct ValueScoreResult: Sendable {
    /// The as-of day.
    public let asOf: CalendarDay
    /// Snapshot customer index of each entry.
    public let customers: [Int32]
    /// The indicators that took part, in order (indicators without data are dropped).
    public let indicators: [ValueIndicator]
    /// The weight of each used indicator after renormalisation (they sum to 1).
    public let weights: [Double]
    /// The min-max range of each used indicator over the customers that have a value.
    public let ranges: [ClosedRange<Double>]
    /// Sub-scores (1…5) per used indicator: `subScores[k][i]` for indicator k, entry i.
    public let subScores: [[Double]]
    /// The value score (1…5) of each entry.
    public let scores: [Double]
    /// The tier of each entry.
    public let tiers: [ValueTier]

    /// Number of scored customers.
    public var count: Int { customers.count }

    /// One customer's scores.
    public struct Entry: Sendable, Hashable {
        /// Snapshot customer index.
        public var customerIndex: Int
        /// Sub-scores in the order of ``ValueScoreResult/indicators``.
        public var subScores: [Double]
        /// The value score.
        public var score: Double
        /// The tier.
        public var tier: ValueTier
    }

    /// Entry `i`.
    /// - Complexity: O(indicators).
    public subscript(i: Int) -> Entry {
        Entry(customerIndex: Int(customers[i]), subScores: subScores.map { $0[i] }, score: scores[i], tier: tiers[i])
    }

    /// The sub-scores of `indicator`, or nil when it was not used.
    /// - Complexity: O(indicators).
    public func subScores(of indicator: ValueIndicator) -> [Double]? {
        indicators.firstIndex(of: indicator).map { subScores[$0] }
    }

    /// Number of customers in each tier, in ``ValueTier/allCases`` order (low, medium, high).
    /// - Complexity: O(customers).
    public func tierCounts() -> [(tier: ValueTier, customers: Int)] {
        var counts = [0, 0, 0]
        for tier in tiers {
            switch tier {
            case .low: counts[0] += 1
            case .medium: counts[1] += 1
            case .high: counts[2] += 1
            }
        }
        return [(.low, counts[0]), (.medium, counts[1]), (.high, counts[2])]
    }
}
