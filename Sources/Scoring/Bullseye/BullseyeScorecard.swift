/// Evaluates ``BullseyeAssessment``s against a list of criteria: group scores, an overall
/// score and a probability of success online.
///
/// - A group score is the mean rating of the group's rated criteria (0–10).
/// - The overall score is the mean of all rated criteria, each criterion counting equally
///   (so larger groups weigh more, as in the model's plain sum of points); ``BullseyeResult/totalPoints``
///   is the sum.
/// - The probability of success is ``successMapping`` applied to the overall score.
///
/// ```swift
/// let result = try BullseyeScorecard().evaluate(assessment)
/// result.overallBand          // .medium
/// result.probabilityOfSuccess // 0.62
/// ```
public struct BullseyeScorecard: Hashable, Sendable, Codable {
    /// The criteria, with unique ids.
    public var criteria: [BullseyeCriterion]
    /// Whether every criterion must be rated (default true); when false, unrated criteria
    /// are left out of the means, and groups without a rating have no score.
    public var requireAllCriteria: Bool
    /// The map from overall score to probability of success.
    public var successMapping: BullseyeSuccessMapping

    /// Creates a scorecard.
    public init(
        criteria: [BullseyeCriterion] = BullseyeCriterion.standard, requireAllCriteria: Bool = true,
        successMapping: BullseyeSuccessMapping = .linear
    ) {
        self.criteria = criteria
        self.requireAllCriteria = requireAllCriteria
        self.successMapping = successMapping
    }

    /// Scores an assessment.
    ///
    /// - Throws: ``ScoringError`` `.invalidRating` for a rating outside 0…10, an unknown
    ///   criterion id, or (when ``requireAllCriteria``) a missing one, naming the first such
    ///   criterion in id order; `.invalidParameter` for duplicate criterion ids or an invalid
    ///   mapping; `.degenerateInput` when no criterion is rated.
    /// - Complexity: O(criteria + ratings log ratings).
    public func evaluate(_ assessment: BullseyeAssessment) throws(ScoringError) -> BullseyeResult {
        try successMapping.validate()
        var known = Set<String>()
        for criterion in criteria where !known.insert(criterion.id).inserted {
            throw ScoringError(.invalidParameter, "criterion '\(criterion.id)' appears twice")
        }
        for (id, rating) in assessment.ratings.sorted(by: { $0.key < $1.key }) {
            guard known.contains(id) else {
                throw ScoringError(.invalidRating, "'\(id)' is not a criterion of this scorecard")
            }
            guard (0...10).contains(rating) else {
                throw ScoringError(.invalidRating, "criterion '\(id)': rating \(rating) is outside 0…10")
            }
        }
        if requireAllCriteria, let missing = criteria.map(\.id).sorted().first(where: { assessment.ratings[$0] == nil }) {
            throw ScoringError(.invalidRating, "criterion '\(missing)' is not rated")
        }
        var rated: [BullseyeResult.CriterionRating] = []
        for criterion in criteria {
            guard let rating = assessment.ratings[criterion.id] else { continue }
            rated.append(.init(criterion: criterion, rating: rating, band: BullseyeBand(rating: Double(rating))))
        }
        guard !rated.isEmpty else {
            throw ScoringError(.degenerateInput, "no criterion of '\(assessment.product)' is rated")
        }
        var groups: [BullseyeResult.GroupScore] = []
        for group in BullseyeGroup.allCases {
            let inGroup = rated.filter { $0.criterion.group == group }
            guard !inGroup.isEmpty else { continue }
            let mean = Double(inGroup.reduce(0) { $0 + $1.rating }) / Double(inGroup.count)
            groups.append(.init(group: group, ratedCriteria: inGroup.count, score: mean, band: BullseyeBand(rating: mean)))
        }
        let total = rated.reduce(0) { $0 + $1.rating }
        let overall = Double(total) / Double(rated.count)
        return BullseyeResult(
            product: assessment.product, ratings: rated, groups: groups, totalPoints: total,
            maximumPoints: 10 * rated.count, overallScore: overall, overallBand: BullseyeBand(rating: overall),
            probabilityOfSuccess: successMapping.probability(mean: overall))
    }
}

/// The evaluation of one assessment.
public struct BullseyeResult: Hashable, Sendable, Codable {
    /// One rated criterion.
    public struct CriterionRating: Hashable, Sendable, Codable {
        /// The criterion.
        public var criterion: BullseyeCriterion
        /// Its rating 0–10.
        public var rating: Int
        /// The rating's band.
        public var band: BullseyeBand
    }

    /// One group's score.
    public struct GroupScore: Hashable, Sendable, Codable {
        /// The group.
        public var group: BullseyeGroup
        /// How many of its criteria are rated.
        public var ratedCriteria: Int
        /// The mean rating of those criteria.
        public var score: Double
        /// The band of the mean.
        public var band: BullseyeBand
    }

    /// What was assessed.
    public var product: String
    /// The rated criteria in scorecard order.
    public var ratings: [CriterionRating]
    /// Groups with at least one rated criterion, in ``BullseyeGroup/allCases`` order.
    public var groups: [GroupScore]
    /// The sum of the ratings.
    public var totalPoints: Int
    /// 10 × the number of rated criteria.
    public var maximumPoints: Int
    /// The mean rating (0–10).
    public var overallScore: Double
    /// The band of the mean rating.
    public var overallBand: BullseyeBand
    /// The probability of success online from the scorecard's mapping.
    public var probabilityOfSuccess: Double

    /// The score of `group`, or nil when none of its criteria is rated.
    public func score(of group: BullseyeGroup) -> GroupScore? { groups.first { $0.group == group } }
}
