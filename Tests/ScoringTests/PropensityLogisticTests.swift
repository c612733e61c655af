import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("Propensity: logistic regression")
struct PropensityLogisticTests {
    static let rows: [[Double]] = [
        [1, 20, 3], [2, 18, 1], [3, 25, 4], [4, 30, 2], [5, 22, 5], [6, 35, 3],
        [7, 28, 6], [8, 40, 2], [9, 33, 7], [10, 45, 5], [11, 38, 8], [12, 50, 4],
    ]
    static let labels = [0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1].map { $0 == 1 }
    static let weights: [Double] = [1, 2, 1, 1, 0.5, 1, 1, 3, 1, 1, 2, 1]

    /// scikit-learn 1.9.1 on the same standardised matrix (population std):
    /// `LogisticRegression(C=1/λ, solver="newton-cg", tol=1e-12).fit(Z, y, sample_weight=w)`.
    @Test func matchesScikitLearnUnweighted() throws {
        let x = try FeatureMatrix(rows: Self.rows)
        let fit = try LogisticRegression(penalty: 1).fit(features: x, labels: Self.labels, weights: nil)
        #expect(fit.report.converged && fit.report.iterations < 20)
        #expect(isApproximatelyEqual(
            fit.standardizedCoefficients, [0.6293638447182921, 0.5043288666494559, 0.7232988251489021],
            absoluteTolerance: 1e-7))
        #expect(isApproximatelyEqual(fit.standardizedIntercept, 0.003925433345283611, absoluteTolerance: 1e-7))
        let p = fit.probabilities(for: x)
        #expect(isApproximatelyEqual(
            Array(p[0..<3]), [0.11483460867028797, 0.06441617190131739, 0.2572773448856384], absoluteTolerance: 1e-7))
    }

    @Test func matchesScikitLearnWeighted() throws {
        let x = try FeatureMatrix(rows: Self.rows)
        let fit = try LogisticRegression(penalty: 0.5).fit(features: x, labels: Self.labels, weights: Self.weights)
        #expect(isApproximatelyEqual(
            fit.standardizedCoefficients, [0.5758067373298533, 0.3981585985527617, 1.3662913223619286],
            absoluteTolerance: 1e-7))
        #expect(isApproximatelyEqual(fit.standardizedIntercept, -0.1434166037658465, absoluteTolerance: 1e-7))
        // Raw-scale coefficients give the same linear predictor as the standardised ones.
        let row = Self.rows[4]
        var z = fit.standardizedIntercept
        for j in 0..<3 { z += fit.standardizedCoefficients[j] * (row[j] - fit.featureMeans[j]) / fit.featureScales[j] }
        #expect(isApproximatelyEqual(fit.logOdds(of: row[...]), z, absoluteTolerance: 1e-12))
        #expect(isApproximatelyEqual(fit.probability(of: Self.rows[0]), 0.08780975515981089, absoluteTolerance: 1e-7))
    }

    @Test func collinearFeaturesAreSharedByThePenaltyOrRejectedWithout() throws {
        let duplicated = try FeatureMatrix(rows: Self.rows.map { [$0[0], $0[0], 7] })
        let fit = try LogisticRegression(penalty: 1).fit(features: duplicated, labels: Self.labels, weights: nil)
        #expect(isApproximatelyEqual(fit.standardizedCoefficients[0], fit.standardizedCoefficients[1], absoluteTolerance: 1e-9))
        #expect(fit.standardizedCoefficients[2] == 0)
        #expect(throws: ScoringError.self) {
            _ = try LogisticRegression(penalty: 0).fit(features: duplicated, labels: Self.labels, weights: nil)
        }
        do {
            _ = try LogisticRegression(penalty: 0).fit(features: duplicated, labels: Self.labels, weights: nil)
        } catch { #expect(error.code == .collinearFeatures) }
    }

    @Test func separableDataWithoutPenaltyDoesNotConverge() throws {
        let x = try FeatureMatrix(rows: [[1], [2], [3], [4]])
        do {
            _ = try LogisticRegression(penalty: 0, maxIterations: 30)
                .fit(features: x, labels: [false, false, true, true], weights: nil)
            Issue.record("expected an error")
        } catch { #expect(error.code == .didNotConverge) }
    }

    @Test func degenerateInputsAreTypedErrors() throws {
        let x = try FeatureMatrix(rows: [[1], [2], [3]])
        let model = LogisticRegression()
        let cases: [(FeatureMatrix, [Bool], [Double]?, ScoringError.Code)] = [
            (x, [true, true, true], nil, .degenerateInput),
            (try FeatureMatrix(rowCount: 0, columnCount: 1, values: []), [], nil, .degenerateInput),
            (x, [true, false], nil, .invalidParameter),
            (x, [true, false, true], [1, -1, 1], .invalidParameter),
            (x, [true, false, true], [1, 0, 1], .degenerateInput),
        ]
        for (features, labels, weights, code) in cases {
            do {
                _ = try model.fit(features: features, labels: labels, weights: weights)
                Issue.record("expected \(code)")
            } catch { #expect(error.code == code) }
        }
        do {
            _ = try FeatureMatrix(rows: [[1, .nan]])
            Issue.record("expected nonFiniteInput")
        } catch { #expect(error.code == .nonFiniteInput) }
        do {
            _ = try LogisticRegression(penalty: -1).fit(features: x, labels: [true, false, true], weights: nil)
            Issue.record("expected invalidParameter")
        } catch { #expect(error.code == .invalidParameter) }
    }
}
