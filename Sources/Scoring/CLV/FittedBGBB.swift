#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A BG/BB model with known parameters α, β, γ, δ: predictions for customers in
/// discrete time (Fader, Hardie & Shang 2010; lifetimes' `BetaGeoBetaBinomFitter`).
///
/// Through ``RepeatPurchaseModel`` the arguments are counts of transaction opportunities:
/// frequency x, recency tₓ (the opportunity of the last transaction), age n (opportunities
/// so far) and horizons, all whole numbers; fractional values are rounded down to whole
/// opportunities.
public struct FittedBGBB: RepeatPurchaseModel, Hashable {
    /// First shape of the Beta distribution of transaction probabilities p.
    public let alpha: Double
    /// Second shape of the Beta distribution of transaction probabilities p.
    public let beta: Double
    /// First shape of the Beta distribution of dropout probabilities θ.
    public let gamma: Double
    /// Second shape of the Beta distribution of dropout probabilities θ.
    public let delta: Double
    /// The fit that produced these parameters, when they were estimated.
    public let estimates: ParameterEstimates?

    /// A model with given parameters (for example published ones).
    /// - Throws: ``ScoringError`` `.invalidParameter` unless all four are positive and finite.
    /// - Complexity: O(1).
    public init(alpha: Double, beta: Double, gamma: Double, delta: Double) throws(ScoringError) {
        guard [alpha, beta, gamma, delta].allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw ScoringError(
                .invalidParameter,
                "BG/BB parameters must be positive and finite (α \(alpha), β \(beta), γ \(gamma), δ \(delta))")
        }
        self.init(unchecked: alpha, beta: beta, gamma: gamma, delta: delta, estimates: nil)
    }

    init(unchecked alpha: Double, beta: Double, gamma: Double, delta: Double, estimates: ParameterEstimates?) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.delta = delta
        self.estimates = estimates
    }

    private var theta: [Double] { [alpha, beta, gamma, delta] }

    /// P(alive at opportunity n + 1 | x, tₓ, n) =
    /// B(α + x, β + n − x)/B(α, β) · B(γ, δ + n)/B(γ, δ) / L(x, tₓ, n).
    /// - Complexity: O(n − tₓ).
    public func probabilityAlive(frequency x: Double, recency tx: Double, age n: Double) -> Double {
        let (x, tx, n) = Self.whole(x, tx, n)
        let (ll, _) = BGBBModel.rowLogLikelihood(theta, frequency: x, recency: tx, periods: n)
        let alive = SpecialFunctions.logBeta(alpha + x, beta + n - x) - SpecialFunctions.logBeta(alpha, beta)
            + SpecialFunctions.logBeta(gamma, delta + n) - SpecialFunctions.logBeta(gamma, delta)
        return min(1, max(0, exp(alive - ll)))
    }

    /// E[X(n)] = α/(α + β) · δ/(γ − 1) · [1 − Γ(γ + δ)Γ(1 + δ + n) / (Γ(1 + δ)Γ(γ + δ + n))]
    /// (near γ = 1, the mean of γ = 1 ± 1e-5).
    /// - Complexity: O(1); never throws.
    public func expectedPurchases(within t: Double) throws(ScoringError) -> Double {
        let n = Self.whole(t)
        guard n > 0 else { return 0 }
        return try FittedBGNBD.aroundOne(gamma) { gamma in
            let ratio = SpecialFunctions.logGamma(gamma + delta) - SpecialFunctions.logGamma(1 + delta)
                + SpecialFunctions.logGamma(1 + delta + n) - SpecialFunctions.logGamma(gamma + delta + n)
            return alpha / (alpha + beta) * delta / (gamma - 1) * -expm1(ratio)
        }
    }

    /// E[X(n, n + m] | x, tₓ, n] = B(α + x + 1, β + n − x)/B(α, β) · δ/(γ − 1) · Γ(γ + δ)/Γ(1 + δ)
    /// · [Γ(1 + δ + n)/Γ(γ + δ + n) − Γ(1 + δ + n + m)/Γ(γ + δ + n + m)] / L(x, tₓ, n).
    /// - Complexity: O(n − tₓ); never throws.
    public func conditionalExpectedPurchases(within t: Double, frequency x: Double, recency tx: Double, age: Double)
        throws(ScoringError) -> Double
    {
        let m = Self.whole(t)
        guard m > 0 else { return 0 }
        let (x, tx, n) = Self.whole(x, tx, age)
        let (ll, _) = BGBBModel.rowLogLikelihood(theta, frequency: x, recency: tx, periods: n)
        let logLead = SpecialFunctions.logBeta(alpha + x + 1, beta + n - x) - SpecialFunctions.logBeta(alpha, beta) - ll
        return try FittedBGNBD.aroundOne(gamma) { gamma in
            let base = SpecialFunctions.logGamma(gamma + delta) - SpecialFunctions.logGamma(1 + delta)
            let now = SpecialFunctions.logGamma(1 + delta + n) - SpecialFunctions.logGamma(gamma + delta + n)
            let later = SpecialFunctions.logGamma(1 + delta + n + m) - SpecialFunctions.logGamma(gamma + delta + n + m)
            // e^now − e^later = e^now · (−expm1(later − now)), positive for either sign of γ − 1.
            return exp(logLead + base + now) * -expm1(later - now) * delta / (gamma - 1)
        }
    }

    /// E[X(n, n + m] | alive at n + 1, x, n] = (α + x)/(α + β + n) · B(γ, δ)/B(γ, δ + n) · δ/(γ − 1)
    /// · Γ(γ + δ)/Γ(1 + δ) · [Γ(1 + δ + n)/Γ(γ + δ + n) − Γ(1 + δ + n + m)/Γ(γ + δ + n + m)]: the
    /// conditional expectation divided by ``probabilityAlive(frequency:recency:age:)``.
    /// - Complexity: O(1); never throws.
    public func expectedPurchasesIfAlive(within t: Double, frequency x: Double, age: Double) throws(ScoringError)
        -> Double
    {
        let m = Self.whole(t)
        guard m > 0 else { return 0 }
        let n = Self.whole(age), x = min(Self.whole(x), n)
        let logRatio = SpecialFunctions.logBeta(alpha + x + 1, beta + n - x) - SpecialFunctions.logBeta(alpha + x, beta + n - x)
        return try FittedBGNBD.aroundOne(gamma) { gamma in
            let stillAlive = SpecialFunctions.logBeta(gamma, delta) - SpecialFunctions.logBeta(gamma, delta + n)
            let base = SpecialFunctions.logGamma(gamma + delta) - SpecialFunctions.logGamma(1 + delta)
            let now = SpecialFunctions.logGamma(1 + delta + n) - SpecialFunctions.logGamma(gamma + delta + n)
            let later = SpecialFunctions.logGamma(1 + delta + n + m) - SpecialFunctions.logGamma(gamma + delta + n + m)
            return exp(logRatio + stillAlive + base + now) * -expm1(later - now) * delta / (gamma - 1)
        }
    }

    /// P(X(n) = k) = C(n, k) B(α + k, β + n − k)/B(α, β) · B(γ, δ + n)/B(γ, δ)
    /// + Σ_{i=k}^{n−1} C(i, k) B(α + k, β + i − k)/B(α, β) · B(γ + 1, δ + i)/B(γ, δ).
    /// - Complexity: O(n).
    public func probabilityOfPurchases(_ k: Int, within t: Double) -> Double {
        let n = Self.whole(t)
        let dk = Double(k)
        guard k >= 0, dk <= n else { return 0 }
        let lbAB = SpecialFunctions.logBeta(alpha, beta), lbGD = SpecialFunctions.logBeta(gamma, delta)
        func logChoose(_ a: Double, _ b: Double) -> Double {
            SpecialFunctions.logGamma(a + 1) - SpecialFunctions.logGamma(b + 1) - SpecialFunctions.logGamma(a - b + 1)
        }
        var total = exp(logChoose(n, dk) + SpecialFunctions.logBeta(alpha + dk, beta + n - dk) - lbAB
            + SpecialFunctions.logBeta(gamma, delta + n) - lbGD)
        var i = dk
        while i < n {
            total += exp(logChoose(i, dk) + SpecialFunctions.logBeta(alpha + dk, beta + i - dk) - lbAB
                + SpecialFunctions.logBeta(gamma + 1, delta + i) - lbGD)
            i += 1
        }
        return min(1, max(0, total))
    }

    /// Rounds a count of opportunities down to a whole, non-negative number.
    static func whole(_ value: Double) -> Double { value.isFinite ? max(0, value.rounded(.down)) : 0 }

    /// Rounds (x, tₓ, n) down and makes them a valid pattern (x ≤ tₓ ≤ n).
    static func whole(_ x: Double, _ tx: Double, _ n: Double) -> (Double, Double, Double) {
        let n = whole(n), tx = min(whole(tx), n)
        return (min(whole(x), tx), tx, n)
    }
}
