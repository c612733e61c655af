import Campaigns
import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("Uplift modelling")
struct UpliftTests {
    /// Customers with two features; the campaign raises the response by 0.2 when x₁ > 0.5
    /// and not at all otherwise; the baseline response rises with x₂ (buyers who buy anyway).
    static func simulated(count: Int, seed: UInt64) throws -> (FeatureMatrix, [Bool], [Bool], [Double]) {
        var generator = SeededGenerator(seed: seed)
        var values: [Double] = [], responded: [Bool] = [], treated: [Bool] = [], truth: [Double] = []
        for _ in 0..<count {
            let x1 = Double.random(in: 0..<1, using: &generator), x2 = Double.random(in: 0..<1, using: &generator)
            let isTreated = Bool.random(using: &generator)
            let effect = x1 > 0.5 ? 0.2 : 0
            let p = 0.1 + 0.3 * x2 + (isTreated ? effect : 0)
            values += [x1, x2]
            treated.append(isTreated)
            responded.append(Double.random(in: 0..<1, using: &generator) < p)
            truth.append(effect)
        }
        return (try FeatureMatrix(rowCount: count, columnCount: 2, values: values), responded, treated, truth)
    }

    @Test func bothApproachesFindThePersuadable() throws {
        let (x, y, t, truth) = try Self.simulated(count: 6000, seed: 11)
        let twoModel = try TwoModelUplift(model: LogisticRegression()).fit(features: x, responded: y, treated: t).uplift(for: x)
        let transformed = try ClassTransformationUplift(model: LogisticRegression()).fit(features: x, responded: y, treated: t)
            .uplift(for: x)
        let oracle = try UpliftEvaluation(predictedUplift: truth, responded: y, treated: t)
        var generator = SeededGenerator(seed: 5)
        let random = try UpliftEvaluation(
            predictedUplift: truth.map { _ in Double.random(in: 0..<1, using: &generator) }, responded: y, treated: t)
        #expect(oracle.qiniCoefficient > 0.08 && abs(random.qiniCoefficient) < 0.03)
        for predicted in [twoModel, transformed] {
            let persuadable = truth.indices.filter { truth[$0] > 0 }, others = truth.indices.filter { truth[$0] == 0 }
            let meanPersuadable = persuadable.reduce(0) { $0 + predicted[$1] } / Double(persuadable.count)
            let meanOthers = others.reduce(0) { $0 + predicted[$1] } / Double(others.count)
            // The true average uplifts are 0.2 and 0; a linear logit blurs the step.
            #expect(meanPersuadable > 0.12 && meanOthers < 0.08)
            let evaluation = try UpliftEvaluation(predictedUplift: predicted, responded: y, treated: t)
            // Normalised by the perfect ranking of outcomes, real rankings score low; compare
            // with the true uplift's ranking and with a random one instead.
            #expect(evaluation.qiniCoefficient > 0.7 * oracle.qiniCoefficient)
            #expect(evaluation.areaUnderUpliftCurve > 0.7 * oracle.areaUnderUpliftCurve)
            let top = try #require(evaluation.deciles.first?.observedUplift)
            let bottom = try #require(evaluation.deciles.last?.observedUplift)
            #expect(top > 0.1 && abs(bottom) < 0.1)
        }
    }

    @Test func degenerateInputsAreRefused() throws {
        let x = try FeatureMatrix(rows: [[1], [2], [3]])
        #expect(throws: CampaignError.self) {
            try TwoModelUplift(model: LogisticRegression()).fit(features: x, responded: [true, false, true], treated: [true, true, true])
        }
        #expect(throws: CampaignError.self) {
            try UpliftEvaluation(predictedUplift: [0.1, 0.2], responded: [true, false], treated: [true, true])
        }
        #expect(throws: CampaignError.self) {
            try UpliftEvaluation(predictedUplift: [.nan, 0.2], responded: [true, false], treated: [true, false])
        }
    }
}
