import CustomerModel

/// Recommends the most popular items a customer has not bought: the cold-start baseline and
/// the fallback that fills a short personal list.
///
/// Popularity is the number of distinct customers who bought an item (ties: smaller id). With
/// `groups`, each group of customers (a segment, a region) gets its own ranking, computed from
/// its members' purchases only. A recommendation's score is the item's share of the customers
/// (of the group) who bought it.
public struct PopularityRecommender: Sendable {
    /// The purchases the rankings come from.
    public let matrix: PurchaseMatrix
    /// The group of each customer (nil: one group of everyone).
    public let groups: [Int32]?
    /// Items by popularity per group: `rankedItems[g]`, most popular first (bought items only).
    public let rankedItems: [[Int32]]
    /// The share of the group's customers who bought each item of ``rankedItems``.
    public let shares: [[Double]]

    /// Ranks the items of `matrix`, overall or per group.
    /// - Parameter groups: a group number in `0..<groupCount` per customer of `matrix`.
    /// - Throws: ``RecommendationError`` `.invalidParameter` when `groups` does not have one
    ///   non-negative entry per customer.
    /// - Complexity: O(entries + groups · items log items).
    public init(matrix: PurchaseMatrix, groups: [Int32]? = nil) throws(RecommendationError) {
        var groupCount = 1
        if let groups {
            guard groups.count == matrix.customerCount else {
                throw RecommendationError(.invalidParameter, "groups has \(groups.count) entries for \(matrix.customerCount) customers")
            }
            if let low = groups.min(), low < 0 {
                throw RecommendationError(.invalidParameter, "groups must be non-negative numbers, not \(low)")
            }
            groupCount = Int(groups.max() ?? 0) + 1
        }
        var buyers = [[Int]](repeating: [Int](repeating: 0, count: matrix.itemCount), count: groupCount)
        var customersWithPurchases = [Int](repeating: 0, count: groupCount)
        for u in 0..<matrix.customerCount where matrix.rowOffsets[u + 1] > matrix.rowOffsets[u] {
            let g = Int(groups?[u] ?? 0)
            customersWithPurchases[g] += 1
            for k in matrix.rowOffsets[u]..<matrix.rowOffsets[u + 1] { buyers[g][Int(matrix.rowItems[k])] += 1 }
        }
        let rank = matrix.itemOrder.rank
        var ranked: [[Int32]] = []
        var shares: [[Double]] = []
        for g in 0..<groupCount {
            let items = (0..<Int32(matrix.itemCount)).filter { buyers[g][Int($0)] > 0 }.sorted {
                let a = buyers[g][Int($0)], b = buyers[g][Int($1)]
                return a != b ? a > b : rank[Int($0)] < rank[Int($1)]
            }
            ranked.append(items)
            shares.append(items.map { Double(buyers[g][Int($0)]) / Double(customersWithPurchases[g]) })
        }
        self.matrix = matrix
        self.groups = groups
        self.rankedItems = ranked
        self.shares = shares
    }

    /// The `count` most popular items (of the customer's group) that customer `index` has
    /// not bought.
    /// - Throws: ``RecommendationError`` `.unknownIndex` for a customer not in the matrix.
    public func recommend(forCustomer index: Int, count: Int = 10) throws(RecommendationError) -> [ScoredItem] {
        guard index >= 0, index < matrix.customerCount else {
            throw RecommendationError(.unknownIndex, "customer \(index) is not in 0..<\(matrix.customerCount)")
        }
        guard count >= 0 else {
            throw RecommendationError(.invalidParameter, "the number of recommendations must be at least 0, not \(count)")
        }
        return top(count, group: Int(groups?[index] ?? 0), excluding: matrix.items(ofCustomer: index))
    }

    /// The `count` most popular items overall (or of `group`) not in `excluded`.
    public func top(_ count: Int, group: Int = 0, excluding excluded: some Collection<Int32> = [Int32]()) -> [ScoredItem] {
        guard group >= 0, group < rankedItems.count else { return [] }
        var result: [ScoredItem] = []
        for (k, item) in rankedItems[group].enumerated() where result.count < count {
            if !excluded.contains(item) { result.append(ScoredItem(item: item, score: shares[group][k])) }
        }
        return result
    }

    /// The top `count` of every customer, in parallel.
    /// - Throws: ``RecommendationError`` `.invalidParameter` when `count` < 0.
    public func recommendAll(count: Int = 10) throws(RecommendationError) -> ItemRecommendations {
        guard count >= 0 else {
            throw RecommendationError(.invalidParameter, "the number of recommendations must be at least 0, not \(count)")
        }
        return ItemRecommendations.build(rows: matrix.customerCount, count: count, state: {}) { u, _, items, scores in
            for entry in top(count, group: Int(groups?[u] ?? 0), excluding: matrix.items(ofCustomer: u)) {
                items.append(entry.item)
                scores.append(entry.score)
            }
        }
    }
}
