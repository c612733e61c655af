import CustomerModel

/// Customer satisfaction (CSAT) from 1–5 ratings: the share of 4s and 5s.
public struct CustomerSatisfactionScore: Hashable, Sendable, Codable {
    /// Ratings counted.
    public let responses: Int
    /// Ratings of 4 or 5.
    public let satisfied: Int
    /// satisfied / responses (0…1).
    public var score: Double { Double(satisfied) / Double(responses) }

    /// Computes CSAT.
    /// - Throws: ``ScoringError`` `.invalidRating` for a rating outside 1…5 (naming its
    ///   position), `.degenerateInput` for no ratings.
    /// - Complexity: O(ratings).
    public static func compute(_ ratings: [Int]) throws(ScoringError) -> CustomerSatisfactionScore {
        try SatisfactionScale.check(ratings, in: 1...5)
        return CustomerSatisfactionScore(responses: ratings.count, satisfied: ratings.filter { $0 >= 4 }.count)
    }
}

/// The Net Promoter Score from 0–10 "would you recommend" ratings: promoters rate 9–10,
/// detractors 0–6, passives 7–8; NPS = 100 · (promoters − detractors) / responses, in −100…100.
public struct NetPromoterScore: Hashable, Sendable, Codable {
    /// Ratings counted.
    public let responses: Int
    /// Ratings of 9 or 10.
    public let promoters: Int
    /// Ratings of 7 or 8.
    public let passives: Int
    /// Ratings of 0 to 6.
    public let detractors: Int
    /// 100 · (promoters − detractors) / responses.
    public var score: Double { 100 * Double(promoters - detractors) / Double(responses) }

    /// Computes NPS.
    /// - Throws: ``ScoringError`` `.invalidRating` for a rating outside 0…10 (naming its
    ///   position), `.degenerateInput` for no ratings.
    /// - Complexity: O(ratings).
    public static func compute(_ ratings: [Int]) throws(ScoringError) -> NetPromoterScore {
        try SatisfactionScale.check(ratings, in: 0...10)
        let promoters = ratings.filter { $0 >= 9 }.count
        let detractors = ratings.filter { $0 <= 6 }.count
        return NetPromoterScore(
            responses: ratings.count, promoters: promoters, passives: ratings.count - promoters - detractors,
            detractors: detractors)
    }
}

enum SatisfactionScale {
    static func check(_ ratings: [Int], in scale: ClosedRange<Int>) throws(ScoringError) {
        guard !ratings.isEmpty else { throw ScoringError(.degenerateInput, "no ratings") }
        if let i = ratings.firstIndex(where: { !scale.contains($0) }) {
            throw ScoringError(.invalidRating, "rating \(ratings[i]) at position \(i) is outside \(scale.lowerBound)…\(scale.upperBound)")
        }
    }
}

/// The areas satisfaction factors are grouped by (SEEDS.md §3).
public enum SatisfactionArea: String, Hashable, Sendable, Codable, CaseIterable {
    /// The firm itself.
    case firm
    /// The product.
    case product
    /// Marketing and service.
    case marketingAndService
    /// Communication.
    case communication
    /// Customer care.
    case customerCare
}

/// A tag on a survey response naming something the customer mentioned.
public struct SatisfactionFactor: Hashable, Sendable, Codable, Comparable {
    /// The area.
    public var area: SatisfactionArea
    /// The factor, for example `deliveryTime`.
    public var name: String
    /// Creates a factor.
    public init(area: SatisfactionArea, name: String) {
        self.area = area
        self.name = name
    }
    /// Orders by area, then name.
    public static func < (lhs: SatisfactionFactor, rhs: SatisfactionFactor) -> Bool {
        (lhs.area.rawValue, lhs.name) < (rhs.area.rawValue, rhs.name)
    }
}

/// One survey answer: a rating, when it was given, and the factors it mentions.
public struct SurveyResponse: Hashable, Sendable, Codable {
    /// Who answered.
    public var customerID: CustomerID
    /// The day of the answer.
    public var day: CalendarDay
    /// The rating on the survey's scale.
    public var rating: Int
    /// Factors mentioned (duplicates count once).
    public var factors: [SatisfactionFactor]

    /// Creates a response.
    public init(customerID: CustomerID, day: CalendarDay, rating: Int, factors: [SatisfactionFactor] = []) {
        self.customerID = customerID
        self.day = day
        self.rating = rating
        self.factors = factors
    }
}
