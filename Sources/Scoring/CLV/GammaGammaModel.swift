#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma
/// model of monetary value"), fitted on customers with at least one repeat purchase.
///
/// Each transaction's value is Gamma(p, ν); ν ~ Gamma(q, γ) across customers (γ is `v`).
/// A customer's mean repeat spend m̄ over x transactions has the log-likelihood
///
///     ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln v + (px − 1) ln m̄ + px ln x − (px + q) ln(x m̄ + v)
///
/// (lifetimes' `GammaGammaFitter`), maximised with its analytic gradient.
public struct GammaGammaModel: Sendable, Hashable {
    /// The optimiser's iteration limit.
    public var maximumIterations: Int

    /// Creates a model.
    public init(maximumIterations: Int = 1000) { self.maximumIterations = maximumIterations }

    /// Fits p, q, v to the repeat buyers (x > 0) of `summary`.
    /// - Throws: ``ScoringError`` `.invalidParameter` when the summary has no monetary value
    ///   or a repeat buyer spent 0; `.degenerateInput` for fewer than two repeat buyers;
    ///   `.didNotConverge` when the optimiser fails.
    /// - Complexity: O(iterations · repeat buyers).
    public func fit(_ summary: CustomerSummary) throws(ScoringError) -> FittedGammaGamma {
        guard let monetary = summary.monetaryValue else {
            throw ScoringError(.invalidParameter, "Gamma-Gamma needs the monetary value of each customer")
        }
        var x: [Double] = [], m: [Double] = []
        for i in 0..<summary.count where summary.frequency[i] > 0 {
            guard monetary[i] > 0 else {
                throw ScoringError(
                    .invalidParameter,
                    "customer \(summary.customerIDs[i]) has repeat purchases but a monetary value of \(monetary[i]); Gamma-Gamma needs positive spend")
            }
            x.append(summary.frequency[i])
            m.append(monetary[i])
        }
        guard x.count >= 2 else {
            throw ScoringError(
                .degenerateInput,
                "Gamma-Gamma needs at least two customers with repeat purchases (got \(x.count)); spend per transaction is not identified")
        }
        let meanSpend = m.reduce(0, +) / Double(m.count)
        var minimizer = BFGSMinimizer()
        minimizer.maximumIterations = maximumIterations
        let estimates = try LogParameterFit.fit(
            names: ["p", "q", "v"], start: [1, 2, meanSpend], customerCount: x.count, minimizer: minimizer
        ) { theta in
            let (ll, gradient) = Self.logLikelihood(theta, frequency: x, monetary: m)
            return (-ll, gradient.map { -$0 })
        }
        let v = estimates.values
        return FittedGammaGamma(unchecked: v[0], q: v[1], v: v[2], estimates: estimates)
    }

    /// The total log-likelihood at θ = (p, q, v) and its gradient.
    /// - Complexity: O(n).
    package static func logLikelihood(_ theta: [Double], frequency: [Double], monetary: [Double]) -> (Double, [Double]) {
        let p = theta[0], q = theta[1], v = theta[2]
        let lgQ = SpecialFunctions.logGamma(q), psiQ = SpecialFunctions.digamma(q), logV = log(v)
        var ll = 0.0, dp = 0.0, dq = 0.0, dv = 0.0
        for i in frequency.indices {
            let x = frequency[i], m = monetary[i]
            let px = p * x
            let logM = log(m), logX = log(x), logXMV = log(x * m + v)
            let psiPXQ = SpecialFunctions.digamma(px + q)
            ll += SpecialFunctions.logGamma(px + q) - SpecialFunctions.logGamma(px) - lgQ + q * logV
                + (px - 1) * logM + px * logX - (px + q) * logXMV
            dp += x * (psiPXQ - SpecialFunctions.digamma(px) + logM + logX - logXMV)
            dq += psiPXQ - psiQ + logV - logXMV
            dv += q / v - (px + q) / (x * m + v)
        }
        return (ll, [dp, dq, dv])
    }
}
