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
        guard n < Int(Int32.max) else {
            throw ClusteringError(.invalidParameter, "DBSCAN indexes rows with 32 bits; \(n) rows are too many")
        }
        let grid = try RadiusGrid(points, radius: radius)
        var counts = [Int](repeating: 0, count: n)
        let needed = minimumPoints
        ParallelLoop.fill(&counts) { i in
            // Counting stops at minimumPoints: a core point need not know all its neighbours.
            var count = 0
            grid.forEachCandidate(of: i) { j in
                if grid.isNeighbour(i, j) { count += 1 }
                return count < needed
            }
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
                grid.forEachCandidate(of: i) { j in
                    // Labelled points are skipped before their distance is computed.
                    if labels[j] == -1 && grid.isNeighbour(i, j) {
                        labels[j] = clusters
                        if isCore[j] { stack.append(j) }
                    }
                    return true
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
    private let cellOfPoint: [GridCell]
    /// Point indices sorted by cell; each cell's range in it.
    private let sorted: [Int32]
    private let cells: CellTable

    init(_ points: FeatureMatrix, radius: Double) throws(ClusteringError) {
        let n = points.rowCount, d = points.columnCount
        let m = min(d, 3)
        var cellOfPoint = [GridCell](repeating: GridCell(), count: n)
        for i in 0..<n {
            var cell = GridCell()
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
        var runs: [(cell: GridCell, range: Range<Int>)] = []
        var start = 0
        for position in 1...n where position == n || cellOfPoint[order[position]] != cellOfPoint[order[start]] {
            runs.append((cellOfPoint[order[start]], start..<position))
            start = position
        }
        let cells = CellTable(runs)
        self.points = points
        self.radiusSquared = radius * radius
        self.indexedDimensions = m
        self.cellOfPoint = cellOfPoint
        self.sorted = order.map { Int32($0) }
        self.cells = cells
    }

    /// Calls `body` with every point in the cells around point `i` (a superset of its
    /// neighbours, itself included) until `body` returns false.
    func forEachCandidate(of i: Int, _ body: (Int) -> Bool) {
        let home = cellOfPoint[i]
        let span: (Int64, Int64, Int64) = (1, indexedDimensions > 1 ? 1 : 0, indexedDimensions > 2 ? 1 : 0)
        for dx in -span.0...span.0 {
            for dy in -span.1...span.1 {
                for dz in -span.2...span.2 {
                    guard let range = cells.range(of: GridCell(x: home.x &+ dx, y: home.y &+ dy, z: home.z &+ dz)) else {
                        continue
                    }
                    for slot in range where !body(Int(sorted[slot])) { return }
                }
            }
        }
    }

    /// Whether points `i` and `j` are within ε (inclusive), in all d dimensions.
    @inline(__always)
    func isNeighbour(_ i: Int, _ j: Int) -> Bool {
        let d = points.columnCount
        return points.values.withUnsafeBufferPointer { x in
            var squared = 0.0
            for c in 0..<d {
                let delta = x[i * d + c] - x[j * d + c]
                squared += delta * delta
            }
            return squared <= radiusSquared
        }
    }
}

/// The integer coordinates of a grid cell (unused dimensions stay 0).
struct GridCell: Hashable {
    var x: Int64 = 0
    var y: Int64 = 0
    var z: Int64 = 0

    subscript(axis: Int) -> Int64 {
        get { axis == 0 ? x : axis == 1 ? y : z }
        set {
            switch axis {
            case 0: x = newValue
            case 1: y = newValue
            default: z = newValue
            }
        }
    }
}

/// The occupied cells and their ranges of sorted points: an open-addressing hash table with
/// a multiplicative hash of the cell's coordinates, in one contiguous array, so a lookup
/// costs about one cache miss (a `Dictionary` with SipHash costs several times more, and
/// DBSCAN makes 3^min(d,3) lookups per point).
struct CellTable {
    private struct Slot {
        var cell = GridCell()
        var start: Int32 = 0
        /// 0 marks an empty slot (every occupied cell holds at least one point).
        var end: Int32 = 0
    }

    private var slots: [Slot]
    private let mask: Int

    init(_ runs: [(cell: GridCell, range: Range<Int>)]) {
        var capacity = 16
        while capacity < 2 * runs.count { capacity *= 2 }
        mask = capacity - 1
        slots = [Slot](repeating: Slot(), count: capacity)
        for run in runs {
            var index = Self.hash(run.cell) & mask
            while slots[index].end != 0 { index = (index + 1) & mask }
            slots[index] = Slot(cell: run.cell, start: Int32(run.range.lowerBound), end: Int32(run.range.upperBound))
        }
    }

    /// The sorted-point range of `cell`, or nil when no point lies in it.
    @inline(__always)
    func range(of cell: GridCell) -> Range<Int>? {
        slots.withUnsafeBufferPointer { table in
            var index = Self.hash(cell) & mask
            while table[index].end != 0 {
                if table[index].cell == cell { return Int(table[index].start)..<Int(table[index].end) }
                index = (index + 1) & mask
            }
            return nil
        }
    }

    @inline(__always)
    private static func hash(_ cell: GridCell) -> Int {
        var h = UInt64(bitPattern: cell.x) &* 0x9E37_79B9_7F4A_7C15
        h ^= UInt64(bitPattern: cell.y) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= UInt64(bitPattern: cell.z) &* 0x1656_67B1_9E37_79F9
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }
}
