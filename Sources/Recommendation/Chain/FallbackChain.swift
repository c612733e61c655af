/// One level of a ``FallbackChain``: a source of recommendations.
public enum FallbackLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// The customer's own history: repurchases whose reminder window contains the as-of day
    /// (``ReplenishmentCycles``); the only level that recommends items already bought.
    case replenishment
    /// Item-item collaborative filtering (``ItemItemRecommender``).
    case collaborativeFiltering
    /// Association rules fired by the customer's items (``AssociationRuleRecommender``).
    case associationRules
    /// Popular items of the categories the customer likes: affinity share × popularity share
    /// (``AffinityPopularity``).
    case categoryAffinity
    /// Popular in the customer's segment (``GroupPopularity``).
    case segmentPopularity
    /// Popular in the customer's region (``GroupPopularity``).
    case regionPopularity
    /// Popular with everyone (``PopularityRecommender``).
    case overallPopularity

    /// Whether the level needs the customer's own purchases (and is skipped for customers with
    /// less than ``FallbackChain/minimumHistoryItems``).
    public var isPersonal: Bool {
        switch self {
        case .replenishment, .collaborativeFiltering, .associationRules: return true
        default: return false
        }
    }
}

/// The order in which recommendation sources fill a customer's list, and the limits applied
/// while filling it. A value that encodes to JSON, so the chain lives in configuration:
///
/// ```json
/// {"levels": ["replenishment", "collaborativeFiltering", "categoryAffinity",
///             "segmentPopularity", "regionPopularity", "overallPopularity"],
///  "minimumHistoryItems": 1, "maximumPerCategory": 3}
/// ```
///
/// Each level adds its candidates, best first, skipping items already listed, items the
/// customer bought (except for `replenishment`) and items whose category already holds
/// ``maximumPerCategory`` entries, until the list is full; then the next level continues.
/// Personal levels (`replenishment`, `collaborativeFiltering`, `associationRules`) skip
/// customers with fewer than ``minimumHistoryItems`` distinct items bought. Personal
/// levels offer at most ``candidateCount(for:)`` candidates each; popularity levels offer
/// their whole ranking.
public struct FallbackChain: Sendable, Hashable, Codable {
    /// The levels, first to last.
    public var levels: [FallbackLevel]
    /// The fewest distinct items bought for the personal levels to apply (default 1).
    public var minimumHistoryItems: Int
    /// At most this many items of one category per list (nil: no limit); needs item categories.
    public var maximumPerCategory: Int?

    /// The chain of the issue: history, CF, category affinity, segment, region, overall.
    public static let standard = FallbackChain(levels: [
        .replenishment, .collaborativeFiltering, .categoryAffinity, .segmentPopularity, .regionPopularity, .overallPopularity,
    ])

    /// Creates a chain.
    public init(levels: [FallbackLevel], minimumHistoryItems: Int = 1, maximumPerCategory: Int? = nil) {
        self.levels = levels
        self.minimumHistoryItems = minimumHistoryItems
        self.maximumPerCategory = maximumPerCategory
    }

    /// Checks the parameters.
    /// - Throws: ``RecommendationError`` `.invalidParameter` for no levels, a level listed
    ///   twice, a negative history minimum or a category limit below 1.
    public func validate() throws(RecommendationError) {
        guard !levels.isEmpty else { throw RecommendationError(.invalidParameter, "a fallback chain needs at least one level") }
        guard Set(levels).count == levels.count else {
            throw RecommendationError(.invalidParameter, "a fallback chain lists a level twice: \(levels.map(\.rawValue))")
        }
        guard minimumHistoryItems >= 0 else {
            throw RecommendationError(.invalidParameter, "minimumHistoryItems must be at least 0, not \(minimumHistoryItems)")
        }
        if let limit = maximumPerCategory, limit < 1 {
            throw RecommendationError(.invalidParameter, "maximumPerCategory must be at least 1, not \(limit)")
        }
    }

    /// How many candidates a personal level offers for a list of `count`: `count`, or
    /// `2·count` with a category limit (so that the limit rarely empties a level; more would cost
    /// top-N work for every customer).
    public func candidateCount(for count: Int) -> Int { maximumPerCategory == nil ? count : 2 * count }
}
