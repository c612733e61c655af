import Scoring

/// The points of a fit with the column means subtracted, as scikit-learn does before
/// k-means: distances do not change, and sums of coordinates lose less precision.
struct CenteredPoints: Sendable {
    /// Row-major n × d values, each column with mean 0.
    let values: [Double]
    /// The number of rows n.
    let count: Int
    /// The number of columns d.
    let dimension: Int
    /// The column means that were subtracted.
    let means: [Double]
    /// The mean of the per-column population variances (scales the tolerance).
    let meanVariance: Double
    /// A bound on every |coordinate| · √d: the scale of rounding errors in distances.
    let magnitude: Double

    init(_ points: FeatureMatrix) {
        let n = points.rowCount, d = points.columnCount
        var means = [Double](repeating: 0, count: d)
        for i in 0..<n { for c in 0..<d { means[c] += points.values[i * d + c] } }
        for c in 0..<d { means[c] /= Double(n) }
        var values = points.values
        var variance = 0.0
        var largest = 0.0
        values.withUnsafeMutableBufferPointer { x in
            for i in 0..<n {
                for c in 0..<d {
                    let v = x[i * d + c] - means[c]
                    x[i * d + c] = v
                    variance += v * v
                    largest = max(largest, abs(v))
                }
            }
        }
        self.values = values
        self.count = n
        self.dimension = d
        self.means = means
        self.meanVariance = variance / Double(n * d)
        self.magnitude = largest * Double(d).squareRoot()
    }

    /// The given rows, copied in order.
    func rows(_ indices: [Int]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(indices.count * dimension)
        for i in indices { out.append(contentsOf: values[(i * dimension)..<((i + 1) * dimension)]) }
        return out
    }

    /// Points given in the original space, moved into the centred one.
    func centered(_ matrix: FeatureMatrix) -> [Double] {
        var out = matrix.values
        for i in 0..<matrix.rowCount { for c in 0..<dimension { out[i * dimension + c] -= means[c] } }
        return out
    }

    /// Centred rows moved back into the original space.
    func uncentered(_ values: [Double], rows: Int) throws(ClusteringError) -> FeatureMatrix {
        var out = values
        for i in 0..<rows { for c in 0..<dimension { out[i * dimension + c] += means[c] } }
        return try FeatureMatrix.checked(rowCount: rows, columnCount: dimension, values: out)
    }
}

extension FeatureMatrix {
    /// Builds a matrix, reporting a non-finite value as a ``ClusteringError``.
    static func checked(rowCount: Int, columnCount: Int, values: [Double]) throws(ClusteringError) -> FeatureMatrix {
        do {
            return try FeatureMatrix(rowCount: rowCount, columnCount: columnCount, values: values)
        } catch {
            throw ClusteringError(error.code == .nonFiniteInput ? .nonFiniteInput : .dimensionMismatch, error.message)
        }
    }
}

/// Fixed chunks of a row range: the unit of parallel work. The count depends only on the
/// number of rows, so partial sums are added in the same order on every machine.
struct RowChunks {
    let bounds: [Int]
    var count: Int { bounds.count - 1 }

    init(rows: Int, rowsPerChunk: Int = 16_384, maximumChunks: Int = 32) {
        let chunks = max(1, min(maximumChunks, (rows + rowsPerChunk - 1) / rowsPerChunk))
        bounds = (0...chunks).map { rows * $0 / chunks }
    }

    func range(_ chunk: Int) -> Range<Int> { bounds[chunk]..<bounds[chunk + 1] }
}
