#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Hessian by central differences of an analytic gradient, and the standard errors it
/// implies for a maximum-likelihood fit.
package enum NumericHessian {
    /// The symmetrised Hessian of a function at `point`, by central differences of its
    /// `gradient` with relative steps h_j = `relativeStep` · max(|x_j|, 1e-8).
    /// Row-major, n × n.
    /// - Complexity: 2n gradient evaluations plus O(n²).
    package static func centralDifferences(
        at point: [Double], relativeStep: Double = 1e-5, gradient: ([Double]) -> [Double]
    ) -> [Double] {
        let n = point.count
        var hessian = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            let h = relativeStep * max(abs(point[j]), 1e-8)
            var up = point, down = point
            up[j] += h
            down[j] -= h
            let gUp = gradient(up), gDown = gradient(down)
            for i in 0..<n { hessian[i * n + j] = (gUp[i] - gDown[i]) / (2 * h) }
        }
        for i in 0..<n {
            for j in (i + 1)..<n {
                let mean = (hessian[i * n + j] + hessian[j * n + i]) / 2
                hessian[i * n + j] = mean
                hessian[j * n + i] = mean
            }
        }
        return hessian
    }

    /// The inverse of a symmetric positive-definite matrix by Cholesky factorisation, or nil
    /// when it is not positive definite (a flat or saddle-shaped likelihood).
    /// - Complexity: O(n³).
    package static func inverseOfPositiveDefinite(_ matrix: [Double], size n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        // Solve L Lᵀ X = I column by column.
        var inverse = [Double](repeating: 0, count: n * n)
        for column in 0..<n {
            var y = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var sum = i == column ? 1.0 : 0.0
                for k in 0..<i { sum -= l[i * n + k] * y[k] }
                y[i] = sum / l[i * n + i]
            }
            for i in stride(from: n - 1, through: 0, by: -1) {
                var sum = y[i]
                for k in (i + 1)..<n { sum -= l[k * n + i] * inverse[k * n + column] }
                inverse[i * n + column] = sum / l[i * n + i]
            }
        }
        return inverse
    }
}
