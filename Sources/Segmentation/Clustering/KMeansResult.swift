import Scoring

/// A fitted k-means clustering.
public struct KMeansResult: Sendable, Hashable {
    /// The k centroids, one row each, in the space of the fitted points.
    public let centroids: FeatureMatrix
    /// The cluster (0..<k) of each point, in input order.
    public let labels: [Int32]
    /// Σᵢ ‖xᵢ − c_label(i)‖²: the sum of squared distances to the assigned centroids.
    public let inertia: Double
    /// Lloyd iterations run, counted as scikit-learn's `n_iter_` (the iteration that found
    /// no label change counts).
    public let iterations: Int
    /// Whether the fit stopped by a convergence rule rather than by the iteration limit.
    public let converged: Bool
    /// The rows the kept fit started from (k-means++ or evenly spaced rows); nil for given centroids.
    public let initialRows: [Int]?
    /// The inertia of every restart, in order; the result is the first lowest.
    public let restartInertias: [Double]

    /// The number of clusters k.
    public var clusterCount: Int { centroids.rowCount }

    /// The number of points in each cluster.
    /// - Complexity: O(n).
    public var clusterSizes: [Int] {
        var sizes = [Int](repeating: 0, count: clusterCount)
        for label in labels { sizes[Int(label)] += 1 }
        return sizes
    }

    /// The nearest centroid (lowest index among equals) for each row of `points`, which must
    /// have the fitted number of columns.
    /// - Throws: ``ClusteringError`` `.dimensionMismatch` for a different number of columns.
    /// - Complexity: O(rows · k · d).
    public func predict(_ points: FeatureMatrix) throws(ClusteringError) -> [Int32] {
        guard points.columnCount == centroids.columnCount else {
            throw ClusteringError(
                .dimensionMismatch, "the points have \(points.columnCount) features; the centroids have \(centroids.columnCount)")
        }
        let k = clusterCount, d = centroids.columnCount
        return points.values.withUnsafeBufferPointer { x in
            centroids.values.withUnsafeBufferPointer { c in
                guard let xBase = x.baseAddress, let cBase = c.baseAddress else { return [] }
                return (0..<points.rowCount).map { Int32(AssignmentState.nearest(xBase + $0 * d, cBase, k, d)) }
            }
        }
    }
}
