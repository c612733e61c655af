/// Popularity weighted by category affinity, the cold-start source for customers with little
/// history: score(u, j) = a(u, c(j)) · p(j), where a(u, c) is customer u's affinity share of
/// item j's category and p(j) the share of all buyers who bought j (``PopularityRecommender``).
///
/// Items the catalogue does not list have no category and are never recommended here. Ties go
/// to the smaller item id. A customer without affinity gets nothing (the next fallback fills).
public struct AffinityPopularity: Sendable {
    /// The customers' category affinity.
    public let affinity: CategoryAffinity
    /// The overall popularity ranking.
    public let popularity: PopularityRecommender
    /// The category index of each item of the popularity matrix, -1 for none.
    public let itemCategories: [Int32]
    /// Items of category c by popularity: `categoryItems[categoryOffsets[c]..<categoryOffsets[c+1]]`.
    let categoryOffsets: [Int]
    let categoryItems: [Int32]
    let categoryShares: [Double]

    /// Combines affinity and overall popularity.
    /// - Parameters:
    ///   - popularity: an overall ranking (built without groups).
    ///   - itemCategories: the category of each item of `popularity.matrix`
    ///     (``ItemCatalog/categoryIndices(for:)``), in `affinity`'s category indices.
    /// - Throws: ``RecommendationError`` `.invalidParameter` when the sizes do not match or the
    ///   ranking has groups.
    public init(affinity: CategoryAffinity, popularity: PopularityRecommender, itemCategories: [Int32]) throws(RecommendationError) {
        guard popularity.groups == nil else {
            throw RecommendationError(.invalidParameter, "category-affinity popularity needs the overall ranking, not one per group")
        }
        guard itemCategories.count == popularity.matrix.itemCount else {
            throw RecommendationError(.invalidParameter, "itemCategories has \(itemCategories.count) entries for \(popularity.matrix.itemCount) items")
        }
        let categoryCount = affinity.categoryNames.count
        if let bad = itemCategories.first(where: { $0 >= Int32(categoryCount) }) {
            throw RecommendationError(.invalidParameter, "item category \(bad) is not in 0..<\(categoryCount)")
        }
        guard affinity.snapshotCustomerCount == popularity.matrix.customerCount else {
            throw RecommendationError(.invalidParameter, "the affinity has \(affinity.snapshotCustomerCount) snapshot customers, the matrix \(popularity.matrix.customerCount)")
        }
        var offsets = [Int](repeating: 0, count: categoryCount + 1)
        let ranked = popularity.rankedItems[0], shares = popularity.shares[0]
        for item in ranked where itemCategories[Int(item)] >= 0 { offsets[Int(itemCategories[Int(item)]) + 1] += 1 }
        for c in 0..<categoryCount { offsets[c + 1] += offsets[c] }
        var next = offsets
        var items = [Int32](repeating: 0, count: offsets[categoryCount])
        var itemShares = [Double](repeating: 0, count: offsets[categoryCount])
        for (k, item) in ranked.enumerated() where itemCategories[Int(item)] >= 0 {
            let c = Int(itemCategories[Int(item)])
            items[next[c]] = item
            itemShares[next[c]] = shares[k]
            next[c] += 1
        }
        self.affinity = affinity
        self.popularity = popularity
        self.itemCategories = itemCategories
        self.categoryOffsets = offsets
        self.categoryItems = items
        self.categoryShares = itemShares
    }

    /// The `count` best items for customer `index` that it has not bought, explained as
    /// `.categoryAffinity`.
    /// - Throws: ``RecommendationError`` `.unknownIndex` for a customer not in the matrix.
    public func recommend(forCustomer index: Int, count: Int = 10) throws(RecommendationError) -> [ExplainedRecommendation] {
        guard index >= 0, index < popularity.matrix.customerCount else {
            throw RecommendationError(.unknownIndex, "customer \(index) is not in 0..<\(popularity.matrix.customerCount)")
        }
        let bought = Set(popularity.matrix.items(ofCustomer: index))
        var result: [ExplainedRecommendation] = []
        walk(customer: index) { candidate in
            guard result.count < count else { return .stop }
            if !bought.contains(candidate.item) { result.append(candidate.recommendation(names: affinity.categoryNames)) }
            return result.count < count ? .next : .stop
        }
        return result
    }

    /// A candidate met by ``walk(customer:_:)``.
    struct Candidate {
        let item: Int32
        let category: Int32
        let affinity: Double
        let popularity: Double
        var score: Double { affinity * popularity }

        func recommendation(names: [String]) -> ExplainedRecommendation {
            ExplainedRecommendation(
                item: item, score: score,
                source: .categoryAffinity(category: names[Int(category)], affinity: affinity, popularity: popularity))
        }
    }

    /// What the walk does after a candidate.
    enum Step {
        case next
        /// Skip the rest of this candidate's category (a diversity limit is reached).
        case skipCategory
        case stop
    }

    /// Visits the customer's candidates best first (score, then smaller id): a merge of the
    /// per-category popularity lists of the customer's categories.
    func walk(customer index: Int, _ visit: (Candidate) -> Step) {
        let start = affinity.offsets[index], end = affinity.offsets[index + 1]
        guard end > start else { return }
        var positions: [Int] = []
        var limits: [Int] = []
        var weights: [Double] = []
        var categories: [Int32] = []
        for k in start..<end {
            let c = Int(affinity.categories[k])
            guard categoryOffsets[c + 1] > categoryOffsets[c] else { continue }
            positions.append(categoryOffsets[c])
            limits.append(categoryOffsets[c + 1])
            weights.append(affinity.shares[k])
            categories.append(Int32(c))
        }
        let rank = popularity.matrix.itemOrder.rank
        while true {
            var best = -1
            var bestScore = 0.0
            for m in positions.indices where positions[m] < limits[m] {
                let score = weights[m] * categoryShares[positions[m]]
                if best < 0 || score > bestScore
                    || (score == bestScore && rank[Int(categoryItems[positions[m]])] < rank[Int(categoryItems[positions[best]])])
                {
                    best = m
                    bestScore = score
                }
            }
            guard best >= 0 else { return }
            let p = positions[best]
            positions[best] += 1
            let candidate = Candidate(item: categoryItems[p], category: categories[best], affinity: weights[best], popularity: categoryShares[p])
            switch visit(candidate) {
            case .next: continue
            case .skipCategory: positions[best] = limits[best]
            case .stop: return
            }
        }
    }
}
