import CustomerModel
import Scoring

/// Density-based clustering (DBSCAN; Ester, Kriegel, Sander & Xu 1996) for low-dimensional
/// features, with a uniform grid as the spatial index.
///
/// A point is a **core point** when at least ``minimumPoints`` points (itself included) lie
/// within distance ``radius`` (≤ radius counts). Core points within the radius of each
/// other belong to the same cluster; a non-core point within the radius of a core point is
/// a **border point** of the first cluster that reaches it; every other point is **noise**
/// (label −1). Clusters are numbered 0, 1, … in the order of their lowest-index core point,
/// as scikit-learn's `DBSCAN`, so labels can be compared number for number.
///
/// The index: points are bucketed into cubic cells of side ``radius`` on the first
/// min(d, 3) coordinates; the neighbours of a point can only lie in the 3^min(d,3) cells
/// around its own, and each candidate is confirmed with the full d-dimensional distance.
/// The neighbour counts run on all cores.
///
/// ```swift
/// let result = try DBSCAN(radius: 0.5, minimumPoints: 5).fit(points)
/// result.labels; result.clusterCount; result.isCore
/// ```
public struct DBSCAN: Sendable, Hashable {
    /// The neighbourhood radius ε (> 0), in the units of the points.
    public var radius: Double
    /// The points (including itself) a core point needs within ε (≥ 1); scikit-learn's `min_samples`.
    public var minimumPoints: Int

    /// Creates a configuration.
    public init(radius: Double, minimumPoints: Int = 5) {
        self.radius = radius
        self.minimumPoints = minimumPoints
    }

    /// Clusters `points`.
    /// - Throws: ``ClusteringError`` `.invalidParameter` for a radius that is not finite and
    ///   positive or minimumPoints < 1, or a radius so small against the data's extent that
    ///   the grid cells cannot be numbered; `.emptyInput` for no columns.
    /// - Complexity: O(n log n) to build the index, then O(n · 3^min(d,3) + pairs examined · d):
    ///   near O(n) for well-chosen ε; O(n²) when every point neighbours every other.
    public func fit(_ points: FeatureMatrix) throws(ClusteringError) -> DBSCANResult {
        guard radius.isFinite, radius > 0, minimumPoints >= 1 else {
            throw ClusteringError(
                .invalidParameter, "DBSCAN needs a finite radius > 0 and minimumPoints ≥ 1 (got \(radius), \(minimumPoints))")
        }
        guard points.columnCount > 0 else { throw ClusteringError(.emptyInput, "DBSCAN needs at least one feature") }
        let n = points.rowCount
        guard n > 0 else { return DBSCANResult(labels: [], isCore: [], clusterCount: 0) }
        let grid = try RadiusGrid(points, radius: radius)
        var counts = [Int](repeating: 0, count: n)
        ParallelLoop.fill(&counts) { i in
            var count = 0
            grid.forEachNeighbour(of: i) { _ in count += 1 }
            return count
        }
        let isCore = counts.map { $0 >= minimumPoints }
        // scikit-learn's dbscan_inner: grow a cluster from each unlabelled core point in index order.
        var labels = [Int32](repeating: -1, count: n)
        var clusters: Int32 = 0
        var stack: [Int] = []
        for start in 0..<n where labels[start] == -1 && isCore[start] {
            labels[start] = clusters
            stack.append(start)
            while let i = stack.popLast() {
                grid.forEachNeighbour(of: i) { j in
                    guard labels[j] == -1 else { return }
                    labels[j] = clusters
                    if isCore[j] { stack.append(j) }
                }
            }
            clusters += 1
        }
        return DBSCANResult(labels: labels, isCore: isCore, clusterCount: Int(clusters))
    }
}

/// The outcome of a ``DBSCAN`` fit.
public struct DBSCANResult: Sendable, Hashable {
    /// The cluster of each point (0..<clusterCount), or −1 for noise.
    public let labels: [Int32]
    /// Whether each point is a core point.
    public let isCore: [Bool]
    /// The number of clusters.
    public let clusterCount: Int

    /// The number of noise points.
    public var noiseCount: Int { labels.reduce(0) { $0 + ($1 < 0 ? 1 : 0) } }

    /// The indices of the core points, ascending (scikit-learn's `core_sample_indices_`).
    public var coreIndices: [Int] { isCore.indices.filter { isCore[$0] } }
}

/// Points bucketed into cells of side ε on their first (up to) three coordinates.
struct RadiusGrid {
    private let points: FeatureMatrix
    private let radiusSquared: Double
    private let indexedDimensions: Int
    private let cellOfPoint: [SIMD3<Int64>]
    /// Point indices sorted by cell; each cell's range in it.
    private let sorted: [Int32]
    private let cells: [SIMD3<Int64>: Range<Int>]

    init(_ points: FeatureMatrix, radius: Double) throws(ClusteringError) {
        let n = points.rowCount, d = points.columnCount
        let m = min(d, 3)
        var cellOfPoint = [SIMD3<Int64>](repeating: .zero, count: n)
        for i in 0..<n {
            var cell = SIMD3<Int64>.zero
            for c in 0..<m {
                let position = (points.values[i * d + c] / radius).rounded(.down)
                guard abs(position) < 1e15 else {
                    throw ClusteringError(
                        .invalidParameter,
                        "the radius \(radius) is too small for coordinate \(points.values[i * d + c]) of row \(i)")
                }
                cell[c] = Int64(position)
            }
            cellOfPoint[i] = cell
        }
        let order = (0..<n).sorted { a, b in
            let x = cellOfPoint[a], y = cellOfPoint[b]
            if x.x != y.x { return x.x < y.x }
            if x.y != y.y { return x.y < y.y }
            if x.z != y.z { return x.z < y.z }
            return a < b
        }
        var cells: [SIMD3<Int64>: Range<Int>] = [:]
        var start = 0
        for position in 1...n where position == n || cellOfPoint[order[position]] != cellOfPoint[order[start]] {
            cells[cellOfPoint[order[start]]] = start..<position
            start = position
        }
        self.points = points
        self.radiusSquared = radius * radius
        self.indexedDimensions = m
        self.cellOfPoint = cellOfPoint
        self.sorted = order.map { Int32($0) }
        self.cells = cells
    }

    /// Calls `body` with every point within ε of point `i` (itself included).
    func forEachNeighbour(of i: Int, _ body: (Int) -> Void) {
        let d = points.columnCount
        let home = cellOfPoint[i]
        let span: (Int64, Int64, Int64) = (
            1, indexedDimensions > 1 ? 1 : 0, indexedDimensions > 2 ? 1 : 0)
        points.values.withUnsafeBufferPointer { x in
            for dx in -span.0...span.0 {
                for dy in -span.1...span.1 {
                    for dz in -span.2...span.2 {
                        guard let range = cells[home &+ SIMD3(dx, dy, dz)] else { continue }
                        for slot in range {
                            let j = Int(sorted[slot])
                            var squared = 0.0
                            for c in 0..<d {
                                let delta = x[i * d + c] - x[j * d + c]
                                squared += delta * delta
                            }
                            if squared <= radiusSquared { body(j) }
                        }
                    }
                }
            }
        }
    }
}
