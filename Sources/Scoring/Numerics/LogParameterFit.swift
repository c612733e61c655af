#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maximum likelihood for models whose parameters are all positive: BFGS on the
/// log-parameters, then standard errors from the numeric Hessian in the natural parameters.
package enum LogParameterFit {
    /// Maximises a log-likelihood given as `negativeLogLikelihood(θ) -> (−LL, −∂LL/∂θ)`.
    ///
    /// - Throws: ``ScoringError`` `.didNotConverge` when the objective is not finite at the
    ///   start, the optimiser does not converge, or an estimate over- or underflows.
    /// - Complexity: O(iterations · evaluation) plus 2k evaluations for the Hessian.
    package static func fit(
        names: [String], start: [Double], customerCount: Int, minimizer: BFGSMinimizer = BFGSMinimizer(),
        negativeLogLikelihood: ([Double]) -> (value: Double, gradient: [Double])
    ) throws(ScoringError) -> ParameterEstimates {
        let result = try minimizer.minimize(from: start.map { log($0) }) { y in
            let theta = y.map { exp($0) }
            let (value, gradient) = negativeLogLikelihood(theta)
            return (value, (0..<theta.count).map { gradient[$0] * theta[$0] })
        }
        let values = result.point.map { exp($0) }
        guard result.report.converged else {
            throw ScoringError(
                .didNotConverge,
                "maximum likelihood did not converge: \(result.report); last estimates \(values)")
        }
        guard values.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw ScoringError(
                .didNotConverge, "an estimate ran off to 0 or infinity (\(values)); the data cannot identify the model")
        }
        let hessian = NumericHessian.centralDifferences(at: values) { negativeLogLikelihood($0).gradient }
        var errors: [Double]?
        var covariance: [Double]?
        if let inverse = NumericHessian.inverseOfPositiveDefinite(hessian, size: values.count) {
            let diagonal = values.indices.map { inverse[$0 * values.count + $0].squareRoot() }
            if diagonal.allSatisfy({ $0.isFinite && $0 > 0 }) {
                errors = diagonal
                covariance = inverse
            }
        }
        return ParameterEstimates(
            names: names, values: values, standardErrors: errors, covariance: covariance, logLikelihood: -result.value,
            customerCount: customerCount, convergence: result.report)
    }

    /// Fits a four-parameter repeat-purchase model (BG/NBD, MBG/NBD, Pareto/NBD) to a
    /// summary: validates and compresses it, starts from (1, mean T, 1, 1), or (1, mean T, 1,
    /// mean T) when `fourthStartIsMeanAge` (a rate-like fourth parameter, Pareto/NBD's β), and
    /// maximises `logLikelihood(θ, rows) -> (LL, ∂LL/∂θ)`.
    /// - Throws: ``ScoringError`` `.degenerateInput` for data the model cannot be fitted to;
    ///   `.didNotConverge` when the optimiser fails.
    static func fitPurchaseModel(
        _ summary: CustomerSummary, model: String, names: [String], fourthStartIsMeanAge: Bool,
        maximumIterations: Int,
        logLikelihood: ([Double], CompressedSummary) -> (Double, [Double])
    ) throws(ScoringError) -> ParameterEstimates {
        let data = try CompressedSummary.validatedForPurchaseModel(summary, model: model)
        let meanAge = max(summary.age.reduce(0, +) / Double(summary.count), 1e-3)
        var minimizer = BFGSMinimizer()
        minimizer.maximumIterations = maximumIterations
        return try fit(
            names: names, start: [1, meanAge, 1, fourthStartIsMeanAge ? meanAge : 1], customerCount: summary.count,
            minimizer: minimizer
        ) { theta in
            let (ll, gradient) = logLikelihood(theta, data)
            return (-ll, gradient.map { -$0 })
        }
    }
}
