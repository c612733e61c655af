import CustomerModel

/// Low-satisfaction flags and the factors most associated with dissatisfaction and delight.
///
/// Defaults for a 1–5 scale: ratings 1–2 are low (dissatisfied), 5 is high (delighted).
///
/// For a factor f and the low group L, with n responses in all, n_L of them low, n_f
/// mentioning f and n_{f,L} both:
///
/// ```
/// lift_L(f) = (n_{f,L} / n_f) / (n_L / n)    = P(low | f) / P(low)
/// ```
///
/// and likewise for the high group. A lift above 1 means low ratings are more common when
/// f is mentioned. Factors are ranked by lift (descending), then by n_{f,L} (descending),
/// then by factor; only factors with n_{f,L} ≥ ``minimumSupport`` are listed.
public struct SatisfactionAnalysis: Hashable, Sendable, Codable {
    /// The rating scale.
    public var scale: ClosedRange<Int>
    /// Ratings that count as low (dissatisfied).
    public var lowRatings: ClosedRange<Int>
    /// Ratings that count as high (delighted).
    public var highRatings: ClosedRange<Int>
    /// The fewest responses of a group that must mention a factor for it to be listed.
    public var minimumSupport: Int

    /// Creates an analysis (defaults: scale 1…5, low 1…2, high 5…5, support 1).
    public init(scale: ClosedRange<Int> = 1...5, lowRatings: ClosedRange<Int> = 1...2, highRatings: ClosedRange<Int> = 5...5, minimumSupport: Int = 1) {
        self.scale = scale
        self.lowRatings = lowRatings
        self.highRatings = highRatings
        self.minimumSupport = minimumSupport
    }

    /// A factor's association with a group.
    public struct FactorAssociation: Hashable, Sendable, Codable {
        /// The factor.
        public var factor: SatisfactionFactor
        /// Responses mentioning it (n_f).
        public var mentions: Int
        /// Of those, responses in the group (n_{f,G}).
        public var mentionsInGroup: Int
        /// P(group | factor) / P(group).
        public var lift: Double
    }

    /// A flagged customer and the response that flagged them.
    public struct Flag: Hashable, Sendable, Codable {
        /// The customer.
        public var customerID: CustomerID
        /// Their latest rating.
        public var rating: Int
        /// Its day.
        public var day: CalendarDay
    }

    /// Checks the ranges sit inside the scale, do not overlap, and support ≥ 1.
    /// - Throws: ``ScoringError`` `.invalidParameter`.
    public func validate() throws(ScoringError) {
        guard scale.contains(lowRatings.lowerBound), scale.contains(lowRatings.upperBound),
              scale.contains(highRatings.lowerBound), scale.contains(highRatings.upperBound),
              !lowRatings.overlaps(highRatings), minimumSupport >= 1
        else {
            throw ScoringError(.invalidParameter, "low \(lowRatings) and high \(highRatings) must be disjoint ranges inside \(scale), support ≥ 1")
        }
    }

    /// Customers whose latest response (greatest day; on a tie, the later in the input) is
    /// a low rating, sorted by customer id.
    /// - Throws: ``ScoringError`` `.invalidRating` for a rating off the scale (naming the
    ///   response), `.invalidParameter` for invalid settings.
    /// - Complexity: O(r log r) for r responses.
    public func lowSatisfactionFlags(_ responses: [SurveyResponse]) throws(ScoringError) -> [Flag] {
        try check(responses)
        var latest: [CustomerID: SurveyResponse] = [:]
        for response in responses where (latest[response.customerID]?.day ?? response.day) <= response.day {
            latest[response.customerID] = response
        }
        return latest.values.filter { lowRatings.contains($0.rating) }.sorted { $0.customerID < $1.customerID }
            .map { Flag(customerID: $0.customerID, rating: $0.rating, day: $0.day) }
    }

    /// Factors ranked by lift among low ratings (causes of dissatisfaction).
    /// - Throws: as ``lowSatisfactionFlags(_:)``, and `.degenerateInput` for no responses.
    /// - Complexity: O(r·f + k log k) for r responses, f factors each, k distinct factors.
    public func dissatisfactionFactors(_ responses: [SurveyResponse]) throws(ScoringError) -> [FactorAssociation] {
        try rank(responses, group: lowRatings)
    }

    /// Factors ranked by lift among high ratings (sources of delight).
    /// - Throws: as ``dissatisfactionFactors(_:)``.
    /// - Complexity: as ``dissatisfactionFactors(_:)``.
    public func delightFactors(_ responses: [SurveyResponse]) throws(ScoringError) -> [FactorAssociation] {
        try rank(responses, group: highRatings)
    }

    private func check(_ responses: [SurveyResponse]) throws(ScoringError) {
        try validate()
        if let i = responses.firstIndex(where: { !scale.contains($0.rating) }) {
            throw ScoringError(.invalidRating, "response \(i) of \(responses[i].customerID): rating \(responses[i].rating) is outside \(scale.lowerBound)…\(scale.upperBound)")
        }
    }

    private func rank(_ responses: [SurveyResponse], group: ClosedRange<Int>) throws(ScoringError) -> [FactorAssociation] {
        try check(responses)
        guard !responses.isEmpty else { throw ScoringError(.degenerateInput, "no survey responses") }
        var mentions: [SatisfactionFactor: (all: Int, inGroup: Int)] = [:]
        var groupSize = 0
        for response in responses {
            let inGroup = group.contains(response.rating)
            if inGroup { groupSize += 1 }
            for factor in Set(response.factors) {
                mentions[factor, default: (0, 0)].all += 1
                if inGroup { mentions[factor, default: (0, 0)].inGroup += 1 }
            }
        }
        guard groupSize > 0 else { return [] }
        let base = Double(groupSize) / Double(responses.count)
        return mentions.filter { $0.value.inGroup >= minimumSupport }.map { factor, n in
            FactorAssociation(factor: factor, mentions: n.all, mentionsInGroup: n.inGroup, lift: Double(n.inGroup) / Double(n.all) / base)
        }.sorted { a, b in
            if a.lift != b.lift { return a.lift > b.lift }
            if a.mentionsInGroup != b.mentionsInGroup { return a.mentionsInGroup > b.mentionsInGroup }
            return a.factor < b.factor
        }
    }
}
