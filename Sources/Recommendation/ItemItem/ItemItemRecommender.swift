import CustomerModel

/// Item-item collaborative filtering with cosine similarity, as implicit's
/// `CosineRecommender(K)` computes it ("customers who bought what you bought also bought").
///
/// score(u, j) = Σ_i x[u,i] · sim_K(i, j), where sim_K(i, ·) keeps the K most similar items of
/// i (itself included; ``ItemNeighbors``). A customer's recommendations are the N unbought
/// items with the highest positive scores; equal scores go to the item with the smaller id.
///
/// ```swift
/// let model = try ItemItemRecommender(snapshot: snapshot, neighborCount: 50)
/// let all = try model.recommendAll(count: 10)           // every customer, on all cores
/// let one = try model.recommend(forCustomer: 42)         // one customer on demand
/// let alsoBought = try model.alsoBought(item: 7)         // "customers who bought this also bought"
/// ```
///
/// See `Documentation/ItemItemCF.md`.
public struct ItemItemRecommender: Sendable {
    /// The purchase counts the model was built from.
    public let matrix: PurchaseMatrix
    /// Each item's K nearest neighbours.
    public let neighbors: ItemNeighbors

    /// Builds the model on a purchase matrix.
    /// - Throws: ``RecommendationError`` `.invalidParameter` when `neighborCount` < 1.
    public init(matrix: PurchaseMatrix, neighborCount: Int = 50) throws(RecommendationError) {
        self.matrix = matrix
        self.neighbors = try ItemNeighbors(matrix: matrix, neighborCount: neighborCount)
    }

    /// Builds the model on a snapshot's purchases (every order line counts once).
    /// - Throws: ``RecommendationError`` `.invalidParameter` when `neighborCount` < 1.
    public init(snapshot: CustomerSnapshot, neighborCount: Int = 50) throws(RecommendationError) {
        try self.init(matrix: PurchaseMatrix(snapshot: snapshot), neighborCount: neighborCount)
    }

    /// The top `count` recommendations of every customer, in parallel.
    /// - Throws: ``RecommendationError`` `.invalidParameter` when `count` < 0.
    /// - Complexity: O(Σ_u items(u) · K + candidates · log N).
    public func recommendAll(count: Int = 10) throws(RecommendationError) -> ItemRecommendations {
        try Self.validate(count: count)
        return recommend(rows: matrix.customerCount, count: count) { $0 }
    }

    /// Row r of the result holds the recommendations of customer `customer(r)`.
    private func recommend(rows: Int, count: Int, customer: @Sendable (Int) -> Int) -> ItemRecommendations {
        ItemRecommendations.build(
            rows: rows, count: count,
            state: { ItemScorer(neighbors: neighbors, itemOrder: matrix.itemOrder, count: count) },
            fill: { row, scorer, items, scores in scorer.scoreRow(of: customer(row), in: matrix, into: &items, &scores) })
    }

    /// The top `count` recommendations of the given customers (row r of the result is
    /// `customers[r]`), in parallel.
    /// - Throws: ``RecommendationError`` `.unknownIndex` for a customer not in the matrix.
    public func recommend(forCustomers customers: [Int], count: Int = 10) throws(RecommendationError) -> ItemRecommendations {
        try Self.validate(count: count)
        if let bad = customers.first(where: { $0 < 0 || $0 >= matrix.customerCount }) {
            throw RecommendationError(.unknownIndex, "customer \(bad) is not in 0..<\(matrix.customerCount)")
        }
        return recommend(rows: customers.count, count: count) { customers[$0] }
    }

    /// The top `count` recommendations of customer `index` (an index of ``matrix``).
    /// - Throws: ``RecommendationError`` `.unknownIndex` for a customer not in the matrix.
    /// - Complexity: O(items · K + candidates · log N), plus O(item count) scratch.
    public func recommend(forCustomer index: Int, count: Int = 10) throws(RecommendationError) -> [ScoredItem] {
        try Self.validate(count: count)
        guard index >= 0, index < matrix.customerCount else {
            throw RecommendationError(.unknownIndex, "customer \(index) is not in 0..<\(matrix.customerCount)")
        }
        let scorer = ItemScorer(neighbors: neighbors, itemOrder: matrix.itemOrder, count: count)
        var items: [Int32] = []
        var scores: [Double] = []
        scorer.scoreRow(of: index, in: matrix, into: &items, &scores)
        return zip(items, scores).map { ScoredItem(item: $0, score: $1) }
    }

    /// The top `count` recommendations for any weighted set of items (a basket in progress, a
    /// new customer's browsing): score(j) = Σ weight(i) · sim_K(i, j); the given items are
    /// not recommended.
    /// - Throws: ``RecommendationError`` `.unknownIndex` for an item not in the model,
    ///   `.invalidParameter` for a weight that is not a positive number.
    public func recommend(forItems weighted: [(item: Int32, weight: Double)], count: Int = 10) throws(RecommendationError) -> [ScoredItem] {
        try Self.validate(count: count)
        let rank = matrix.itemOrder.rank
        for entry in weighted {
            guard entry.item >= 0, Int(entry.item) < matrix.itemCount else {
                throw RecommendationError(.unknownIndex, "item \(entry.item) is not in 0..<\(matrix.itemCount)")
            }
            guard entry.weight.isFinite, entry.weight > 0 else {
                throw RecommendationError(.invalidParameter, "the weight of item \(entry.item) is \(entry.weight), not a positive number")
            }
        }
        // Sum in id order, as for a customer's row.
        let sorted = weighted.sorted { rank[Int($0.item)] < rank[Int($1.item)] }
        let scorer = ItemScorer(neighbors: neighbors, itemOrder: matrix.itemOrder, count: count)
        var items: [Int32] = []
        var scores: [Double] = []
        let basket = sorted.map(\.item)
        basket.withUnsafeBufferPointer { basket in
            scorer.score(items: basket, weight: { sorted[$0].weight }, into: &items, &scores)
        }
        return zip(items, scores).map { ScoredItem(item: $0, score: $1) }
    }

    /// "Customers who bought this also bought": the item's most similar other items.
    /// - Throws: ``RecommendationError`` `.unknownIndex` for an item not in the model.
    public func alsoBought(item: Int, count: Int = 10) throws(RecommendationError) -> [ScoredItem] {
        try Self.validate(count: count)
        guard item >= 0, item < matrix.itemCount else {
            throw RecommendationError(.unknownIndex, "item \(item) is not in 0..<\(matrix.itemCount)")
        }
        return Array(neighbors.neighbors(of: item).lazy.filter { $0.item != Int32(item) }.prefix(count))
    }

    private static func validate(count: Int) throws(RecommendationError) {
        guard count >= 0 else {
            throw RecommendationError(.invalidParameter, "the number of recommendations must be at least 0, not \(count)")
        }
    }
}

/// The scoring kernel with its scratch space: a dense score per item, the list of items
/// touched, a marker of the excluded items, and the top-N heap. One per thread; a class only
/// so that its buffers are freed in `deinit`.
final class ItemScorer {
    private let neighbors: ItemNeighbors
    private let rank: [Int32]
    private let byRank: [Int32]
    private let sums: UnsafeMutableBufferPointer<Double>
    private let excluded: UnsafeMutableBufferPointer<Bool>
    private let touched: UnsafeMutableBufferPointer<Int32>
    private var best: BestScores
    private var keptScores: [Double]
    private var keptKeys: [Int32]

    init(neighbors: ItemNeighbors, itemOrder: ItemIDOrder, count: Int) {
        self.neighbors = neighbors
        rank = itemOrder.rank
        byRank = itemOrder.items
        let items = neighbors.itemCount
        sums = .allocate(capacity: items)
        sums.initialize(repeating: 0)
        excluded = .allocate(capacity: items)
        excluded.initialize(repeating: false)
        touched = .allocate(capacity: items)
        touched.initialize(repeating: 0)
        best = BestScores(capacity: count)
        keptScores = [Double](repeating: 0, count: count)
        keptKeys = [Int32](repeating: 0, count: count)
    }

    deinit {
        sums.deallocate()
        excluded.deallocate()
        touched.deallocate()
    }

    /// Appends the recommendations of customer `u` of `matrix`.
    func scoreRow(of u: Int, in matrix: PurchaseMatrix, into items: inout [Int32], _ scores: inout [Double]) {
        let start = matrix.rowOffsets[u], end = matrix.rowOffsets[u + 1]
        matrix.rowItems.withUnsafeBufferPointer { rowItems in
            matrix.rowCounts.withUnsafeBufferPointer { rowCounts in
                score(
                    items: UnsafeBufferPointer(rebasing: rowItems[start..<end]),
                    weight: { Double(rowCounts[start + $0]) }, into: &items, &scores)
            }
        }
    }

    /// Appends the top N of Σ weight · sim over `items`, those items excluded.
    @inline(__always)
    func score(items basket: UnsafeBufferPointer<Int32>, weight: (Int) -> Double, into items: inout [Int32], _ scores: inout [Double]) {
        var touchedCount = 0
        neighbors.offsets.withUnsafeBufferPointer { offsets in
            neighbors.neighbors.withUnsafeBufferPointer { neighborItems in
                neighbors.similarities.withUnsafeBufferPointer { similarities in
                    for k in basket.indices {
                        let item = Int(basket[k])
                        let x = weight(k)
                        for n in offsets[item]..<offsets[item + 1] {
                            let j = Int(neighborItems[n])
                            // Weights and similarities are positive: a zero sum is an untouched item.
                            if sums[j] == 0 {
                                touched[touchedCount] = Int32(j)
                                touchedCount += 1
                            }
                            sums[j] += x * similarities[n]
                        }
                    }
                }
            }
        }
        for item in basket { excluded[Int(item)] = true }
        // The heap moves into a local for the loop: no exclusivity check per candidate.
        var heap = BestScores(capacity: 0)
        swap(&heap, &best)
        rank.withUnsafeBufferPointer { rank in
            for t in 0..<touchedCount {
                let j = Int(touched[t])
                let sum = sums[j]
                sums[j] = 0
                if !excluded[j], heap.admits(sum, key: rank[j]) { heap.offer(sum, key: rank[j]) }
            }
        }
        for item in basket { excluded[Int(item)] = false }
        let kept = heap.drainBestFirst(scoresOut: &keptScores, keysOut: &keptKeys)
        swap(&heap, &best)
        for n in 0..<kept {
            items.append(byRank[Int(keptKeys[n])])
            scores.append(keptScores[n])
        }
    }
}
