import Scoring

/// k-means clustering: k centroids that minimise the inertia, the sum of squared Euclidean
/// distances from each point to its nearest centroid.
///
/// A fit starts from ``initialization`` (greedy k-means++ by default, seeded), then
/// alternates Lloyd's two steps: give every point the label of its nearest centroid, move
/// every centroid to the mean of its points. It stops when no label changes (strict
/// convergence), when the centroids' total squared shift is at most ``tolerance`` times the
/// mean per-feature variance of the data (scikit-learn's rule), or after ``maxIterations``.
/// A cluster left empty takes the point farthest from its own centroid, as scikit-learn does.
/// With k-means++ the fit is repeated ``restarts`` times and the lowest inertia is kept.
///
/// ``algorithm`` chooses how the assignment step is computed: ``Algorithm/lloyd`` compares
/// every point with every centroid; ``Algorithm/hamerly`` keeps distance bounds per point
/// and skips the comparisons the triangle inequality proves unnecessary. Both give the same
/// labels, centroids, inertia and iteration count (the bounds carry a safety margin for
/// rounding, and the centroid sums are accumulated in the same order).
///
/// The work is split into a fixed number of contiguous chunks that run on all cores and
/// whose partial sums are added in chunk order, so a fit gives the same bits on any
/// machine, whatever its core count.
///
/// ```swift
/// let scaler = try FeatureStandardization(fitting: rawFeatures)
/// let points = scaler.transform(rawFeatures)
/// let fit = try KMeans(clusterCount: 5, restarts: 4, seed: 7).fit(points)
/// fit.inertia; fit.labels[0]; fit.centroids[2, 0]
/// ```
public struct KMeans: Sendable, Hashable {
    /// How the assignment step finds each point's nearest centroid.
    public enum Algorithm: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every point against every centroid: O(n·k·d) per iteration.
        case lloyd
        /// Hamerly's bounds (Hamerly 2010): one upper and one lower bound per point; most
        /// points are settled in O(1) once the centroids move little. Same results as Lloyd.
        case hamerly
    }

    /// The number of clusters k (≥ 1).
    public var clusterCount: Int
    /// Where the centroids start.
    public var initialization: KMeansInitialization
    /// Fits from independent k-means++ starts, the lowest inertia kept (≥ 1; scikit-learn's
    /// `n_init`). Deterministic initialisations run once.
    public var restarts: Int
    /// The most Lloyd iterations per fit (≥ 1).
    public var maxIterations: Int
    /// The relative tolerance (≥ 0): stop when Σⱼ‖cⱼ′ − cⱼ‖² ≤ tolerance · mean per-feature
    /// variance. 0 runs until no label changes.
    public var tolerance: Double
    /// The assignment strategy; the results do not depend on it.
    public var algorithm: Algorithm
    /// The seed of ``fit(_:)``.
    public var seed: UInt64

    /// Creates a configuration; the defaults are scikit-learn's (`init="k-means++"`,
    /// `max_iter=300`, `tol=1e-4`) with one start.
    public init(
        clusterCount: Int, initialization: KMeansInitialization = .kMeansPlusPlus(), restarts: Int = 1,
        maxIterations: Int = 300, tolerance: Double = 1e-4, algorithm: Algorithm = .hamerly, seed: UInt64 = 0
    ) {
        self.clusterCount = clusterCount
        self.initialization = initialization
        self.restarts = restarts
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.algorithm = algorithm
        self.seed = seed
    }

    /// Clusters `points` (one row per point) with the generator seeded by ``seed``.
    /// - Throws: ``ClusteringError``: `.invalidParameter` for k < 1, restarts < 1,
    ///   maxIterations < 1, a negative or non-finite tolerance, or initial centroids of the
    ///   wrong shape; `.emptyInput` for no rows or no columns; `.tooFewDistinctPoints` when the
    ///   input has fewer than k distinct rows; `.nonFiniteInput` for values so large that
    ///   squared distances overflow.
    /// - Complexity: O(restarts · (k · trials · n·d + iterations · n·k·d)) for Lloyd; Hamerly
    ///   replaces most of the n·k·d per iteration by n·d.
    public func fit(_ points: FeatureMatrix) throws(ClusteringError) -> KMeansResult {
        var generator = ClusteringRandomStream(seed: seed)
        return try fit(points, using: &generator)
    }

    /// Clusters `points`, drawing one 64-bit seed per restart from `generator`.
    /// - Throws: as ``fit(_:)``.
    /// - Complexity: as ``fit(_:)``.
    public func fit(_ points: FeatureMatrix, using generator: inout some RandomNumberGenerator)
        throws(ClusteringError) -> KMeansResult
    {
        try validate(points)
        let data = CenteredPoints(points)
        let runs: Int
        switch initialization {
        case .kMeansPlusPlus: runs = restarts
        case .centroids, .evenlySpacedRows: runs = 1
        }
        var seeds: [UInt64] = []
        for _ in 0..<runs { seeds.append(generator.next()) }
        let toleranceScaled = tolerance * data.meanVariance
        var best: KMeansRun?
        var inertias: [Double] = []
        for run in 0..<runs {
            let start: [Double]
            var startRows: [Int]? = nil
            switch initialization {
            case .kMeansPlusPlus(let trials):
                var stream = ClusteringRandomStream(seed: seeds[run])
                let seeding = KMeansPlusPlus.choose(
                    clusterCount: clusterCount, localTrials: trials ?? KMeansPlusPlus.defaultTrials(clusterCount),
                    data: data, using: &stream)
                start = seeding.centroids
                startRows = seeding.rows
            case .centroids(let given):
                start = data.centered(given)
            case .evenlySpacedRows:
                let rows = (0..<clusterCount).map { $0 * data.count / clusterCount }
                start = data.rows(rows)
                startRows = rows
            }
            var result = KMeansIterations(
                data: data, centroids: start, maxIterations: maxIterations, tolerance: toleranceScaled,
                algorithm: algorithm
            ).run()
            result.startRows = startRows
            inertias.append(result.inertia)
            // The first run wins ties, so adding restarts never replaces an equal fit.
            if let current = best, current.inertia <= result.inertia { continue }
            best = result
        }
        // `runs` ≥ 1 was validated, so `best` is set.
        guard let best else { throw ClusteringError(.invalidParameter, "restarts must be at least 1") }
        return KMeansResult(
            centroids: try data.uncentered(best.centroids, rows: clusterCount), labels: best.labels,
            inertia: best.inertia, iterations: best.iterations, converged: best.converged,
            initialRows: best.startRows, restartInertias: inertias)
    }

    /// Checks the parameters and the input before any work.
    func validate(_ points: FeatureMatrix) throws(ClusteringError) {
        guard clusterCount >= 1 else {
            throw ClusteringError(.invalidParameter, "k must be at least 1, not \(clusterCount)")
        }
        guard restarts >= 1, maxIterations >= 1, tolerance.isFinite, tolerance >= 0 else {
            throw ClusteringError(
                .invalidParameter,
                "k-means needs restarts ≥ 1, maxIterations ≥ 1 and a tolerance ≥ 0 (got \(restarts), \(maxIterations), \(tolerance))")
        }
        guard points.rowCount > 0, points.columnCount > 0 else {
            throw ClusteringError(.emptyInput, "k-means needs at least one point with at least one feature (got \(points.rowCount) × \(points.columnCount))")
        }
        if let huge = points.values.firstIndex(where: { abs($0) > 1e150 }) {
            throw ClusteringError(
                .nonFiniteInput,
                "feature \(huge % points.columnCount) of row \(huge / points.columnCount) is \(points.values[huge]); squared distances would overflow")
        }
        switch initialization {
        case .kMeansPlusPlus(let trials):
            if let trials, trials < 1 {
                throw ClusteringError(.invalidParameter, "k-means++ needs at least 1 local trial, not \(trials)")
            }
        case .centroids(let given):
            guard given.rowCount == clusterCount, given.columnCount == points.columnCount else {
                throw ClusteringError(
                    .invalidParameter,
                    "initial centroids are \(given.rowCount) × \(given.columnCount); k-means needs \(clusterCount) × \(points.columnCount)")
            }
        case .evenlySpacedRows: break
        }
        let distinct = DistinctRows.count(in: points, upTo: clusterCount)
        guard distinct >= clusterCount else {
            throw ClusteringError(
                .tooFewDistinctPoints, "k = \(clusterCount) clusters need \(clusterCount) distinct points; the input has \(distinct)")
        }
    }
}

/// Where k-means starts.
public enum KMeansInitialization: Sendable, Hashable {
    /// k-means++ (Arthur & Vassilvitskii 2007) in scikit-learn's greedy form: the first
    /// centroid is a uniformly drawn row; each next one is the best of `localTrials`
    /// candidate rows drawn with probability proportional to their squared distance to the
    /// nearest chosen centroid, "best" meaning the lowest resulting total. nil means
    /// 2 + ⌊ln k⌋ trials, scikit-learn's default; 1 is the original k-means++.
    case kMeansPlusPlus(localTrials: Int? = nil)
    /// The given k × d centroids.
    case centroids(FeatureMatrix)
    /// Rows ⌊j·n/k⌋ for j = 0…k−1: deterministic, the replicable start of the reference runs.
    case evenlySpacedRows
}

/// Finds whether a matrix has at least a given number of distinct rows.
enum DistinctRows {
    /// The number of distinct rows, counted up to `limit` (the scan stops there).
    /// - Complexity: O(n · limit · d) in the worst case (many duplicates); O(limit² · d) when
    ///   the first rows differ.
    static func count(in points: FeatureMatrix, upTo limit: Int) -> Int {
        let d = points.columnCount
        var found: [Int] = []
        found.reserveCapacity(limit)
        return points.values.withUnsafeBufferPointer { x in
            for row in 0..<points.rowCount {
                let isNew = found.allSatisfy { other in
                    for c in 0..<d where x[row * d + c] != x[other * d + c] { return true }
                    return false
                }
                if isNew {
                    found.append(row)
                    if found.count >= limit { break }
                }
            }
            return found.count
        }
    }
}
