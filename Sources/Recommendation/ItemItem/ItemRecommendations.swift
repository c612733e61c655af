/// The top recommendations of every customer, stored back to back.
///
/// ```
/// customer u:  items[offsets[u] ..< offsets[u + 1]]   (best first, scores in scores)
/// ```
/// A customer has fewer than ``requestedCount`` entries when fewer unbought items have a
/// positive score (none at all without a purchase).
public struct ItemRecommendations: Sendable {
    /// N: the most recommendations per customer.
    public let requestedCount: Int
    /// Starts per customer, `customerCount + 1` entries.
    public let offsets: [Int]
    /// Recommended items, best first per customer.
    public let items: [Int32]
    /// The score of every entry of ``items``.
    public let scores: [Double]

    /// Number of customers.
    public var customerCount: Int { offsets.count - 1 }

    /// The recommendations of customer `index`, best first.
    public func recommendations(forCustomer index: Int) -> [ScoredItem] {
        (offsets[index]..<offsets[index + 1]).map { ScoredItem(item: items[$0], score: scores[$0]) }
    }

    /// The recommended items of customer `index`, best first.
    public func items(forCustomer index: Int) -> ArraySlice<Int32> {
        items[offsets[index]..<offsets[index + 1]]
    }
}
