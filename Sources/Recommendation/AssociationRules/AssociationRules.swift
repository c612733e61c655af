/// The association rules of a set of frequent itemsets, strongest first.
///
/// Every frequent itemset of two or more items gives a rule A → C for every split into
/// non-empty A and C; a rule is kept when its confidence is at least ``minimumConfidence``.
/// Rules are ordered as the reference tools report them: lift descending, then confidence
/// descending (both rounded to 10 decimals, so A → C and C → A tie), then the antecedent and
/// then the consequent as id lists, ascending.
///
/// ```swift
/// let rules = try AssociationRules(itemsets: itemsets, minimumConfidence: 0.2)
/// rules[0].lift
/// rules.rules(withAntecedent: [item])   // "customers who buy A also buy ..."
/// ```
public struct AssociationRules: Sendable {
    /// The smallest confidence of a kept rule.
    public let minimumConfidence: Double
    /// Number of baskets.
    public let basketCount: Int
    /// The rules, strongest first.
    public let rules: [AssociationRule]
    /// The id order of the items.
    public let itemOrder: ItemIDOrder
    private let byAntecedent: [[Int32]: [Int]]

    /// The largest frequent itemset whose rules are enumerated (2^k − 2 rules per itemset).
    public static let maximumItemsetLength = 24

    /// Derives the rules of `itemsets`.
    /// - Throws: ``RecommendationError`` `.invalidParameter` for a confidence outside [0, 1];
    ///   `.resultTooLarge` when an itemset has more than ``maximumItemsetLength`` items (limit
    ///   the mining with `FPGrowth(maximumLength:)`).
    /// - Complexity: O(Σ 2^k · k) over itemsets of size k.
    public init(itemsets: FrequentItemsets, minimumConfidence: Double) throws(RecommendationError) {
        guard minimumConfidence.isFinite, minimumConfidence >= 0, minimumConfidence <= 1 else {
            throw RecommendationError(.invalidParameter, "minimum confidence must be in [0, 1], not \(minimumConfidence)")
        }
        var rules: [AssociationRule] = []
        var antecedent: [Int32] = []
        var consequent: [Int32] = []
        for k in 0..<itemsets.count {
            let items = Array(itemsets.items(at: k))
            guard items.count >= 2 else { continue }
            guard items.count <= Self.maximumItemsetLength else {
                throw RecommendationError(
                    .resultTooLarge,
                    "a frequent itemset has \(items.count) items (more than \(Self.maximumItemsetLength)); limit the itemset length")
            }
            let count = itemsets.counts[k]
            for mask in 1..<((1 << items.count) - 1) {
                antecedent.removeAll(keepingCapacity: true)
                consequent.removeAll(keepingCapacity: true)
                for (bit, item) in items.enumerated() {
                    if mask & (1 << bit) != 0 { antecedent.append(item) } else { consequent.append(item) }
                }
                // Subsets of a frequent itemset are frequent, so both look-ups succeed.
                guard let a = itemsets.position(ofCanonical: antecedent),
                    let c = itemsets.position(ofCanonical: consequent)
                else { continue }
                let antecedentCount = itemsets.counts[a]
                guard Double(count) / Double(antecedentCount) >= minimumConfidence else { continue }
                rules.append(AssociationRule(
                    antecedent: antecedent, consequent: consequent, count: count,
                    antecedentCount: antecedentCount, consequentCount: itemsets.counts[c],
                    basketCount: itemsets.basketCount))
            }
        }
        let order = itemsets.itemOrder
        let keys = rules.map { (lift: Self.rounded($0.lift), confidence: Self.rounded($0.confidence)) }
        let sorted = rules.indices.sorted { x, y in
            if keys[x].lift != keys[y].lift { return keys[x].lift > keys[y].lift }
            if keys[x].confidence != keys[y].confidence { return keys[x].confidence > keys[y].confidence }
            if rules[x].antecedent != rules[y].antecedent { return order.precedes(rules[x].antecedent, rules[y].antecedent) }
            return order.precedes(rules[x].consequent, rules[y].consequent)
        }
        self.rules = sorted.map { rules[$0] }
        var byAntecedent: [[Int32]: [Int]] = [:]
        for (position, rule) in self.rules.enumerated() { byAntecedent[rule.antecedent, default: []].append(position) }
        self.byAntecedent = byAntecedent
        self.minimumConfidence = minimumConfidence
        self.basketCount = itemsets.basketCount
        self.itemOrder = order
    }

    /// A value rounded to 10 decimals, as the sort key (the reference tools round the same way).
    private static func rounded(_ value: Double) -> Double {
        value.isFinite ? (value * 1e10).rounded() / 1e10 : value
    }

    /// Number of rules.
    public var count: Int { rules.count }

    /// Rule `index`, strongest first.
    public subscript(index: Int) -> AssociationRule { rules[index] }

    /// The rules whose antecedent is exactly `items` (in any order), strongest first:
    /// "customers who buy these also buy …".
    public func rules(withAntecedent items: some Sequence<Int32>) -> [AssociationRule] {
        let rank = itemOrder.rank
        let key = items.sorted { rank[Int($0)] < rank[Int($1)] }
        return (byAntecedent[key] ?? []).map { rules[$0] }
    }

    /// The rules that fire for a basket: antecedent contained in `basket` and at least one
    /// consequent item not in it, strongest first.
    /// - Complexity: O(rules · rule length).
    public func rules(firedBy basket: some Sequence<Int32>) -> [AssociationRule] {
        let present = Set(basket)
        return rules.filter { rule in
            rule.antecedent.allSatisfy(present.contains) && !rule.consequent.allSatisfy(present.contains)
        }
    }
}
