import CustomerModel
import Scoring

/// The silhouette of a clustering (Rousseeuw 1987): for a point i with a(i) the mean
/// distance to the other members of its cluster and b(i) the smallest mean distance to the
/// members of another cluster, s(i) = (b − a) / max(a, b), and 0 for a point alone in its
/// cluster. The score is the mean of s(i): near 1 for compact, well-separated clusters,
/// near 0 for overlapping ones. Distances are Euclidean.
///
/// The exact score costs O(n²·d). For large n, ``score(_:labels:sampleSize:seed:)`` draws a
/// seeded uniform sample of rows without replacement and computes the exact silhouette of
/// the sample alone, as scikit-learn's `silhouette_score(sample_size=…)`.
///
/// ```swift
/// let s = try Silhouette.score(points, labels: fit.labels, sampleSize: 10_000, seed: 1)
/// ```
public enum Silhouette {
    /// The mean silhouette of all rows.
    /// - Throws: ``ClusteringError`` `.dimensionMismatch` when `labels` and rows differ in
    ///   number, `.invalidParameter` for a negative label, `.undefinedMeasure` unless there
    ///   are between 2 and n − 1 clusters.
    /// - Complexity: O(n² · d), on all cores.
    public static func score(_ points: FeatureMatrix, labels: [Int32]) throws(ClusteringError) -> Double {
        let values = try samples(points, labels: labels, rows: Array(0..<points.rowCount))
        return values.reduce(0, +) / Double(values.count)
    }

    /// The mean silhouette of a seeded uniform sample of `sampleSize` rows (all rows when
    /// `sampleSize` ≥ n), computed within the sample.
    /// - Throws: as ``score(_:labels:)``, and `.invalidParameter` for a sample size below 2.
    /// - Complexity: O(n + m² · d) for m = min(sampleSize, n).
    public static func score(_ points: FeatureMatrix, labels: [Int32], sampleSize: Int, seed: UInt64)
        throws(ClusteringError) -> Double
    {
        guard sampleSize >= 2 else {
            throw ClusteringError(.invalidParameter, "a silhouette sample needs at least 2 rows, not \(sampleSize)")
        }
        let n = points.rowCount
        guard sampleSize < n else { return try score(points, labels: labels) }
        // A partial Fisher–Yates shuffle: the first m entries are a uniform sample.
        var order = Array(0..<n)
        var stream = ClusteringRandomStream(seed: seed)
        for i in 0..<sampleSize { order.swapAt(i, i + stream.nextIndex(below: n - i)) }
        let values = try samples(points, labels: labels, rows: Array(order[0..<sampleSize]))
        return values.reduce(0, +) / Double(values.count)
    }

    /// s(i) for each of the given rows, computed among those rows only.
    /// - Throws: as ``score(_:labels:)``.
    /// - Complexity: O(m² · d) for m rows.
    public static func samples(_ points: FeatureMatrix, labels: [Int32], rows: [Int]) throws(ClusteringError) -> [Double] {
        guard labels.count == points.rowCount else {
            throw ClusteringError(.dimensionMismatch, "\(labels.count) labels for \(points.rowCount) points")
        }
        if let bad = labels.firstIndex(where: { $0 < 0 }) {
            throw ClusteringError(.invalidParameter, "label \(labels[bad]) of row \(bad) is negative (noise points have no silhouette)")
        }
        if let bad = rows.first(where: { $0 < 0 || $0 >= points.rowCount }) {
            throw ClusteringError(.invalidParameter, "row \(bad) is outside 0..<\(points.rowCount)")
        }
        // Dense cluster numbers for the rows taken.
        var dense: [Int32: Int] = [:]
        let group = rows.map { row in
            let label = labels[row]
            if let known = dense[label] { return known }
            dense[label] = dense.count
            return dense.count - 1
        }
        let clusters = dense.count
        guard clusters >= 2, clusters <= rows.count - 1 else {
            throw ClusteringError(
                .undefinedMeasure, "the silhouette needs 2 to \(rows.count - 1) clusters among \(rows.count) rows; there are \(clusters)")
        }
        var sizes = [Int](repeating: 0, count: clusters)
        for g in group { sizes[g] += 1 }
        let m = rows.count, d = points.columnCount
        // Gather the sample contiguously so the O(m²) loop reads one array.
        var sample = [Double](repeating: 0, count: m * d)
        for (position, row) in rows.enumerated() {
            for c in 0..<d { sample[position * d + c] = points.values[row * d + c] }
        }
        var out = [Double](repeating: 0, count: m)
        sample.withUnsafeBufferPointer { x in
            group.withUnsafeBufferPointer { g in
                ParallelLoop.fill(&out) { i in
                    var totals = [Double](repeating: 0, count: clusters)
                    for j in 0..<m {
                        var squared = 0.0
                        for c in 0..<d {
                            let delta = x[i * d + c] - x[j * d + c]
                            squared += delta * delta
                        }
                        totals[g[j]] += squared.squareRoot()
                    }
                    let own = g[i]
                    guard sizes[own] > 1 else { return 0 }
                    let a = totals[own] / Double(sizes[own] - 1)
                    var b = Double.infinity
                    for other in 0..<clusters where other != own { b = min(b, totals[other] / Double(sizes[other])) }
                    let denominator = max(a, b)
                    return denominator > 0 ? (b - a) / denominator : 0
                }
            }
        }
        return out
    }
}
