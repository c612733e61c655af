import Foundation
import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("Bullseye scorecard")
struct BullseyeTests {
    /// Target market rated 8, environment 2, everything else 5: total 56 + 25 + 45 + 5 + 10
    /// + 10 + 5 + 10 = 166 over 32 criteria, mean 5.1875.
    static func assessment() -> BullseyeAssessment {
        var ratings: [String: Int] = [:]
        for c in BullseyeCriterion.standard {
            switch c.group {
            case .targetMarket: ratings[c.id] = 8
            case .environment: ratings[c.id] = 2
            default: ratings[c.id] = 5
            }
        }
        return BullseyeAssessment(product: "e-book", ratings: ratings)
    }

    @Test func criteriaAreStableData() {
        let criteria = BullseyeCriterion.standard
        #expect(criteria.count == 32)
        #expect(Set(criteria.map(\.id)).count == 32)
        #expect(criteria.first?.id == "targetMarket.computerUsers")
        #expect(criteria.last?.id == "environment.technological")
        let perGroup = BullseyeGroup.allCases.map { g in criteria.filter { $0.group == g }.count }
        #expect(perGroup == [7, 5, 9, 1, 2, 2, 1, 5])
        #expect(criteria.allSatisfy { $0.id.hasPrefix($0.group.rawValue + ".") })
    }

    @Test(arguments: [(0, BullseyeBand.low), (1, .low), (2, .lowToMedium), (4, .lowToMedium), (5, .medium), (7, .medium), (8, .high), (10, .high)])
    func bands(_ rating: Int, _ band: BullseyeBand) {
        #expect(BullseyeBand(rating: Double(rating)) == band)
    }

    @Test func groupAndOverallScores() throws {
        let result = try BullseyeScorecard().evaluate(Self.assessment())
        #expect(result.totalPoints == 166 && result.maximumPoints == 320)
        #expect(result.overallScore == 5.1875)
        #expect(result.overallBand == .medium)
        #expect(isApproximatelyEqual(result.probabilityOfSuccess, 0.51875, absoluteTolerance: 1e-12))
        #expect(result.groups.map(\.group) == BullseyeGroup.allCases)
        #expect(result.score(of: .targetMarket)?.score == 8 && result.score(of: .targetMarket)?.band == .high)
        #expect(result.score(of: .environment)?.score == 2 && result.score(of: .environment)?.band == .lowToMedium)
        #expect(result.score(of: .productOrService)?.ratedCriteria == 9)
        #expect(result.ratings.count == 32 && result.ratings[0].band == .high)
    }

    @Test func logisticMapping() throws {
        let card = BullseyeScorecard(successMapping: .logistic(midpoint: 5, steepness: 1))
        #expect(isApproximatelyEqual(try card.evaluate(Self.assessment()).probabilityOfSuccess, 0.5467381519846138, relativeTolerance: 1e-12))
        let steep = BullseyeScorecard(successMapping: .logistic(midpoint: 6, steepness: 2))
        #expect(isApproximatelyEqual(try steep.evaluate(Self.assessment()).probabilityOfSuccess, 0.16451646289656316, relativeTolerance: 1e-12))
        #expect(BullseyeSuccessMapping.logistic(midpoint: 5, steepness: 1).probability(mean: 5) == 0.5)
        for bad in [BullseyeSuccessMapping.logistic(midpoint: 5, steepness: 0), .logistic(midpoint: 11, steepness: 1), .logistic(midpoint: .nan, steepness: 1)] {
            let error = #expect(throws: ScoringError.self) { try BullseyeScorecard(successMapping: bad).evaluate(Self.assessment()) }
            #expect(error?.code == .invalidParameter)
        }
    }

    @Test func invalidRatingsNameTheCriterion() throws {
        var a = Self.assessment()
        a.ratings["price.priceLevel"] = 11
        let high = #expect(throws: ScoringError.self) { try BullseyeScorecard().evaluate(a) }
        #expect(high?.code == .invalidRating && high?.message.contains("price.priceLevel") == true)
        a = Self.assessment()
        a.ratings["brand.knownBrand"] = -1
        let low = #expect(throws: ScoringError.self) { try BullseyeScorecard().evaluate(a) }
        #expect(low?.code == .invalidRating && low?.message.contains("brand.knownBrand") == true)
        a = Self.assessment()
        a.ratings["brand.colour"] = 3
        let unknown = #expect(throws: ScoringError.self) { try BullseyeScorecard().evaluate(a) }
        #expect(unknown?.code == .invalidRating && unknown?.message.contains("brand.colour") == true)
        a = Self.assessment()
        a.ratings["promotion.advertising"] = nil
        let missing = #expect(throws: ScoringError.self) { try BullseyeScorecard().evaluate(a) }
        #expect(missing?.code == .invalidRating && missing?.message.contains("promotion.advertising") == true)
    }

    @Test func partialAssessmentsWhenAllowed() throws {
        let card = BullseyeScorecard(requireAllCriteria: false)
        let result = try card.evaluate(BullseyeAssessment(product: "x", ratings: ["brand.knownBrand": 9, "price.priceLevel": 4, "price.priceStability": 1]))
        #expect(result.totalPoints == 14 && result.maximumPoints == 30)
        #expect(isApproximatelyEqual(result.overallScore, 14.0 / 3, relativeTolerance: 1e-15))
        #expect(result.overallBand == .lowToMedium)
        #expect(result.groups.map(\.group) == [.brand, .price])
        #expect(result.score(of: .price)?.score == 2.5)
        let empty = #expect(throws: ScoringError.self) { try card.evaluate(BullseyeAssessment(product: "x", ratings: [:])) }
        #expect(empty?.code == .degenerateInput)
    }

    @Test func duplicateCriteriaAreRejected() {
        let c = BullseyeCriterion(id: "a.b", group: .brand, question: "q")
        let error = #expect(throws: ScoringError.self) {
            try BullseyeScorecard(criteria: [c, c]).evaluate(BullseyeAssessment(product: "x", ratings: ["a.b": 1]))
        }
        #expect(error?.code == .invalidParameter)
    }

    @Test func assessmentsAndResultsAreCodable() throws {
        let json = Data(#"{"product":"p","ratings":{"brand.knownBrand":7}}"#.utf8)
        let decoded = try JSONDecoder().decode(BullseyeAssessment.self, from: json)
        #expect(decoded == BullseyeAssessment(product: "p", ratings: ["brand.knownBrand": 7]))
        let result = try BullseyeScorecard().evaluate(Self.assessment())
        #expect(try JSONDecoder().decode(BullseyeResult.self, from: JSONEncoder().encode(result)) == result)
        let card = BullseyeScorecard(successMapping: .logistic(midpoint: 5, steepness: 1))
        #expect(try JSONDecoder().decode(BullseyeScorecard.self, from: JSONEncoder().encode(card)) == card)
        // Deterministic: the same assessment gives the same result.
        #expect(try BullseyeScorecard().evaluate(Self.assessment()) == result)
    }
}
