#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// L2-penalised logistic regression fitted by Newton's method (iteratively reweighted
/// least squares) on standardised features.
///
/// Each feature is standardised with its (unweighted) mean and population standard
/// deviation, x̃ⱼ = (xⱼ − mⱼ) / sⱼ (sⱼ = 1 for a constant column), and the fit minimises
///
/// ```
/// L(β) = −Σᵢ wᵢ [yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)] + (λ/2) Σⱼ₌₁ β̃ⱼ²,   pᵢ = σ(β̃₀ + Σⱼ β̃ⱼ x̃ᵢⱼ)
/// ```
///
/// with the intercept β̃₀ not penalised. This is scikit-learn's
/// `LogisticRegression(penalty="l2", C=1/λ)` fitted on the same standardised matrix.
/// Each Newton step solves (XᵀWX + λI′) Δ = g by Cholesky and is halved until L does
/// not increase; the fit stops when the largest |Δ| is below ``tolerance``.
///
/// With λ > 0 the problem is strictly convex, so collinear and constant features are
/// handled by the penalty (their weight is shared or stays 0). With λ = 0 a singular
/// system is a ``ScoringError`` `.collinearFeatures`, and separable data (coefficients
/// growing without bound) is `.didNotConverge`.
public struct LogisticRegression: PropensityModel, Hashable {
    /// The L2 penalty λ on the standardised coefficients (≥ 0; default 1). scikit-learn's C is 1/λ.
    public var penalty: Double
    /// The most Newton iterations (default 100).
    public var maxIterations: Int
    /// Convergence threshold on the largest coefficient change (default 1e-10).
    public var tolerance: Double

    /// Creates a configuration.
    public init(penalty: Double = 1, maxIterations: Int = 100, tolerance: Double = 1e-10) {
        self.penalty = penalty
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }

    /// Fits the coefficients.
    /// - Throws: ``ScoringError``: `.invalidParameter` for a negative or non-finite penalty,
    ///   maxIterations < 1 or tolerance ≤ 0, and for invalid labels or weights;
    ///   `.degenerateInput` for no rows or one class; `.collinearFeatures` when λ = 0 and the
    ///   system is singular; `.didNotConverge` when the iterations run out.
    /// - Complexity: O(iterations · (rows · features² + features³)); iterations are
    ///   typically below 10.
    public func fit(features: FeatureMatrix, labels: [Bool], weights: [Double]?) throws(ScoringError)
        -> FittedLogisticRegression
    {
        guard penalty.isFinite, penalty >= 0, maxIterations >= 1, tolerance.isFinite, tolerance > 0 else {
            throw ScoringError(
                .invalidParameter,
                "logistic regression needs penalty ≥ 0, maxIterations ≥ 1, tolerance > 0 (got \(penalty), \(maxIterations), \(tolerance))")
        }
        let data = try PropensityTrainingSet(features: features, labels: labels, weights: weights)
        let n = features.rowCount, p = features.columnCount, k = p + 1
        let (means, scales) = Self.standardisation(features)
        // Standardised design with a leading column of ones, row-major n × k.
        var design = [Double](repeating: 1, count: n * k)
        for i in 0..<n {
            for j in 0..<p { design[i * k + j + 1] = (features.values[i * p + j] - means[j]) / scales[j] }
        }
        var beta = [Double](repeating: 0, count: k)
        var objective = Self.objective(beta, design: design, data: data, penalty: penalty)
        var iterations = 0
        var converged = false
        var gradientNorm = Double.infinity
        while iterations < maxIterations {
            iterations += 1
            var (gradient, hessian) = Self.derivatives(beta, design: design, data: data, penalty: penalty)
            gradientNorm = gradient.reduce(0) { max($0, abs($1)) }
            guard CholeskySolver.solve(&hessian, &gradient, size: k) else {
                throw ScoringError(
                    .collinearFeatures,
                    "the features are collinear or constant and the penalty is 0; use a penalty > 0 or drop features")
            }
            let step = gradient
            var scale = 1.0
            var candidate = beta
            var candidateObjective = objective
            for _ in 0..<40 {
                for j in 0..<k { candidate[j] = beta[j] - scale * step[j] }
                candidateObjective = Self.objective(candidate, design: design, data: data, penalty: penalty)
                if candidateObjective <= objective + 1e-12 * abs(objective) { break }
                scale *= 0.5
            }
            let largest = step.reduce(0) { max($0, abs($1)) } * scale
            beta = candidate
            objective = candidateObjective
            if largest <= tolerance {
                converged = true
                break
            }
        }
        guard converged, beta.allSatisfy(\.isFinite) else {
            throw ScoringError(
                .didNotConverge,
                "logistic regression did not converge in \(maxIterations) iterations (separable data? use a penalty > 0)")
        }
        let report = LogisticRegressionReport(
            iterations: iterations, converged: converged, objective: objective, gradientNorm: gradientNorm)
        return FittedLogisticRegression(
            featureMeans: means, featureScales: scales, standardizedIntercept: beta[0],
            standardizedCoefficients: Array(beta[1...]), penalty: penalty, report: report)
    }

    /// Means and population standard deviations per column (1 for a constant column).
    static func standardisation(_ x: FeatureMatrix) -> (means: [Double], scales: [Double]) {
        let n = Double(x.rowCount), p = x.columnCount
        var means = [Double](repeating: 0, count: p)
        var scales = [Double](repeating: 0, count: p)
        for i in 0..<x.rowCount { for j in 0..<p { means[j] += x.values[i * p + j] } }
        for j in 0..<p { means[j] /= n }
        for i in 0..<x.rowCount {
            for j in 0..<p {
                let d = x.values[i * p + j] - means[j]
                scales[j] += d * d
            }
        }
        for j in 0..<p {
            let s = (scales[j] / n).squareRoot()
            scales[j] = s > 1e-12 * max(1, abs(means[j])) ? s : 1
        }
        return (means, scales)
    }

    /// The penalised negative log-likelihood L(β).
    static func objective(_ beta: [Double], design: [Double], data: PropensityTrainingSet, penalty: Double) -> Double {
        let k = beta.count
        var total = 0.0
        for i in 0..<data.labels.count where data.weights[i] > 0 {
            var z = 0.0
            for j in 0..<k { z += beta[j] * design[i * k + j] }
            total += data.weights[i] * softplus(data.labels[i] ? -z : z)
        }
        for j in 1..<k { total += 0.5 * penalty * beta[j] * beta[j] }
        return total
    }

    /// The gradient and Hessian (row-major k × k) of L at β.
    static func derivatives(_ beta: [Double], design: [Double], data: PropensityTrainingSet, penalty: Double)
        -> (gradient: [Double], hessian: [Double])
    {
        let k = beta.count
        var gradient = [Double](repeating: 0, count: k)
        var hessian = [Double](repeating: 0, count: k * k)
        for i in 0..<data.labels.count where data.weights[i] > 0 {
            var z = 0.0
            for j in 0..<k { z += beta[j] * design[i * k + j] }
            let prob = sigmoid(z)
            let residual = data.weights[i] * (prob - (data.labels[i] ? 1 : 0))
            let curvature = data.weights[i] * prob * (1 - prob)
            for a in 0..<k {
                let xa = design[i * k + a]
                gradient[a] += residual * xa
                let cxa = curvature * xa
                for b in a..<k { hessian[a * k + b] += cxa * design[i * k + b] }
            }
        }
        for j in 1..<k {
            gradient[j] += penalty * beta[j]
            hessian[j * k + j] += penalty
        }
        for a in 0..<k { for b in 0..<a { hessian[a * k + b] = hessian[b * k + a] } }
        return (gradient, hessian)
    }

    /// log(1 + eᵗ) without overflow.
    @inline(__always)
    static func softplus(_ t: Double) -> Double { max(t, 0) + log1p(exp(-abs(t))) }

    /// 1 / (1 + e⁻ᶻ) without overflow.
    @inline(__always)
    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }
}

/// How a Newton fit ended.
public struct LogisticRegressionReport: Hashable, Sendable {
    /// Newton iterations taken.
    public let iterations: Int
    /// Whether the largest coefficient change fell below the tolerance.
    public let converged: Bool
    /// The penalised negative log-likelihood at the solution.
    public let objective: Double
    /// The largest |gradient| component at the start of the last iteration.
    public let gradientNorm: Double
}
