#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005), fitted by maximum
/// likelihood.
///
/// While active, a customer buys at Poisson rate λ ~ Gamma(r, α); after each purchase they
/// drop out with probability p ~ Beta(a, b). The likelihood of (x, tₓ, T) is
///
///     L = B(a, b + x)/B(a, b) · Γ(r + x)αʳ/Γ(r) · [ (α + T)^−(r+x) + 1{x>0} · a/(b + x − 1) · (α + tₓ)^−(r+x) ]
///
/// evaluated in log space with `lgamma` and log-sum-exp, with its analytic gradient, on
/// the summary compressed to distinct rows.
///
/// ```swift
/// let fitted = try BGNBDModel().fit(summary)
/// let alive = fitted.probabilityAlive(summary)
/// ```
public struct BGNBDModel: Sendable, Hashable {
    /// The optimiser's iteration limit.
    public var maximumIterations: Int

    /// Creates a model.
    public init(maximumIterations: Int = 1000) { self.maximumIterations = maximumIterations }

    /// Fits r, α, a, b to `summary`.
    /// - Throws: ``ScoringError`` `.degenerateInput` for fewer than two customers or no
    ///   repeat purchase; `.didNotConverge` when the optimiser fails.
    /// - Complexity: O(iterations · distinct rows), the likelihood on both cores.
    public func fit(_ summary: CustomerSummary) throws(ScoringError) -> FittedBGNBD {
        let estimates = try LogParameterFit.fitPurchaseModel(
            summary, model: "BG/NBD", names: ["r", "alpha", "a", "b"], fourthStartIsMeanAge: false,
            maximumIterations: maximumIterations, logLikelihood: Self.logLikelihood)
        let v = estimates.values
        return FittedBGNBD(unchecked: v[0], alpha: v[1], a: v[2], b: v[3], estimates: estimates)
    }

    /// The total log-likelihood of `data` at θ = (r, α, a, b) and its gradient.
    /// - Complexity: O(rows).
    package static func logLikelihood(_ theta: [Double], _ data: CompressedSummary) -> (Double, [Double]) {
        let r = theta[0], alpha = theta[1], a = theta[2], b = theta[3]
        let lgR = SpecialFunctions.logGamma(r), lgB = SpecialFunctions.logGamma(b)
        let lgAB = SpecialFunctions.logGamma(a + b)
        let psiR = SpecialFunctions.digamma(r), psiB = SpecialFunctions.digamma(b)
        let psiAB = SpecialFunctions.digamma(a + b)
        let logAlpha = log(alpha), logA = log(a)
        let byFrequency = data.distinctFrequencies.map { x in
            FrequencyTerms(
                logGammaRX: SpecialFunctions.logGamma(r + x),
                logBetaRatio: SpecialFunctions.logGamma(b + x) - SpecialFunctions.logGamma(a + b + x),
                digammaRX: SpecialFunctions.digamma(r + x), digammaBX: SpecialFunctions.digamma(b + x),
                digammaABX: SpecialFunctions.digamma(a + b + x), logDropout: x > 0 ? log(b + x - 1) : 0)
        }
        let logAlphaPlus = data.distinctTimes.map { log(alpha + $0) }
        let total = data.sum(components: 5) { i, acc in
            let x = data.frequency[i], tx = data.recency[i], t = data.age[i], w = data.weight[i]
            let terms = byFrequency[Int(data.frequencyGroup[i])]
            let rx = r + x
            let logAT = logAlphaPlus[Int(data.ageGroup[i])], logATx = logAlphaPlus[Int(data.recencyGroup[i])]
            let a1 = terms.logGammaRX - lgR + r * logAlpha
            let a2 = lgAB + terms.logBetaRatio - lgB
            let a3 = -rx * logAT
            var ll = a1 + a2 + a3
            var w3 = 1.0, w4 = 0.0
            if x > 0 {
                let a4 = logA - terms.logDropout - rx * logATx
                // lse = log(e^a3 + e^a4) = a3 + softplus(a4 − a3); w4 = σ(a4 − a3): one exp, one log1p.
                let d = a4 - a3, e = exp(-abs(d))
                w4 = d > 0 ? 1 / (1 + e) : e / (1 + e)
                w3 = d > 0 ? e / (1 + e) : 1 / (1 + e)
                ll = a1 + a2 + a3 + max(d, 0) + log1p(e)
            }
            acc[0] += w * ll
            acc[1] += w * (terms.digammaRX - psiR + logAlpha - w3 * logAT - w4 * logATx)
            acc[2] += w * (r / alpha - w3 * rx / (alpha + t) - w4 * rx / (alpha + tx))
            acc[3] += w * (psiAB - terms.digammaABX + w4 / a)
            acc[4] += w * (psiAB + terms.digammaBX - psiB - terms.digammaABX - (x > 0 ? w4 / (b + x - 1) : 0))
        }
        return (total[0], Array(total[1...]))
    }
}

/// The likelihood terms of BG/NBD and MBG/NBD that depend on the frequency alone.
struct FrequencyTerms {
    var logGammaRX: Double
    var logBetaRatio: Double
    var digammaRX: Double
    var digammaBX: Double
    var digammaABX: Double
    var logDropout: Double
}

extension CompressedSummary {
    /// Compresses a summary for a purchase-model fit, refusing data that cannot identify one.
    static func validatedForPurchaseModel(_ summary: CustomerSummary, model: String) throws(ScoringError)
        -> CompressedSummary
    {
        guard summary.count >= 2 else {
            throw ScoringError(
                .degenerateInput, "\(model) needs at least two customers to fit (got \(summary.count))")
        }
        guard summary.frequency.contains(where: { $0 > 0 }) else {
            throw ScoringError(
                .degenerateInput,
                "\(model) cannot be fitted: no customer made a repeat purchase, so the purchase rate and dropout are not identified")
        }
        guard summary.age.contains(where: { $0 > 0 }) else {
            throw ScoringError(.degenerateInput, "\(model) cannot be fitted: every customer has T = 0")
        }
        return CompressedSummary(summary)
    }
}
