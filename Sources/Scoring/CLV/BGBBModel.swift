#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The discrete-time BG/BB model (Fader, Hardie & Shang 2010, "Customer-base analysis in a
/// discrete-time noncontractual setting"), fitted by maximum likelihood.
///
/// At each of n transaction opportunities an active customer transacts with probability
/// p ~ Beta(α, β), and before each later opportunity becomes inactive with probability
/// θ ~ Beta(γ, δ). The likelihood of (x, tₓ, n) is
///
///     L = B(α + x, β + n − x)/B(α, β) · B(γ, δ + n)/B(γ, δ)
///       + Σ_{i=0}^{n−tₓ−1} B(α + x, β + tₓ − x + i)/B(α, β) · B(γ + 1, δ + tₓ + i)/B(γ, δ),
///
/// summed in log space (`lgamma`, log-sum-exp) with its analytic gradient (digamma).
///
/// ```swift
/// let data = try BGBBSummary.parse(csv: bytes)
/// let fitted = try BGBBModel().fit(data)
/// ```
public struct BGBBModel: Sendable, Hashable {
    /// The optimiser's iteration limit.
    public var maximumIterations: Int

    /// Creates a model.
    /// - Complexity: O(1).
    public init(maximumIterations: Int = 1000) { self.maximumIterations = maximumIterations }

    /// Fits α, β, γ, δ to `data` (start 1, 1, 1, 1).
    /// - Throws: ``ScoringError`` `.degenerateInput` for fewer than two customers, no
    ///   transaction at all, or no opportunity; `.didNotConverge` when the optimiser fails
    ///   (for example when every customer transacts at every opportunity, so dropout is not
    ///   identified).
    /// - Complexity: O(iterations · Σ rows (n − tₓ + 1)).
    public func fit(_ data: BGBBSummary) throws(ScoringError) -> FittedBGBB {
        guard data.weight.reduce(0, +) >= 2 else {
            throw ScoringError(.degenerateInput, "BG/BB needs at least two customers to fit (got \(data.customerCount))")
        }
        guard data.frequency.contains(where: { $0 > 0 }) else {
            throw ScoringError(
                .degenerateInput, "BG/BB cannot be fitted: no customer transacted, so p and θ are not identified")
        }
        guard data.periods.contains(where: { $0 > 0 }) else {
            throw ScoringError(.degenerateInput, "BG/BB cannot be fitted: every customer has zero opportunities")
        }
        var minimizer = BFGSMinimizer()
        minimizer.maximumIterations = maximumIterations
        let estimates = try LogParameterFit.fit(
            names: ["alpha", "beta", "gamma", "delta"], start: [1, 1, 1, 1], customerCount: data.customerCount,
            minimizer: minimizer
        ) { theta in
            var total = [Double](repeating: 0, count: 5)
            for i in 0..<data.count {
                let (ll, g) = Self.rowLogLikelihood(
                    theta, frequency: data.frequency[i], recency: data.recency[i], periods: data.periods[i])
                let w = data.weight[i]
                total[0] -= w * ll
                for k in 0..<4 { total[k + 1] -= w * g[k] }
            }
            return (total[0], Array(total[1...]))
        }
        let v = estimates.values
        return FittedBGBB(unchecked: v[0], beta: v[1], gamma: v[2], delta: v[3], estimates: estimates)
    }

    /// ln L of one customer at θ = (α, β, γ, δ) and its gradient.
    /// - Complexity: O(n − tₓ).
    static func rowLogLikelihood(_ theta: [Double], frequency x: Double, recency tx: Double, periods n: Double)
        -> (Double, [Double])
    {
        let alpha = theta[0], beta = theta[1], gamma = theta[2], delta = theta[3]
        let lbAB = SpecialFunctions.logBeta(alpha, beta), lbGD = SpecialFunctions.logBeta(gamma, delta)
        let psiA = SpecialFunctions.digamma(alpha), psiB = SpecialFunctions.digamma(beta)
        let psiAB = SpecialFunctions.digamma(alpha + beta)
        let psiG = SpecialFunctions.digamma(gamma), psiD = SpecialFunctions.digamma(delta)
        let psiGD = SpecialFunctions.digamma(gamma + delta)
        let psiAX = SpecialFunctions.digamma(alpha + x)
        // One term: B(α + x, β + m)/B(α, β) · B(γ + g, δ + k)/B(γ, δ), its log and gradient.
        func term(m: Double, g: Double, k: Double) -> (Double, [Double]) {
            let value = SpecialFunctions.logBeta(alpha + x, beta + m) - lbAB
                + SpecialFunctions.logBeta(gamma + g, delta + k) - lbGD
            let psiABXM = SpecialFunctions.digamma(alpha + beta + x + m)
            let psiGDK = SpecialFunctions.digamma(gamma + delta + g + k)
            return (value, [
                psiAX - psiABXM - psiA + psiAB,
                SpecialFunctions.digamma(beta + m) - psiABXM - psiB + psiAB,
                SpecialFunctions.digamma(gamma + g) - psiGDK - psiG + psiGD,
                SpecialFunctions.digamma(delta + k) - psiGDK - psiD + psiGD,
            ])
        }
        var terms = [term(m: n - x, g: 0, k: n)]
        let extra = max(0, Int((n - tx).rounded(.down)))
        for i in 0..<extra {
            terms.append(term(m: tx - x + Double(i), g: 1, k: tx + Double(i)))
        }
        let ll = terms.reduce(-Double.infinity) { SpecialFunctions.logAddExp($0, $1.0) }
        var gradient = [0.0, 0, 0, 0]
        for (value, g) in terms {
            let weight = exp(value - ll)
            for k in 0..<4 { gradient[k] += weight * g[k] }
        }
        return (ll, gradient)
    }
}
