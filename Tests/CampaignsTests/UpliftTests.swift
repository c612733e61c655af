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

@Suite("Uplift evaluation against scikit-uplift")
struct UpliftEvaluationReferenceTests {
    /// scikit-uplift 0.5.1: qini_auc_score, uplift_auc_score, qini_curve, uplift_curve and
    /// uplift_by_percentile(strategy='overall') on 20 customers with tied predictions.
    @Test func matchesScikitUplift() throws {
        let y = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0].map { $0 == 1 }
        let t = [1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0].map { $0 == 1 }
        let u = [0.9, 0.8, 0.8, 0.7, 0.6, 0.6, 0.5, 0.4, 0.4, 0.4, 0.3, 0.2, 0.2, 0.1, 0.0, -0.1, -0.2, -0.2, -0.3, -0.4]
        let evaluation = try UpliftEvaluation(predictedUplift: u, responded: y, treated: t)
        #expect(isApproximatelyEqual(evaluation.qiniCoefficient, 0.08392143428114653, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(evaluation.areaUnderUpliftCurve, 0.10714629286057854, relativeTolerance: 1e-12))
        let x = [0, 1, 3, 4, 6, 7, 10, 11, 13, 14, 15, 16, 18, 19, 20]
        #expect(evaluation.qiniCurve.map(\.targeted) == x)
        #expect(evaluation.upliftCurve.map(\.targeted) == x)
        let qini = [0.0, 1.0, -1.0, -1.0, 0.0, -0.6666666666666665, 0.0, 0.6000000000000001, 0.5, 0.0,
                    0.5714285714285716, 0.0, -1.0, -1.5555555555555554, -1.0]
        let uplift = [0.0, 1.0, -1.5, -1.3333333333333335, 0.0, -1.1666666666666665, 0.0, 1.0999999999999996,
                      0.9285714285714282, 0.0, 1.0714285714285718, 0.0, -1.7999999999999996, -2.9555555555555557,
                      -1.9999999999999996]
        #expect(isApproximatelyEqual(evaluation.qiniCurve.map(\.value), qini, absoluteTolerance: 1e-12))
        #expect(isApproximatelyEqual(evaluation.upliftCurve.map(\.value), uplift, absoluteTolerance: 1e-12))
        #expect(evaluation.deciles.map(\.treated) == [1, 2, 1, 1, 1, 0, 2, 0, 2, 0])
        #expect(evaluation.deciles.map(\.control) == [1, 0, 1, 1, 1, 2, 0, 2, 0, 2])
        #expect(evaluation.deciles.map(\.observedUplift) == [0, nil, 0, -1, 1, nil, nil, nil, nil, nil])
        #expect(evaluation.deciles[1].treatedRate == 0.5 && evaluation.deciles[5].controlRate == 0.5)
    }
}
