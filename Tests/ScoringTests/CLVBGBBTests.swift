import PrecisionMarketingTesting
import Scoring
import Testing

/// BG/BB on lifetimes' donations data (11,104 donors, 6 opportunities).
@Suite("BG/BB")
struct CLVBGBBTests {
    static func donations() throws -> BGBBSummary {
        try BGBBSummary.parse(csv: CLVFixtures.bytes("donations"))
    }

    @Test func fitReproducesFaderHardieShang() throws {
        let data = try Self.donations()
        #expect(data.count == 22 && data.customerCount == 11_104)
        let fitted = try BGBBModel().fit(data)
        try CLVModelTests.expectEstimates(fitted.estimates, [1.2035, 0.7497, 0.6567, 2.7834], logLikelihood: -33225.58)
    }

    @Test func predictionsMatchLifetimes() throws {
        let model = try FittedBGBB(alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783)
        // lifetimes 0.11.3 BetaGeoBetaBinomFitter at the same parameters.
        #expect(isApproximatelyEqual(
            try model.conditionalExpectedPurchases(within: 5, frequency: 3, recency: 4, age: 6), 1.0342285,
            relativeTolerance: 1e-6))
        #expect(isApproximatelyEqual(model.probabilityAlive(frequency: 3, recency: 4, age: 6), 0.47233626, relativeTolerance: 1e-6))
        #expect(isApproximatelyEqual(model.probabilityAlive(frequency: 0, recency: 0, age: 6), 0.11609661, relativeTolerance: 1e-6))
        #expect(isApproximatelyEqual(model.probabilityAlive(frequency: 6, recency: 6, age: 6), 1, relativeTolerance: 1e-12))
    }

    @Test func distributionOfTransactionsIsConsistent() throws {
        let model = try FittedBGBB(alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783)
        let pmf = (0...6).map { model.probabilityOfPurchases($0, within: 6) }
        #expect(isApproximatelyEqual(pmf.reduce(0, +), 1, absoluteTolerance: 1e-12))
        let mean = pmf.indices.reduce(0.0) { $0 + Double($1) * pmf[$1] }
        #expect(isApproximatelyEqual(try model.expectedPurchases(within: 6), mean, relativeTolerance: 1e-10))
        // A new customer's conditional expectation is the unconditional one.
        #expect(isApproximatelyEqual(
            try model.conditionalExpectedPurchases(within: 6, frequency: 0, recency: 0, age: 0), mean,
            relativeTolerance: 1e-10))
        let nearOne = try FittedBGBB(alpha: 1.2, beta: 0.75, gamma: 1, delta: 2.8)
        let e = try nearOne.expectedPurchases(within: 6)
        #expect(e.isFinite && e > 0)
    }

    @Test func degenerateInputsSayWhy() throws {
        let noTransactions = try BGBBSummary(frequency: [0, 0], recency: [0, 0], periods: [6, 6])
        let one = try BGBBSummary(frequency: [2], recency: [3], periods: [6])
        for data in [noTransactions, one] {
            #expect { try BGBBModel().fit(data) } throws: { ($0 as? ScoringError)?.code == .degenerateInput }
        }
        #expect { try BGBBSummary(frequency: [3], recency: [2], periods: [6]) } throws: {
            ($0 as? ScoringError)?.code == .invalidParameter
        }
        #expect { try BGBBSummary.parse(csv: Array("frequency,periods\n1,2\n".utf8)) } throws: {
            ($0 as? ScoringError)?.code == .invalidParameter
        }
        #expect(throws: ScoringError.self) { try FittedBGBB(alpha: 1, beta: 0, gamma: 1, delta: 1) }
    }
}
