import CustomerModel

/// Every customer's affinity to each category, as sparse rows: the decayed score and its
/// share of the customer's total (the shares of a customer with any behaviour sum to 1).
///
/// ```
/// customer u:  categories[offsets[u] ..< offsets[u + 1]]   (category index order; scores, shares)
/// ```
/// Customers `0..<snapshotCustomerCount` are the snapshot's; customers who only browsed
/// follow, in id order (``browsingOnlyCustomerIDs``).
public struct CategoryAffinity: Sendable {
    /// The day the scores are for (behaviour before it counts).
    public let asOf: CalendarDay
    /// The category names (of the catalogue); a category index is a position here.
    public let categoryNames: [String]
    /// Customers of the snapshot (they keep their snapshot indices).
    public let snapshotCustomerCount: Int
    /// Customers with browse events but no order in the snapshot, in id order; customer
    /// `snapshotCustomerCount + k` is `browsingOnlyCustomerIDs[k]`.
    public let browsingOnlyCustomerIDs: [CustomerID]
    /// Row starts, `customerCount + 1` entries.
    public let offsets: [Int]
    /// The categories of every row, back to back.
    public let categories: [Int32]
    /// The decayed score of every entry.
    public let scores: [Double]
    /// The score's share of the customer's total.
    public let shares: [Double]
    /// Events not counted: not of kind `browse`, on or after the as-of day, with a negative or
    /// non-finite dwell time, or with neither a category nor an item the catalogue knows.
    public let ignoredEvents: Int

    /// Number of customers (snapshot customers, then browsing-only customers).
    public var customerCount: Int { offsets.count - 1 }

    /// The categories of customer `index` with their shares, largest first (ties: category
    /// name order).
    public func topCategories(ofCustomer index: Int, count: Int = .max) -> [(category: Int32, share: Double)] {
        (offsets[index]..<offsets[index + 1])
            .sorted { shares[$0] != shares[$1] ? shares[$0] > shares[$1] : categories[$0] < categories[$1] }
            .prefix(max(0, count)).map { (categories[$0], shares[$0]) }
    }

    /// The share of category `category` for customer `index` (0 when none).
    /// - Complexity: O(categories of the customer).
    public func share(customer index: Int, category: Int32) -> Double {
        for k in offsets[index]..<offsets[index + 1] where categories[k] == category { return shares[k] }
        return 0
    }

    /// The decayed score of category `category` for customer `index` (0 when none).
    public func score(customer index: Int, category: Int32) -> Double {
        for k in offsets[index]..<offsets[index + 1] where categories[k] == category { return scores[k] }
        return 0
    }
}
