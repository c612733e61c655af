/// A model whose parameters were estimated, and which can be rebuilt at other parameter
/// values: what ``PredictionInterval``s need to propagate the parameters' uncertainty.
public protocol EstimatedModel: Sendable {
    /// The parameters, in the order of ``ParameterEstimates/names``.
    var parameterValues: [Double] { get }
    /// The fit that produced the parameters, with their covariance; nil for given parameters.
    var estimates: ParameterEstimates? { get }
    /// The same model at other parameter values (without estimates).
    /// - Throws: ``ScoringError`` `.invalidParameter` for values the model does not accept.
    func withParameters(_ values: [Double]) throws(ScoringError) -> Self
}

extension FittedBGNBD: EstimatedModel {
    public var parameterValues: [Double] { [r, alpha, a, b] }
    public func withParameters(_ v: [Double]) throws(ScoringError) -> FittedBGNBD {
        guard v.count == 4 else { throw ScoringError(.invalidParameter, "BG/NBD has 4 parameters, got \(v.count)") }
        return try FittedBGNBD(r: v[0], alpha: v[1], a: v[2], b: v[3])
    }
}

extension FittedMBGNBD: EstimatedModel {
    public var parameterValues: [Double] { [r, alpha, a, b] }
    public func withParameters(_ v: [Double]) throws(ScoringError) -> FittedMBGNBD {
        guard v.count == 4 else { throw ScoringError(.invalidParameter, "MBG/NBD has 4 parameters, got \(v.count)") }
        return try FittedMBGNBD(r: v[0], alpha: v[1], a: v[2], b: v[3])
    }
}

extension FittedParetoNBD: EstimatedModel {
    public var parameterValues: [Double] { [r, alpha, s, beta] }
    public func withParameters(_ v: [Double]) throws(ScoringError) -> FittedParetoNBD {
        guard v.count == 4 else { throw ScoringError(.invalidParameter, "Pareto/NBD has 4 parameters, got \(v.count)") }
        return try FittedParetoNBD(r: v[0], alpha: v[1], s: v[2], beta: v[3])
    }
}

extension FittedBGBB: EstimatedModel {
    public var parameterValues: [Double] { [alpha, beta, gamma, delta] }
    public func withParameters(_ v: [Double]) throws(ScoringError) -> FittedBGBB {
        guard v.count == 4 else { throw ScoringError(.invalidParameter, "BG/BB has 4 parameters, got \(v.count)") }
        return try FittedBGBB(alpha: v[0], beta: v[1], gamma: v[2], delta: v[3])
    }
}

extension FittedGammaGamma: EstimatedModel {
    public var parameterValues: [Double] { [p, q, v] }
    public func withParameters(_ values: [Double]) throws(ScoringError) -> FittedGammaGamma {
        guard values.count == 3 else {
            throw ScoringError(.invalidParameter, "Gamma-Gamma has 3 parameters, got \(values.count)")
        }
        return try FittedGammaGamma(p: values[0], q: values[1], v: values[2])
    }
}
