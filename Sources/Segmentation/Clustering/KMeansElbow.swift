import Scoring

/// One row of an elbow table: a k-means fit for one k.
public struct KMeansElbowRow: Sendable, Hashable {
    /// The number of clusters.
    public let clusterCount: Int
    /// The inertia of the best restart.
    public let inertia: Double
    /// The share of the previous row's inertia that this k removed (nil for the first row):
    /// 1 − inertia(k) / inertia(previous k). The "elbow" is where this drops sharply.
    public let inertiaReduction: Double?
    /// The (sampled) mean silhouette; nil for k = 1, where it is undefined.
    public let silhouette: Double?
    /// Lloyd iterations of the kept fit.
    public let iterations: Int
}

extension KMeans {
    /// Fits k-means for every k in `clusterCounts` (with this configuration's other settings
    /// and seed) and tabulates inertia, its relative reduction and the silhouette, to choose k:
    /// look for the k after which the inertia stops falling steeply, and a high silhouette.
    ///
    /// ```swift
    /// let table = try KMeans(clusterCount: 1, restarts: 3).elbow(points, clusterCounts: 1...10)
    /// ```
    /// - Parameters:
    ///   - silhouetteSampleSize: rows sampled for each silhouette (seeded with ``seed``).
    /// - Throws: ``ClusteringError`` as ``fit(_:)`` for any k, and `.invalidParameter` for an
    ///   empty range.
    /// - Complexity: the sum of the fits, plus O(m² · d) per silhouette.
    public func elbow(_ points: FeatureMatrix, clusterCounts: ClosedRange<Int>, silhouetteSampleSize: Int = 2_000)
        throws(ClusteringError) -> [KMeansElbowRow]
    {
        guard clusterCounts.lowerBound >= 1 else {
            throw ClusteringError(.invalidParameter, "the elbow table needs k ≥ 1, not \(clusterCounts.lowerBound)")
        }
        var rows: [KMeansElbowRow] = []
        for k in clusterCounts {
            var configuration = self
            configuration.clusterCount = k
            let fit = try configuration.fit(points)
            let silhouette: Double?
            let sample = min(silhouetteSampleSize, points.rowCount)
            if k >= 2 && k < sample {
                silhouette = try? Silhouette.score(points, labels: fit.labels, sampleSize: sample, seed: seed)
            } else {
                silhouette = nil
            }
            let reduction = rows.last.map { $0.inertia > 0 ? 1 - fit.inertia / $0.inertia : 0 }
            rows.append(KMeansElbowRow(
                clusterCount: k, inertia: fit.inertia, inertiaReduction: reduction, silhouette: silhouette,
                iterations: fit.iterations))
        }
        return rows
    }
}
