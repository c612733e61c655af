#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The MBG/NBD model (Batislam, Denizel & Filiztekin 2007): BG/NBD with a dropout chance at
/// time zero too, so customers without repeat purchases can be inactive.
///
/// The likelihood of (x, tₓ, T) is
///
///     L = B(a, b + x + 1)/B(a, b) · Γ(r + x)αʳ/Γ(r) · [ (α + T)^−(r+x) + a/(b + x) · (α + tₓ)^−(r+x) ]
///
/// (lifetimes' `ModifiedBetaGeoFitter`), in log space with its analytic gradient.
public struct MBGNBDModel: Sendable, Hashable {
    /// The optimiser's iteration limit.
    public var maximumIterations: Int

    /// Creates a model.
    public init(maximumIterations: Int = 1000) { self.maximumIterations = maximumIterations }

    /// Fits r, α, a, b to `summary`.
    /// - Throws: ``ScoringError`` `.degenerateInput` for fewer than two customers or no
    ///   repeat purchase; `.didNotConverge` when the optimiser fails.
    /// - Complexity: O(iterations · distinct rows), the likelihood on both cores.
    public func fit(_ summary: CustomerSummary) throws(ScoringError) -> FittedMBGNBD {
        let estimates = try LogParameterFit.fitPurchaseModel(
            summary, model: "MBG/NBD", names: ["r", "alpha", "a", "b"], fourthStartIsMeanAge: false,
            maximumIterations: maximumIterations, logLikelihood: Self.logLikelihood)
        let v = estimates.values
        return FittedMBGNBD(unchecked: v[0], alpha: v[1], a: v[2], b: v[3], estimates: estimates)
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
                logBetaRatio: SpecialFunctions.logGamma(b + x + 1) - SpecialFunctions.logGamma(a + b + x + 1),
                digammaRX: SpecialFunctions.digamma(r + x), digammaBX: SpecialFunctions.digamma(b + x + 1),
                digammaABX: SpecialFunctions.digamma(a + b + x + 1), logDropout: log(b + x))
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
            let a4 = logA - terms.logDropout - rx * logATx
            // lse = a3 + softplus(a4 − a3); w4 = σ(a4 − a3): one exp, one log1p.
            let d = a4 - a3, e = exp(-abs(d))
            let w4 = d > 0 ? 1 / (1 + e) : e / (1 + e), w3 = d > 0 ? e / (1 + e) : 1 / (1 + e)
            acc[0] += w * (a1 + a2 + a3 + max(d, 0) + log1p(e))
            acc[1] += w * (terms.digammaRX - psiR + logAlpha - w3 * logAT - w4 * logATx)
            acc[2] += w * (r / alpha - w3 * rx / (alpha + t) - w4 * rx / (alpha + tx))
            acc[3] += w * (psiAB - terms.digammaABX + w4 / a)
            acc[4] += w * (psiAB + terms.digammaBX - psiB - terms.digammaABX - w4 / (b + x))
        }
        return (total[0], Array(total[1...]))
    }
}
