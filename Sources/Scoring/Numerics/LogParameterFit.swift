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
        if let covariance = NumericHessian.inverseOfPositiveDefinite(hessian, size: values.count) {
            let diagonal = values.indices.map { covariance[$0 * values.count + $0].squareRoot() }
            if diagonal.allSatisfy({ $0.isFinite && $0 > 0 }) { errors = diagonal }
        }
        return ParameterEstimates(
            names: names, values: values, standardErrors: errors, logLikelihood: -result.value,
            customerCount: customerCount, convergence: result.report)
    }
}
