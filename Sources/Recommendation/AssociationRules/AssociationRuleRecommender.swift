/// Recommends from association rules: "customers who buy A also buy C".
///
/// A rule fires for a set of bought items when its whole antecedent is among them; each
/// consequent item not yet bought scores the highest confidence of the rules recommending
/// it. Equal scores go to the item with the smaller id. Customers whose items fire no rule
/// get no recommendation (fill them from ``PopularityRecommender``).
public struct AssociationRuleRecommender: Sendable {
    /// The rules recommendations come from.
    public let rules: AssociationRules
    /// Rule positions by the first item (in id order) of their antecedent.
    private let rulesByFirstItem: [Int32: [Int]]

    /// Indexes `rules` by antecedent.
    public init(rules: AssociationRules) {
        var index: [Int32: [Int]] = [:]
        for (position, rule) in rules.rules.enumerated() {
            if let first = rule.antecedent.first { index[first, default: []].append(position) }
        }
        self.rules = rules
        self.rulesByFirstItem = index
    }

    /// The `count` best recommendations for a set of bought items.
    /// - Complexity: O(fired rules · rule length + items · log count).
    public func recommend(forItems bought: some Collection<Int32>, count: Int = 10) -> [ScoredItem] {
        var items: [Int32] = []
        var scores: [Double] = []
        var best = BestScores(capacity: max(0, count))
        append(forItems: Array(bought), best: &best, into: &items, &scores)
        return zip(items, scores).map { ScoredItem(item: $0, score: $1) }
    }

    /// The top `count` of every customer of `matrix` (its rows' items are what they bought), in
    /// parallel.
    /// - Throws: ``RecommendationError`` `.invalidParameter` when `count` < 0.
    public func recommendAll(matrix: PurchaseMatrix, count: Int = 10) throws(RecommendationError) -> ItemRecommendations {
        guard count >= 0 else {
            throw RecommendationError(.invalidParameter, "the number of recommendations must be at least 0, not \(count)")
        }
        return ItemRecommendations.build(rows: matrix.customerCount, count: count, state: { BestScoresBox(capacity: count) }) {
            u, box, items, scores in
            append(forItems: Array(matrix.items(ofCustomer: u)), best: &box.best, into: &items, &scores)
        }
    }

    private func append(forItems bought: [Int32], best: inout BestScores, into items: inout [Int32], _ scores: inout [Double]) {
        var candidates: [Int32: Double] = [:]
        for item in bought {
            for position in rulesByFirstItem[item] ?? [] {
                let rule = rules.rules[position]
                guard rule.antecedent.allSatisfy(bought.contains) else { continue }
                let confidence = rule.confidence
                for consequent in rule.consequent where !bought.contains(consequent) {
                    candidates[consequent] = max(candidates[consequent] ?? 0, confidence)
                }
            }
        }
        let rank = rules.itemOrder.rank
        for (item, score) in candidates { best.offer(score, key: rank[Int(item)]) }
        var keptScores = [Double](repeating: 0, count: best.capacity)
        var keptKeys = [Int32](repeating: 0, count: best.capacity)
        let kept = best.drainBestFirst(scoresOut: &keptScores, keysOut: &keptKeys)
        for n in 0..<kept {
            items.append(rules.itemOrder.items[Int(keptKeys[n])])
            scores.append(keptScores[n])
        }
    }
}

/// A heap owned by one slice of rows.
final class BestScoresBox {
    var best: BestScores
    init(capacity: Int) { best = BestScores(capacity: capacity) }
}
