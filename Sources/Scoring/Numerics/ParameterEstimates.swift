/// Maximum-likelihood estimates of a model's parameters, with their standard errors, the
/// log-likelihood and how the optimiser converged.
public struct ParameterEstimates: Sendable, Hashable, CustomStringConvertible {
    /// Parameter names, in the model's order (for example `r`, `alpha`, `a`, `b`).
    public var names: [String]
    /// The estimates.
    public var values: [Double]
    /// Asymptotic standard errors from the inverse of the numeric Hessian of the negative
    /// log-likelihood; nil when the Hessian is not positive definite.
    public var standardErrors: [Double]?
    /// The asymptotic covariance matrix of the estimates (row-major, k × k), the inverse of
    /// the Hessian of the negative log-likelihood; nil when it is not positive definite. It
    /// is what ``PredictionInterval``s are computed from.
    public var covariance: [Double]?
    /// The maximised total log-likelihood (weights included).
    public var logLikelihood: Double
    /// Customers the model was fitted on (the sum of the weights).
    public var customerCount: Int
    /// How the optimisation ended.
    public var convergence: OptimizationReport

    /// Creates estimates.
    public init(
        names: [String], values: [Double], standardErrors: [Double]?, covariance: [Double]? = nil,
        logLikelihood: Double, customerCount: Int, convergence: OptimizationReport
    ) {
        self.covariance = covariance
        self.names = names
        self.values = values
        self.standardErrors = standardErrors
        self.logLikelihood = logLikelihood
        self.customerCount = customerCount
        self.convergence = convergence
    }

    /// The estimate named `name`, or nil.
    /// - Complexity: O(parameters).
    public subscript(name: String) -> Double? {
        names.firstIndex(of: name).map { values[$0] }
    }

    /// The Akaike information criterion, 2k − 2 ln L.
    public var aic: Double { 2 * Double(values.count) - 2 * logLikelihood }

    public var description: String {
        let parts = names.indices.map { i in
            "\(names[i]) = \(values[i])" + (standardErrors.map { " (± \($0[i]))" } ?? "")
        }
        return parts.joined(separator: ", ") + ", log-likelihood \(logLikelihood); \(convergence)"
    }
}
