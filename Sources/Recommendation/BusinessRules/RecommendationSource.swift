import CustomerModel

/// Where a recommendation came from, for the explanation shown with it.
public enum RecommendationSource: Sendable, Hashable, Codable {
    /// Item-item CF: the bought items whose neighbour it is, largest contribution first
    /// (each `score` is x[u,i] · sim(i, item)).
    case collaborativeFiltering(because: [ScoredItem])
    /// An association rule: customers who buy `antecedent` also buy it, with this confidence.
    case associationRule(antecedent: [Int32], confidence: Double, lift: Double)
    /// Popular overall (or with the customer's group): the share of customers who bought it.
    case popularity(share: Double)
    /// Popular in a category the customer likes: the customer's affinity share of the category
    /// and the item's popularity share; the score is their product.
    case categoryAffinity(category: String, affinity: Double, popularity: Double)
    /// Popular in the customer's segment: the share of the segment's buyers who bought it.
    case segmentPopularity(segment: String, share: Double)
    /// Popular in the customer's region: the share of the region's buyers who bought it.
    case regionPopularity(region: String, share: Double)
    /// A repurchase that is due: the customer's cycle and the due day.
    case replenishment(cycleDays: Double, due: CalendarDay)
}

/// A recommendation with its explanation: where it came from and what the business rules did.
public struct ExplainedRecommendation: Sendable, Hashable, Codable {
    /// The item index.
    public let item: Int32
    /// The score after the business rules.
    public var score: Double
    /// Where it came from.
    public let source: RecommendationSource
    /// The boosts applied, in order (their reasons and factors).
    public var adjustments: [String]

    /// Creates a recommendation before any rule applied.
    public init(item: Int32, score: Double, source: RecommendationSource, adjustments: [String] = []) {
        self.item = item
        self.score = score
        self.source = source
        self.adjustments = adjustments
    }
}

extension ItemItemRecommender {
    /// The bought items that make customer `customer`'s score of `item`, largest contribution
    /// x[u,i] · sim(i, item) first (ties: smaller id); empty when none has `item` as a neighbour.
    /// - Throws: ``RecommendationError`` `.unknownIndex` for a customer or item not in the model.
    public func contributions(customer: Int, item: Int) throws(RecommendationError) -> [ScoredItem] {
        guard customer >= 0, customer < matrix.customerCount, item >= 0, item < matrix.itemCount else {
            throw RecommendationError(.unknownIndex, "customer \(customer) or item \(item) is not in the model")
        }
        let rank = matrix.itemOrder.rank
        var found: [ScoredItem] = []
        for k in matrix.rowOffsets[customer]..<matrix.rowOffsets[customer + 1] {
            let bought = Int(matrix.rowItems[k])
            let sim = neighbors.similarity(of: bought, to: item)
            if sim > 0 { found.append(ScoredItem(item: Int32(bought), score: Double(matrix.rowCounts[k]) * sim)) }
        }
        return found.sorted { $0.score != $1.score ? $0.score > $1.score : rank[Int($0.item)] < rank[Int($1.item)] }
    }

    /// The top `count` recommendations of a customer, each with the bought items behind it.
    /// - Throws: ``RecommendationError`` `.unknownIndex` for a customer not in the model.
    public func explainedRecommendations(forCustomer customer: Int, count: Int = 10) throws(RecommendationError) -> [ExplainedRecommendation] {
        var result: [ExplainedRecommendation] = []
        for entry in try recommend(forCustomer: customer, count: count) {
            let because = try contributions(customer: customer, item: Int(entry.item))
            result.append(ExplainedRecommendation(item: entry.item, score: entry.score, source: .collaborativeFiltering(because: because)))
        }
        return result
    }
}

extension PopularityRecommender {
    /// ``recommend(forCustomer:count:)`` with the explanation `.popularity(share:)`.
    /// - Throws: ``RecommendationError`` `.unknownIndex` for a customer not in the matrix.
    public func explainedRecommendations(forCustomer customer: Int, count: Int = 10) throws(RecommendationError) -> [ExplainedRecommendation] {
        try recommend(forCustomer: customer, count: count).map {
            ExplainedRecommendation(item: $0.item, score: $0.score, source: .popularity(share: $0.score))
        }
    }
}

extension AssociationRuleRecommender {
    /// ``recommend(forItems:count:)`` with the strongest rule behind each item (highest
    /// confidence, then highest lift).
    public func explainedRecommendations(forItems bought: some Collection<Int32>, count: Int = 10) -> [ExplainedRecommendation] {
        let basket = Array(bought)
        let fired = rules.rules(firedBy: basket)
        return recommend(forItems: basket, count: count).compactMap { entry in
            let best = fired.filter { $0.consequent.contains(entry.item) }.max {
                ($0.confidence, $0.lift) < ($1.confidence, $1.lift)
            }
            return best.map {
                ExplainedRecommendation(
                    item: entry.item, score: entry.score,
                    source: .associationRule(antecedent: $0.antecedent, confidence: $0.confidence, lift: $0.lift))
            }
        }
    }
}

extension ReplenishmentCycles {
    /// The customer's items whose reminder window contains `day`, as recommendations with the
    /// explanation `.replenishment`; the score is 1 (due now), for ranking beside other sources.
    public func explainedRecommendations(forCustomer customer: Int, on day: CalendarDay) -> [ExplainedRecommendation] {
        (0..<count).filter { Int(customers[$0]) == customer && status(of: $0, on: day) == .due }.map {
            ExplainedRecommendation(
                item: items[$0], score: 1,
                source: .replenishment(cycleDays: cycleDays[$0], due: CalendarDay(dayNumber: dueDays[$0])))
        }
    }
}
