import PrecisionMarketingTesting
import Scoring
import Testing

/// Pareto/NBD on the CDNOW sample against Fader & Hardie and lifetimes 0.11.3.
@Suite("Pareto/NBD")
struct CLVParetoNBDTests {
    static let published = (r: 0.5533, alpha: 10.578, s: 0.6062, beta: 11.668)

    @Test func fitReproducesFaderHardie() throws {
        let fitted = try ParetoNBDModel().fit(CLVFixtures.sample())
        try CLVModelTests.expectEstimates(fitted.estimates, [0.5533, 10.578, 0.6062, 11.668], logLikelihood: -9594.97)
    }

    @Test func predictionsMatchLifetimes() throws {
        let p = Self.published
        let model = try FittedParetoNBD(r: p.r, alpha: p.alpha, s: p.s, beta: p.beta)
        // lifetimes 0.11.3 ParetoNBDFitter at the same parameters.
        #expect(isApproximatelyEqual(
            try model.conditionalExpectedPurchases(within: 39, frequency: 2, recency: 30.43, age: 38.86),
            1.4551265935823559, relativeTolerance: 1e-9))
        #expect(isApproximatelyEqual(
            model.probabilityAlive(frequency: 2, recency: 30.43, age: 38.86), 0.8691216168638759, relativeTolerance: 1e-9))
        #expect(isApproximatelyEqual(
            model.probabilityAlive(frequency: 0, recency: 0, age: 38.86), 0.29510255987623835, relativeTolerance: 1e-9))
        #expect(isApproximatelyEqual(try model.expectedPurchases(within: 39), 1.2134334017686976, relativeTolerance: 1e-9))
        #expect(model.probabilityAlive(frequency: 4, recency: 20, age: 20) == 1)
    }

    @Test func probabilityOfPurchasesMatchesNumericIntegration() throws {
        // Reference: scipy `quad` of the dropout-time integral (both α ≥ β and α < β).
        let cases: [(beta: Double, values: [Double])] = [
            (11.668, [0.5935228461414412, 0.1655880289620475, 0.049053889035129736, 0.004195513253090177]),
            (3.0, [0.7395404145818705, 0.12921937996465788, 0.0277231593748346, 0.0017045617653690575]),
        ]
        for (index, (beta, values)) in cases.enumerated() {
            let model = try FittedParetoNBD(r: 0.5533, alpha: index == 0 ? 10.578 : 12, s: 0.6062, beta: beta)
            for (n, expected) in zip([0, 1, 3, 10], values) {
                #expect(isApproximatelyEqual(model.probabilityOfPurchases(n, within: 39), expected, relativeTolerance: 1e-9))
            }
            let total = (0..<400).reduce(0.0) { $0 + model.probabilityOfPurchases($1, within: 39) }
            #expect(isApproximatelyEqual(total, 1, absoluteTolerance: 1e-4))
        }
    }

    @Test(arguments: [(221.0, 103.43, 103.57), (254, 97.14, 97.29), (161, 94.71, 98.0)])
    func heavyBuyersHaveFiniteProbabilityAlive(row: (Double, Double, Double)) throws {
        let model = try FittedParetoNBD(r: 0.5143, alpha: 2.8845, s: 0.2856, beta: 14.1087)
        let alive = model.probabilityAlive(frequency: row.0, recency: row.1, age: row.2)
        #expect(alive.isFinite && alive >= 0 && alive <= 1)
        // lifetimes 0.11.3 gives 0.99960537, 0.99953163, 0.74814478 for these rows.
        let lifetimes = [221.0: 0.9996053715027994, 254: 0.9995316263547707, 161: 0.7481447837618773]
        #expect(isApproximatelyEqual(alive, try #require(lifetimes[row.0]), relativeTolerance: 1e-8))
    }

    @Test func neighbouringHeavyBuyersHaveNeighbouringExpectations() throws {
        // lifetimes 0.11.3 returns NaN for both.
        let model = try FittedParetoNBD(r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67)
        let e132 = try model.conditionalExpectedPurchases(within: 10, frequency: 132, recency: 200, age: 200)
        let e133 = try model.conditionalExpectedPurchases(within: 10, frequency: 133, recency: 200, age: 200)
        #expect(abs(e132 - 6.21) < 0.01 && abs(e133 - 6.25) < 0.01, "\(e132) \(e133)")
        #expect(e133 > e132 && e133 - e132 < 0.1)
    }

    @Test func extremeCustomersGiveFiniteValues() throws {
        let models = [
            try FittedParetoNBD(r: 0.5533, alpha: 10.578, s: 0.6062, beta: 11.668),
            try FittedParetoNBD(r: 0.5, alpha: 500, s: 1, beta: 0.5),  // s = 1, α ≫ β
            try FittedParetoNBD(r: 2, alpha: 0.5, s: 0.3, beta: 500),  // α ≪ β
        ]
        for model in models {
            for (x, tx, t) in CLVRobustnessTests.extremes {
                let alive = model.probabilityAlive(frequency: x, recency: tx, age: t)
                #expect(alive.isFinite && alive >= 0 && alive <= 1, "\(model) \(x) \(tx) \(t)")
                for horizon in [0.0, 39, 520] {
                    let e = try model.conditionalExpectedPurchases(within: horizon, frequency: x, recency: tx, age: t)
                    #expect(e.isFinite && e >= 0, "\(model) \(x) \(tx) \(t) \(horizon): \(e)")
                }
            }
            for horizon in [0.0, 39, 520] {
                let e = try model.expectedPurchases(within: horizon)
                #expect(e.isFinite && e >= 0)
                let p = model.probabilityOfPurchases(300, within: horizon)
                #expect(p.isFinite && p >= 0 && p <= 1)
            }
        }
    }

    @Test func degenerateInputsSayWhy() throws {
        let noRepeats = try CustomerSummary(
            customerIDs: ["a", "b"], frequency: [0, 0], recency: [0, 0], age: [5, 6], unit: .week)
        let one = try CustomerSummary(customerIDs: ["a"], frequency: [2], recency: [3], age: [5], unit: .week)
        for summary in [noRepeats, one] {
            #expect { try ParetoNBDModel().fit(summary) } throws: { ($0 as? ScoringError)?.code == .degenerateInput }
        }
        #expect { try FittedParetoNBD(r: 1, alpha: .nan, s: 1, beta: 1) } throws: {
            ($0 as? ScoringError)?.code == .invalidParameter
        }
    }
}
