#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A prediction with an interval that reflects the uncertainty of the fitted parameters.
///
/// Computed by the delta method on the log scale: the fit's covariance of the
/// log-parameters, Σᵤ = D⁻¹ Σ D⁻¹ with D = diag(θ), and the gradient g of log q with
/// respect to the log-parameters (central differences, step 1e-4) give
/// Var(log q) ≈ gᵀ Σᵤ g, and the interval is q · exp(± z · √Var) with z the normal quantile
/// of the level. The interval is asymmetric and never negative. It covers the expected
/// value, not the customer's actual count, which also has Poisson-type noise.
public struct PredictionInterval: Sendable, Hashable, Codable {
    /// The prediction at the fitted parameters.
    public var estimate: Double
    /// The lower end.
    public var lower: Double
    /// The upper end.
    public var upper: Double
    /// The coverage, for example 0.9.
    public var level: Double

    /// Creates an interval.
    public init(estimate: Double, lower: Double, upper: Double, level: Double) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.level = level
    }
}

/// The delta method for predictions that are functions of a fitted model's parameters.
enum DeltaMethod {
    static let step = 1e-4

    /// The prediction at the fitted parameters and the variance of its logarithm, for every
    /// customer, from `predict` evaluated at the estimate and at 2k perturbed parameter vectors.
    /// - Throws: ``ScoringError`` `.invalidParameter` when the model has no covariance
    ///   (given rather than fitted parameters, or a singular Hessian).
    static func logVariances<Model: EstimatedModel>(
        of model: Model, _ predict: (Model) throws(ScoringError) -> [Double]
    ) throws(ScoringError) -> (estimate: [Double], logVariance: [Double]) {
        let theta = model.parameterValues, k = theta.count
        guard let covariance = model.estimates?.covariance, covariance.count == k * k else {
            throw ScoringError(
                .invalidParameter,
                "prediction intervals need the covariance of fitted parameters; this model's parameters were given or its Hessian is singular")
        }
        let estimate = try predict(model)
        var gradients: [[Double]] = []
        for j in 0..<k {
            var up = theta, down = theta
            up[j] *= exp(step)
            down[j] *= exp(-step)
            let plus = try predict(model.withParameters(up)), minus = try predict(model.withParameters(down))
            gradients.append(estimate.indices.map { i in
                plus[i] > 0 && minus[i] > 0 ? (log(plus[i]) - log(minus[i])) / (2 * step) : 0
            })
        }
        var variance = [Double](repeating: 0, count: estimate.count)
        for j in 0..<k {
            for l in 0..<k {
                let c = covariance[j * k + l] / (theta[j] * theta[l])
                for i in variance.indices { variance[i] += gradients[j][i] * gradients[l][i] * c }
            }
        }
        return (estimate, variance.map { max(0, $0) })
    }

    /// Intervals q · exp(± z √v).
    static func intervals(estimate: [Double], logVariance: [Double], level: Double) throws(ScoringError)
        -> [PredictionInterval]
    {
        let z = try criticalValue(level: level)
        return estimate.indices.map { i in
            let spread = exp(z * logVariance[i].squareRoot())
            return PredictionInterval(
                estimate: estimate[i], lower: estimate[i] / spread, upper: estimate[i] * spread, level: level)
        }
    }

    /// z with P(|Z| ≤ z) = level for a standard normal Z.
    /// - Throws: ``ScoringError`` `.invalidParameter` unless 0 < level < 1.
    static func criticalValue(level: Double) throws(ScoringError) -> Double {
        guard level > 0, level < 1 else {
            throw ScoringError(.invalidParameter, "the interval level \(level) must be between 0 and 1")
        }
        return StandardNormal.quantile(0.5 + level / 2)
    }
}

extension RepeatPurchaseModel where Self: EstimatedModel {
    /// Conditional expected purchases in the next `t` for every customer, with intervals
    /// for the uncertainty of the fitted parameters (see ``PredictionInterval``).
    /// - Throws: ``ScoringError`` `.invalidParameter` for a level outside (0, 1) or a model
    ///   without a covariance; the model's errors.
    /// - Complexity: 2k + 1 bulk evaluations for k parameters.
    public func conditionalExpectedPurchasesIntervals(
        within t: Double, for summary: CustomerSummary, level: Double = 0.9
    ) throws(ScoringError) -> [PredictionInterval] {
        _ = try DeltaMethod.criticalValue(level: level)
        let (estimate, variance) = try DeltaMethod.logVariances(of: self) { (model) throws(ScoringError) in
            try model.conditionalExpectedPurchases(within: t, for: summary)
        }
        return try DeltaMethod.intervals(estimate: estimate, logVariance: variance, level: level)
    }
}

extension LifetimeValueCalculator {
    /// The CLV of every customer with intervals for the uncertainty of both fitted models'
    /// parameters (independent fits, so the variances of the log add up).
    /// - Throws: ``ScoringError`` `.invalidParameter` for a level outside (0, 1) or a model
    ///   without a covariance; the models' errors.
    /// - Complexity: 2k + 1 bulk CLV evaluations plus 7 spend evaluations.
    public func valueIntervals<Purchases: RepeatPurchaseModel & EstimatedModel>(
        for summary: CustomerSummary, purchases: Purchases, spend: FittedGammaGamma, level: Double = 0.9
    ) throws(ScoringError) -> [PredictionInterval] {
        _ = try DeltaMethod.criticalValue(level: level)
        let ones = [Double](repeating: 1, count: summary.count)
        let purchase = try DeltaMethod.logVariances(of: purchases) { (model) throws(ScoringError) in
            try values(for: summary, purchases: model, expectedSpend: ones)
        }
        let money = try DeltaMethod.logVariances(of: spend) { (model) throws(ScoringError) in
            try model.conditionalExpectedAverageSpend(summary)
        }
        let estimate = summary.customerIDs.indices.map { purchase.estimate[$0] * money.estimate[$0] }
        let variance = summary.customerIDs.indices.map { purchase.logVariance[$0] + money.logVariance[$0] }
        return try DeltaMethod.intervals(estimate: estimate, logVariance: variance, level: level)
    }
}
