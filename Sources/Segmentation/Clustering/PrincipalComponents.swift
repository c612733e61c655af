import Scoring

/// Principal component analysis by eigendecomposition of the sample covariance matrix.
///
/// With X̄ the column means and C = (X − X̄)ᵀ(X − X̄) / (n − 1) the d × d covariance, the
/// components are the unit eigenvectors of C in order of decreasing eigenvalue, and each
/// eigenvalue is the variance of the data along its component (scikit-learn's
/// `explained_variance_`). C is diagonalised by the cyclic Jacobi method, which is exact to
/// rounding and robust for the small d of marketing features. Each component's sign is
/// fixed so that its entry of largest magnitude is positive, scikit-learn's convention, so
/// results can be compared number for number.
///
/// Standardise first (``FeatureStandardization``) when features have different units;
/// PCA on standardised data is PCA on the correlation matrix.
///
/// ```swift
/// let pca = try PrincipalComponents(fitting: points)
/// pca.explainedVarianceRatio        // [0.78, 0.22, 0.004]
/// let scores = try pca.transform(points, componentCount: 2)
/// ```
public struct PrincipalComponents: Sendable, Hashable {
    /// The column means subtracted before projecting.
    public let means: [Double]
    /// The components, one unit row vector each (d × d), largest variance first.
    public let components: FeatureMatrix
    /// The variance along each component (the covariance eigenvalues, divisor n − 1).
    public let explainedVariance: [Double]
    /// Each component's share of the total variance.
    public let explainedVarianceRatio: [Double]
    /// Jacobi sweeps used.
    public let sweeps: Int

    /// Fits the components of `points`.
    /// - Throws: ``ClusteringError`` `.emptyInput` for fewer than 2 rows or no columns,
    ///   `.constantFeature` when every column is constant (no variance to explain).
    /// - Complexity: O(n · d²) for the covariance, then O(d³) per Jacobi sweep (typically
    ///   under 10 sweeps).
    public init(fitting points: FeatureMatrix) throws(ClusteringError) {
        let n = points.rowCount, d = points.columnCount
        guard n >= 2, d >= 1 else {
            throw ClusteringError(.emptyInput, "PCA needs at least 2 rows and 1 column (got \(n) × \(d))")
        }
        var means = [Double](repeating: 0, count: d)
        for i in 0..<n { for c in 0..<d { means[c] += points.values[i * d + c] } }
        for c in 0..<d { means[c] /= Double(n) }
        var covariance = [Double](repeating: 0, count: d * d)
        var centred = [Double](repeating: 0, count: d)
        for i in 0..<n {
            for c in 0..<d { centred[c] = points.values[i * d + c] - means[c] }
            for a in 0..<d { for b in a..<d { covariance[a * d + b] += centred[a] * centred[b] } }
        }
        for a in 0..<d {
            for b in a..<d {
                covariance[a * d + b] /= Double(n - 1)
                covariance[b * d + a] = covariance[a * d + b]
            }
        }
        let total = (0..<d).reduce(0.0) { $0 + covariance[$1 * d + $1] }
        guard total > 0 else {
            throw ClusteringError(.constantFeature, "every feature is constant: there is no variance to decompose")
        }
        let (values, vectors, sweeps) = SymmetricEigen.jacobi(covariance, size: d)
        // Decreasing eigenvalue; the lower original index first among equals.
        let order = (0..<d).sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
        var rows: [Double] = []
        rows.reserveCapacity(d * d)
        for j in order {
            var column = (0..<d).map { vectors[$0 * d + j] }
            var largest = 0
            for c in 1..<max(1, d) where abs(column[c]) > abs(column[largest]) { largest = c }
            if column[largest] < 0 { column = column.map { -$0 } }
            rows.append(contentsOf: column)
        }
        self.means = means
        self.components = try FeatureMatrix.checked(rowCount: d, columnCount: d, values: rows)
        // Rounding can leave a zero eigenvalue slightly negative; a variance is not.
        self.explainedVariance = order.map { max(0, values[$0]) }
        self.explainedVarianceRatio = explainedVariance.map { $0 / total }
        self.sweeps = sweeps
    }

    /// The number of features d.
    public var featureCount: Int { means.count }

    /// The fewest leading components whose variance ratios add up to at least `fraction`.
    /// - Complexity: O(d).
    public func componentCount(explaining fraction: Double) -> Int {
        var sum = 0.0
        for (index, ratio) in explainedVarianceRatio.enumerated() {
            sum += ratio
            if sum >= fraction - 1e-12 { return index + 1 }
        }
        return featureCount
    }

    /// The coordinates of each row on the first `componentCount` components (default all).
    /// - Throws: ``ClusteringError`` `.dimensionMismatch` for another number of columns,
    ///   `.invalidParameter` for a component count outside 1…d.
    /// - Complexity: O(rows · d · componentCount).
    public func transform(_ points: FeatureMatrix, componentCount: Int? = nil) throws(ClusteringError) -> FeatureMatrix {
        let d = featureCount, m = componentCount ?? d
        guard points.columnCount == d else {
            throw ClusteringError(.dimensionMismatch, "the points have \(points.columnCount) features; the PCA has \(d)")
        }
        guard (1...d).contains(m) else {
            throw ClusteringError(.invalidParameter, "the component count must be in 1...\(d), not \(m)")
        }
        var out = [Double](repeating: 0, count: points.rowCount * m)
        for i in 0..<points.rowCount {
            for j in 0..<m {
                var dot = 0.0
                for c in 0..<d { dot += (points.values[i * d + c] - means[c]) * components.values[j * d + c] }
                out[i * m + j] = dot
            }
        }
        return try FeatureMatrix.checked(rowCount: points.rowCount, columnCount: m, values: out)
    }

    /// Points in the original space from their coordinates on the leading components (a
    /// rank-m approximation when m < d).
    /// - Throws: ``ClusteringError`` `.invalidParameter` for more columns than components.
    /// - Complexity: O(rows · d · m).
    public func inverseTransform(_ scores: FeatureMatrix) throws(ClusteringError) -> FeatureMatrix {
        let d = featureCount, m = scores.columnCount
        guard (1...d).contains(m) else {
            throw ClusteringError(.invalidParameter, "the scores have \(m) columns; the PCA has \(d) components")
        }
        var out = [Double](repeating: 0, count: scores.rowCount * d)
        for i in 0..<scores.rowCount {
            for c in 0..<d {
                var value = means[c]
                for j in 0..<m { value += scores.values[i * m + j] * components.values[j * d + c] }
                out[i * d + c] = value
            }
        }
        return try FeatureMatrix.checked(rowCount: scores.rowCount, columnCount: d, values: out)
    }
}

/// Eigenvalues and eigenvectors of a real symmetric matrix.
enum SymmetricEigen {
    /// Cyclic Jacobi rotations until the off-diagonal mass is negligible: returns the
    /// eigenvalues, the eigenvectors as the columns of a row-major d × d matrix, and the sweeps.
    /// - Complexity: O(d³) per sweep; convergence is quadratic, typically 5–10 sweeps.
    static func jacobi(_ matrix: [Double], size d: Int) -> (values: [Double], vectors: [Double], sweeps: Int) {
        var a = matrix
        var v = [Double](repeating: 0, count: d * d)
        for i in 0..<d { v[i * d + i] = 1 }
        var scale = 0.0
        for x in a { scale += x * x }
        var sweeps = 0
        while sweeps < 100 {
            var off = 0.0
            for p in 0..<d { for q in (p + 1)..<max(p + 1, d) { off += a[p * d + q] * a[p * d + q] } }
            if off <= 1e-32 * scale { break }
            sweeps += 1
            for p in 0..<d {
                for q in (p + 1)..<max(p + 1, d) {
                    let apq = a[p * d + q]
                    if apq == 0 { continue }
                    // Rotate by φ with cot 2φ = θ so that the new a[p][q] is 0; t = tan φ, the smaller root.
                    let theta = (a[q * d + q] - a[p * d + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<d {
                        let akp = a[k * d + p], akq = a[k * d + q]
                        a[k * d + p] = c * akp - s * akq
                        a[k * d + q] = s * akp + c * akq
                    }
                    for k in 0..<d {
                        let apk = a[p * d + k], aqk = a[q * d + k]
                        a[p * d + k] = c * apk - s * aqk
                        a[q * d + k] = s * apk + c * aqk
                    }
                    for k in 0..<d {
                        let vkp = v[k * d + p], vkq = v[k * d + q]
                        v[k * d + p] = c * vkp - s * vkq
                        v[k * d + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<d).map { a[$0 * d + $0] }, v, sweeps)
    }
}
