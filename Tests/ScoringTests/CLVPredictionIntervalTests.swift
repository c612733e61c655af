import CustomerModel
import Foundation
import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("CLV prediction intervals")
struct CLVPredictionIntervalTests {
    /// Percentiles of q over parameters drawn from the fit's asymptotic normal distribution of
    /// the log-parameters (Cholesky factor of Σᵤ), the slow check the delta method replaces.
    static func sampledInterval<M: EstimatedModel>(
        _ model: M, draws: Int, level: Double, _ q: (M) throws -> Double
    ) throws -> (Double, Double) {
        let theta = model.parameterValues, k = theta.count
        let sigma = try #require(model.estimates?.covariance)
        var cu = [Double](repeating: 0, count: k * k)
        for j in 0..<k { for l in 0..<k { cu[j * k + l] = sigma[j * k + l] / (theta[j] * theta[l]) } }
        var chol = [Double](repeating: 0, count: k * k)
        for j in 0..<k {
            for l in 0...j {
                var s = cu[j * k + l]
                for m in 0..<l { s -= chol[j * k + m] * chol[l * k + m] }
                chol[j * k + l] = j == l ? s.squareRoot() : s / chol[l * k + l]
            }
        }
        var generator = SeededGenerator(seed: 7)
        var values: [Double] = []
        for _ in 0..<draws {
            let z = (0..<k).map { _ in NormalDistribution.standard(using: &generator) }
            let u = (0..<k).map { j in log(theta[j]) + (0...j).reduce(0) { $0 + chol[j * k + $1] * z[$1] } }
            values.append(try q(model.withParameters(u.map { exp($0) })))
        }
        values.sort()
        let tail = (1 - level) / 2
        return (values[Int(tail * Double(draws))], values[Int((1 - tail) * Double(draws)) - 1])
    }

    @Test func deltaIntervalAgreesWithSamplingTheParameters() throws {
        let sample = try CLVFixtures.sample()
        let model = try BGNBDModel().fit(sample)
        let intervals = try model.conditionalExpectedPurchasesIntervals(within: 39, for: sample, level: 0.9)
        for i in [0, 5, 17] {
            let x = sample.frequency[i], tx = sample.recency[i], t = sample.age[i]
            let interval = intervals[i]
            let point = try model.conditionalExpectedPurchases(within: 39, frequency: x, recency: tx, age: t)
            #expect(isApproximatelyEqual(interval.estimate, point, relativeTolerance: 1e-12))
            #expect(interval.lower < point && point < interval.upper)
            let (low, high) = try Self.sampledInterval(model, draws: 1500, level: 0.9) { m in
                try m.conditionalExpectedPurchases(within: 39, frequency: x, recency: tx, age: t)
            }
            // Same ends to a few percent (sampling error of 1,500 draws included).
            #expect(isApproximatelyEqual(interval.lower, low, relativeTolerance: 0.04))
            #expect(isApproximatelyEqual(interval.upper, high, relativeTolerance: 0.04))
        }
    }

    @Test func widerLevelsGiveWiderIntervalsAndCLVAddsSpendUncertainty() throws {
        let sample = try CLVFixtures.sample()
        let bgnbd = try BGNBDModel().fit(sample)
        let spend = try GammaGammaModel().fit(sample.repeatBuyers())
        let buyers = sample.repeatBuyers()
        let narrow = try bgnbd.conditionalExpectedPurchasesIntervals(within: 39, for: buyers, level: 0.5)
        let wide = try bgnbd.conditionalExpectedPurchasesIntervals(within: 39, for: buyers, level: 0.95)
        #expect(zip(narrow, wide).allSatisfy { $0.lower > $1.lower && $0.upper < $1.upper })
        let calculator = try LifetimeValueCalculator(discounting: .monthly(months: 12, rate: 0.01))
        let clv = try calculator.valueIntervals(for: buyers, purchases: bgnbd, spend: spend, level: 0.9)
        let point = try calculator.values(for: buyers, purchases: bgnbd, spend: spend)
        #expect(isApproximatelyEqual(clv.map(\.estimate), point, relativeTolerance: 1e-12))
        // The CLV's relative spread exceeds the purchases' alone (spend is uncertain too).
        let purchases = try bgnbd.conditionalExpectedPurchasesIntervals(within: 52, for: buyers, level: 0.9)
        #expect(clv[0].upper / clv[0].estimate > purchases[0].upper / purchases[0].estimate)
    }

    @Test func givenParametersHaveNoIntervalAndLevelsAreChecked() throws {
        let sample = try CLVFixtures.sample()
        let given = try FittedBGNBD(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        #expect(throws: ScoringError.self) { try given.conditionalExpectedPurchasesIntervals(within: 39, for: sample) }
        let fitted = try BGNBDModel().fit(sample)
        #expect(throws: ScoringError.self) {
            try fitted.conditionalExpectedPurchasesIntervals(within: 39, for: sample, level: 1)
        }
    }
}
