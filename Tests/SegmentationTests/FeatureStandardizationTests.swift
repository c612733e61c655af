import PrecisionMarketingTesting
import Scoring
import Testing

@testable import Segmentation

@Suite("Feature standardisation")
struct FeatureStandardizationTests {
    @Test("z-scores with the population standard deviation")
    func zScores() throws {
        // Column 0: 1, 2, 3, 6 → mean 3, population variance (4 + 1 + 0 + 9)/4 = 3.5.
        let features = try FeatureMatrix(rows: [[1, 10], [2, 20], [3, 30], [6, 60]])
        let scaler = try FeatureStandardization(fitting: features)
        #expect(scaler.means == [3, 30])
        #expect(isApproximatelyEqual(scaler.scales[0], 3.5.squareRoot(), relativeTolerance: 1e-15))
        #expect(isApproximatelyEqual(scaler.scales[1], 350.0.squareRoot(), relativeTolerance: 1e-15))
        let z = try scaler.transform(features)
        #expect(isApproximatelyEqual(z[0, 0], -2 / 3.5.squareRoot(), relativeTolerance: 1e-14))
        #expect(isApproximatelyEqual(z[3, 1], 3 / 3.5.squareRoot(), relativeTolerance: 1e-14))
        let back = try scaler.inverseTransform(z)
        for (a, b) in zip(back.values, features.values) { #expect(isApproximatelyEqual(a, b, relativeTolerance: 1e-14)) }
        #expect(isApproximatelyEqual(scaler.originalValue(1, feature: 0), 3 + 3.5.squareRoot(), relativeTolerance: 1e-15))
    }

    @Test("constant, empty and mismatched input are typed errors")
    func errors() throws {
        let constant = try FeatureMatrix(rows: [[1, 5], [2, 5], [3, 5]])
        do {
            _ = try FeatureStandardization(fitting: constant)
            Issue.record("a constant column must be rejected")
        } catch {
            #expect(error.code == .constantFeature)
            #expect(error.message.contains("feature 1"))
        }
        #expect(throws: ClusteringError.self) {
            try FeatureStandardization(fitting: FeatureMatrix(rowCount: 0, columnCount: 3, values: []))
        }
        let scaler = try FeatureStandardization(means: [0, 1], scales: [1, 2])
        #expect(throws: ClusteringError.self) { try scaler.transform(FeatureMatrix(rows: [[1, 2, 3]])) }
        #expect(throws: ClusteringError.self) { try FeatureStandardization(means: [0], scales: [0]) }
        #expect(throws: ClusteringError.self) { try FeatureStandardization(means: [0, 1], scales: [1]) }
    }
}
