import PrecisionMarketingTesting
import Scoring
import Testing

@testable import Segmentation

@Suite("Principal component analysis")
struct PCATests {
    /// 12 correlated 3-D points; expectations from scikit-learn 1.9.1 `PCA().fit`.
    static let points: [[Double]] = [
        [-0.14, 1.32, 0.33], [0.38, 0.07, 0.12], [-0.73, -0.33, 0.0], [0.21, -0.81, -0.08], [-2.6, -1.85, -0.62],
        [1.93, 0.12, -0.3], [-2.27, -0.15, -0.08], [-2.54, -0.02, -0.06], [-0.64, -0.17, -0.09], [-0.11, 1.31, 0.3],
        [-2.52, -2.47, -0.59], [-0.7, 0.09, -0.01],
    ]

    @Test("variances, ratios, components and scores match scikit-learn")
    func scikitLearnReference() throws {
        let pca = try PrincipalComponents(fitting: FeatureMatrix(rows: Self.points))
        let variance = [2.571363911713362, 0.7146307809671769, 0.013676519440674268]
        let ratio = [0.7792788270139028, 0.21657636019673981, 0.004144812789357348]
        let components: [[Double]] = [
            [0.8380545449732982, 0.5312924313091252, 0.12406825574350754],
            [-0.5453022171285541, 0.8083334054964393, 0.22190673165366614],
            [0.017608851304985296, -0.25362463995473217, 0.9671424250665211],
        ]
        for j in 0..<3 {
            #expect(isApproximatelyEqual(pca.explainedVariance[j], variance[j], relativeTolerance: 1e-12))
            #expect(isApproximatelyEqual(pca.explainedVarianceRatio[j], ratio[j], relativeTolerance: 1e-12))
            for c in 0..<3 {
                #expect(isApproximatelyEqual(pca.components[j, c], components[j][c], absoluteTolerance: 1e-12))
            }
        }
        let scores = try pca.transform(FeatureMatrix(rows: Self.points))
        let row0 = [1.4435625278668534, 0.9890676470498271, 0.022146630749022043]
        for c in 0..<3 { #expect(isApproximatelyEqual(scores[0, c], row0[c], absoluteTolerance: 1e-12)) }
        #expect(pca.componentCount(explaining: 0.9) == 2)
        #expect(pca.componentCount(explaining: 0.5) == 1)
        // All components reconstruct the data exactly; two lose only the smallest variance.
        let back = try pca.inverseTransform(scores)
        for (a, b) in zip(back.values, Self.points.flatMap { $0 }) { #expect(isApproximatelyEqual(a, b, absoluteTolerance: 1e-12)) }
        let reduced = try pca.transform(FeatureMatrix(rows: Self.points), componentCount: 2)
        #expect(reduced.columnCount == 2)
    }

    @Test("a diagonal covariance gives the axes, largest variance first")
    func axes() throws {
        // x varies by ±1, y by ±3, z is constant: variances (n − 1 divisor) 4/3·… by hand.
        let pca = try PrincipalComponents(fitting: FeatureMatrix(rows: [[1, 0, 5], [-1, 0, 5], [0, 3, 5], [0, -3, 5]]))
        #expect(isApproximatelyEqual(pca.explainedVariance[0], 18.0 / 3, relativeTolerance: 1e-14))
        #expect(isApproximatelyEqual(pca.explainedVariance[1], 2.0 / 3, relativeTolerance: 1e-14))
        #expect(pca.explainedVariance[2] == 0)
        #expect(pca.components.row(0).map { abs($0) } == [0, 1, 0])
        #expect(pca.components.row(1).map { abs($0) } == [1, 0, 0])
        #expect(isApproximatelyEqual(pca.explainedVarianceRatio[0], 0.9, relativeTolerance: 1e-14))
    }

    @Test("degenerate input is a typed error")
    func errors() throws {
        let one = try FeatureMatrix(rows: [[1, 2]])
        #expect(throws: ClusteringError.self) { try PrincipalComponents(fitting: one) }
        let constant = try FeatureMatrix(rows: [[1, 2], [1, 2], [1, 2]])
        #expect(throws: ClusteringError.self) { try PrincipalComponents(fitting: constant) }
        let pca = try PrincipalComponents(fitting: FeatureMatrix(rows: Self.points))
        let wrong = try FeatureMatrix(rows: [[1, 2]])
        #expect(throws: ClusteringError.self) { try pca.transform(wrong) }
        let right = try FeatureMatrix(rows: [[1, 2, 3]])
        #expect(throws: ClusteringError.self) { try pca.transform(right, componentCount: 4) }
    }
}
