#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Pareto/NBD model of repeat purchasing (Schmittlein, Morrison & Colombo 1987), fitted
/// by maximum likelihood.
///
/// While active, a customer buys at Poisson rate λ ~ Gamma(r, α) and stays active for an
/// exponential lifetime with rate μ ~ Gamma(s, β). The likelihood of (x, tₓ, T) is
///
///     L = Γ(r + x)αʳβˢ/Γ(r) · [ (α + T)^−(r+x) (β + T)^−s + s · J ],
///     J = ∫ from tₓ to T of (α + τ)^−(r+x) (β + τ)^−(s+1) dτ,
///
/// where J is Fader & Hardie's hypergeometric term (the α ≥ β and α < β branches, see
/// ``ParetoNBDDropoutIntegral``), all in log space with `lgamma` and log-sum-exp.
///
/// The gradient is analytic except for ∂ ln J/∂r and ∂ ln J/∂s, which are central
/// differences of ln J with the fixed relative step 1e-5 (deterministic: the same data give
/// the same iterates); ∂J/∂α = −(r + x) J(r + x + 1, s + 1) and ∂J/∂β = −(s + 1) J(r + x, s + 2)
/// are exact. The fit runs the shared BFGS optimiser on log-parameters over the summary
/// compressed to distinct rows.
///
/// ```swift
/// let fitted = try ParetoNBDModel().fit(summary)
/// let alive = fitted.probabilityAlive(summary)
/// ```
public struct ParetoNBDModel: Sendable, Hashable {
    /// The optimiser's iteration limit.
    public var maximumIterations: Int

    /// Creates a model.
    /// - Complexity: O(1).
    public init(maximumIterations: Int = 1000) { self.maximumIterations = maximumIterations }

    /// Fits r, α, s, β to `summary` (start r = s = 1, α = β = mean T).
    /// - Throws: ``ScoringError`` `.degenerateInput` for fewer than two customers, no repeat
    ///   purchase or every T = 0; `.didNotConverge` when the optimiser fails.
    /// - Complexity: O(iterations · distinct rows · ₂F₁ series), the likelihood on both cores.
    public func fit(_ summary: CustomerSummary) throws(ScoringError) -> FittedParetoNBD {
        let estimates = try LogParameterFit.fitPurchaseModel(
            summary, model: "Pareto/NBD", names: ["r", "alpha", "s", "beta"], fourthStartIsMeanAge: true,
            maximumIterations: maximumIterations, logLikelihood: Self.logLikelihood)
        let v = estimates.values
        return FittedParetoNBD(unchecked: v[0], alpha: v[1], s: v[2], beta: v[3], estimates: estimates)
    }

    /// The total log-likelihood of `data` at θ = (r, α, s, β) and its gradient; NaN when a
    /// ₂F₁ series cannot be evaluated there (the optimiser then backs away).
    /// - Complexity: O(rows) ₂F₁ series (up to 14 per row with a dropout term).
    package static func logLikelihood(_ theta: [Double], _ data: CompressedSummary) -> (Double, [Double]) {
        let r = theta[0], alpha = theta[1], s = theta[2], beta = theta[3]
        let lgR = SpecialFunctions.logGamma(r), psiR = SpecialFunctions.digamma(r)
        let logAlpha = log(alpha), logBeta = log(beta), logS = log(s)
        let integral = ParetoNBDDropoutIntegral(alpha: alpha, beta: beta)
        let total = data.sum(components: 5) { i, acc in
            let x = data.frequency[i], tx = data.recency[i], t = data.age[i], w = data.weight[i]
            let p = r + x, q = s + 1
            let logAT = log(alpha + t), logBT = log(beta + t)
            let a1 = SpecialFunctions.logGamma(p) - lgR + r * logAlpha + s * logBeta
            let b = -p * logAT - s * logBT
            var dJr = 0.0, dJa = 0.0, dJs = 0.0, dJb = 0.0
            var c = -Double.infinity
            do throws(ScoringError) {
                let logJ = try integral.logIntegral(from: tx, to: t, p: p, q: q)
                if logJ > -.infinity {
                    c = logS + logJ
                    dJa = -p * exp(try integral.logIntegral(from: tx, to: t, p: p + 1, q: q) - logJ)
                    dJb = -q * exp(try integral.logIntegral(from: tx, to: t, p: p, q: q + 1) - logJ)
                    let hp = 1e-5 * p, hq = 1e-5 * q
                    dJr = (try integral.logIntegral(from: tx, to: t, p: p + hp, q: q)
                        - integral.logIntegral(from: tx, to: t, p: p - hp, q: q)) / (2 * hp)
                    dJs = (try integral.logIntegral(from: tx, to: t, p: p, q: q + hq)
                        - integral.logIntegral(from: tx, to: t, p: p, q: q - hq)) / (2 * hq)
                }
            } catch {
                acc[0] = .nan
                return
            }
            let lse = SpecialFunctions.logAddExp(b, c)
            let w3 = exp(b - lse), w4 = exp(c - lse)
            acc[0] += w * (a1 + lse)
            acc[1] += w * (SpecialFunctions.digamma(p) - psiR + logAlpha - w3 * logAT + w4 * dJr)
            acc[2] += w * (r / alpha - w3 * p / (alpha + t) + w4 * dJa)
            acc[3] += w * (logBeta - w3 * logBT + w4 * (1 / s + dJs))
            acc[4] += w * (s / beta - w3 * s / (beta + t) + w4 * dJb)
        }
        return (total[0], Array(total[1...]))
    }
}
