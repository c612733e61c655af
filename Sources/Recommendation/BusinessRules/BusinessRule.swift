import CustomerModel

/// One business rule applied to a customer's candidate recommendations. Rules are values that
/// encode to JSON, so marketers can keep them in configuration:
///
/// ```json
/// [{"excludeItems": {"itemIDs": ["I00813"], "reason": "out of stock"}},
///  {"excludeBoughtWithin": {"days": 30}},
///  {"boost": {"itemIDs": ["I00042"], "factor": 1.5, "reason": "high margin", "customerIDs": ["C0000007"]}},
///  {"maximumPerCategory": {"limit": 2}}]
/// ```
public enum BusinessRule: Sendable, Hashable, Codable {
    /// Never recommend these items (out of stock, discontinued); `customerIDs` limits the rule
    /// to those customers (items not allowed for them).
    case excludeItems(itemIDs: [String], reason: String, customerIDs: [String]? = nil)
    /// Do not recommend what the customer bought within the last `days` days before the as-of day.
    case excludeBoughtWithin(days: Int)
    /// Multiply the score of these items by `factor` (> 0): high-margin or new items; with
    /// `customerIDs`, only for those customers (potential high-value customers).
    case boost(itemIDs: [String], factor: Double, reason: String, customerIDs: [String]? = nil)
    /// At most `limit` items of one category in a list (diversity); items without a category
    /// in the context are not limited.
    case maximumPerCategory(limit: Int)
}

/// An ordered set of business rules: filters first, then boosts, then the ranking by score
/// (ties: smaller id), then the diversity limits, then the list length.
public struct BusinessRules: Sendable, Hashable, Codable {
    /// The rules, in the order given.
    public var rules: [BusinessRule]

    /// Creates a rule set.
    public init(_ rules: [BusinessRule]) { self.rules = rules }

    /// Checks the parameters of every rule.
    /// - Throws: ``RecommendationError`` `.invalidParameter` naming the first bad rule.
    public func validate() throws(RecommendationError) {
        for (position, rule) in rules.enumerated() {
            switch rule {
            case .excludeBoughtWithin(let days) where days < 0:
                throw RecommendationError(.invalidParameter, "rule \(position): days must be at least 0, not \(days)")
            case .boost(_, let factor, _, _) where !(factor.isFinite && factor > 0):
                throw RecommendationError(.invalidParameter, "rule \(position): a boost factor must be a positive number, not \(factor)")
            case .maximumPerCategory(let limit) where limit < 1:
                throw RecommendationError(.invalidParameter, "rule \(position): the category limit must be at least 1, not \(limit)")
            default: continue
            }
        }
    }

    /// Applies the rules to one customer's candidates and returns at most `count`, best first.
    /// - Throws: ``RecommendationError`` from ``validate()``, or `.unknownIndex` for a customer
    ///   not in the context's snapshot.
    /// - Complexity: O(candidates · rules + the customer's lines).
    public func apply(
        to candidates: [ExplainedRecommendation], customer: Int, context: BusinessRuleContext, count: Int
    ) throws(RecommendationError) -> [ExplainedRecommendation] {
        try validate()
        let snapshot = context.snapshot
        guard customer >= 0, customer < snapshot.customerCount else {
            throw RecommendationError(.unknownIndex, "customer \(customer) is not in 0..<\(snapshot.customerCount)")
        }
        let customerID = snapshot.customerIDs[customer]
        var kept = candidates
        for rule in rules {
            switch rule {
            case .excludeItems(let ids, _, let customers):
                guard customers.map({ $0.contains(customerID) }) ?? true else { continue }
                let excluded = Set(ids.compactMap { context.itemIndex[$0] })
                kept.removeAll { excluded.contains($0.item) }
            case .excludeBoughtWithin(let days):
                let since = context.asOf.dayNumber - Int32(clamping: days)
                var recent = Set<Int32>()
                for o in snapshot.orders(ofCustomer: customer) where snapshot.orderDays[o] >= since && snapshot.orderDays[o] < context.asOf.dayNumber {
                    for line in snapshot.lines(ofOrder: o) { recent.insert(snapshot.lineItems[line]) }
                }
                kept.removeAll { recent.contains($0.item) }
            case .boost(let ids, let factor, let reason, let customers):
                guard customers.map({ $0.contains(customerID) }) ?? true else { continue }
                let boosted = Set(ids.compactMap { context.itemIndex[$0] })
                for k in kept.indices where boosted.contains(kept[k].item) {
                    kept[k].score *= factor
                    kept[k].adjustments.append("\(reason) ×\(factor)")
                }
            case .maximumPerCategory:
                continue  // after the ranking
            }
        }
        let rank = context.itemOrder.rank
        kept.sort { $0.score != $1.score ? $0.score > $1.score : rank[Int($0.item)] < rank[Int($1.item)] }
        for rule in rules {
            guard case .maximumPerCategory(let limit) = rule else { continue }
            var perCategory: [String: Int] = [:]
            kept = kept.filter { candidate in
                guard let category = context.categories[snapshot.itemIDs[Int(candidate.item)]] else { return true }
                perCategory[category, default: 0] += 1
                return perCategory[category, default: 0] <= limit
            }
        }
        return Array(kept.prefix(max(0, count)))
    }
}

/// What the business rules need to know: the snapshot (ids, purchase history), the as-of day,
/// and each item's category.
public struct BusinessRuleContext: Sendable {
    /// The snapshot whose customer and item indices the candidates use.
    public let snapshot: CustomerSnapshot
    /// The day the recommendations are for.
    public let asOf: CalendarDay
    /// Category by item id (for ``BusinessRule/maximumPerCategory(limit:)``).
    public let categories: [String: String]
    let itemIndex: [String: Int32]
    let itemOrder: ItemIDOrder

    /// Creates a context; the item-id look-up is built once here.
    /// - Complexity: O(items).
    public init(snapshot: CustomerSnapshot, asOf: CalendarDay, categories: [String: String] = [:]) {
        self.snapshot = snapshot
        self.asOf = asOf
        self.categories = categories
        var index: [String: Int32] = [:]
        for i in 0..<snapshot.itemCount { index[snapshot.itemIDs[i]] = Int32(i) }
        self.itemIndex = index
        self.itemOrder = ItemIDOrder(ids: snapshot.itemIDs)
    }
}
