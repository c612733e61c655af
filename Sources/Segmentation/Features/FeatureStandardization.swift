import Scoring

/// Per-feature z-scores: x̃ = (x − mean) / standard deviation, with the population standard
/// deviation (ddof 0), as scikit-learn's `StandardScaler` and the reference k-means script.
///
/// Distance-based methods (k-means, DBSCAN, PCA on the covariance, lookalike distances)
/// weigh features by their spread; standardising first gives every feature the same weight.
///
/// ```swift
/// let scaler = try FeatureStandardization(fitting: features)
/// let z = try scaler.transform(features)          // every column mean 0, std 1
/// let back = scaler.originalValue(z[0, 1], feature: 1)
/// ```
public struct FeatureStandardization: Sendable, Hashable, Codable {
    /// The mean of each feature.
    public let means: [Double]
    /// The population standard deviation of each feature (> 0).
    public let scales: [Double]

    /// Learns the means and standard deviations of the columns of `features`.
    /// - Throws: ``ClusteringError`` `.emptyInput` for no rows or no columns;
    ///   `.constantFeature` naming the first column whose values are all equal (relative
    ///   spread below 1e-12), which would divide by zero.
    /// - Complexity: O(rows · columns).
    public init(fitting features: FeatureMatrix) throws(ClusteringError) {
        let n = features.rowCount, p = features.columnCount
        guard n > 0, p > 0 else {
            throw ClusteringError(.emptyInput, "standardisation needs at least one row and one column (got \(n) × \(p))")
        }
        var means = [Double](repeating: 0, count: p)
        var scales = [Double](repeating: 0, count: p)
        features.values.withUnsafeBufferPointer { x in
            for i in 0..<n { for j in 0..<p { means[j] += x[i * p + j] } }
            for j in 0..<p { means[j] /= Double(n) }
            for i in 0..<n {
                for j in 0..<p {
                    let delta = x[i * p + j] - means[j]
                    scales[j] += delta * delta
                }
            }
        }
        for j in 0..<p {
            let deviation = (scales[j] / Double(n)).squareRoot()
            guard deviation > 1e-12 * max(1, abs(means[j])) else {
                throw ClusteringError(
                    .constantFeature, "feature \(j) has the same value (\(means[j])) in every row and cannot be standardised")
            }
            scales[j] = deviation
        }
        self.means = means
        self.scales = scales
    }

    /// Uses given means and standard deviations (for a scaling learnt elsewhere).
    /// - Throws: ``ClusteringError`` `.dimensionMismatch` for lists of different lengths,
    ///   `.invalidParameter` for a non-finite mean or a scale that is not finite and positive.
    public init(means: [Double], scales: [Double]) throws(ClusteringError) {
        guard means.count == scales.count else {
            throw ClusteringError(.dimensionMismatch, "\(means.count) means but \(scales.count) scales")
        }
        if let bad = means.indices.first(where: { !means[$0].isFinite || !(scales[$0].isFinite && scales[$0] > 0) }) {
            throw ClusteringError(
                .invalidParameter, "feature \(bad) has mean \(means[bad]) and scale \(scales[bad]); a scale must be finite and > 0")
        }
        self.means = means
        self.scales = scales
    }

    /// The number of features.
    public var featureCount: Int { means.count }

    /// The standardised copy of `features` (same columns as the fitted matrix).
    /// - Throws: ``ClusteringError`` `.dimensionMismatch` for another number of columns.
    /// - Complexity: O(rows · columns).
    public func transform(_ features: FeatureMatrix) throws(ClusteringError) -> FeatureMatrix {
        let p = featureCount
        guard features.columnCount == p else {
            throw ClusteringError(.dimensionMismatch, "the matrix has \(features.columnCount) features; the scaling has \(p)")
        }
        var values = features.values
        let inverse = scales.map { 1 / $0 }
        values.withUnsafeMutableBufferPointer { x in
            for i in 0..<features.rowCount {
                for j in 0..<p { x[i * p + j] = (x[i * p + j] - means[j]) * inverse[j] }
            }
        }
        return try FeatureMatrix.checked(rowCount: features.rowCount, columnCount: p, values: values)
    }

    /// A standardised value of `feature` back in original units: mean + z · scale.
    public func originalValue(_ standardized: Double, feature: Int) -> Double {
        means[feature] + standardized * scales[feature]
    }

    /// Standardised rows (such as centroids) back in original units.
    /// - Throws: ``ClusteringError`` `.dimensionMismatch` for another number of columns.
    /// - Complexity: O(rows · columns).
    public func inverseTransform(_ standardized: FeatureMatrix) throws(ClusteringError) -> FeatureMatrix {
        let p = featureCount
        guard standardized.columnCount == p else {
            throw ClusteringError(.dimensionMismatch, "the matrix has \(standardized.columnCount) features; the scaling has \(p)")
        }
        var values = standardized.values
        for i in 0..<standardized.rowCount { for j in 0..<p { values[i * p + j] = means[j] + values[i * p + j] * scales[j] } }
        return try FeatureMatrix.checked(rowCount: standardized.rowCount, columnCount: p, values: values)
    }
}
