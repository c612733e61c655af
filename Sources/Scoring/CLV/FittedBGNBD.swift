#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A BG/NBD model with known parameters r, α, a, b: predictions for customers.
///
/// All formulas are lifetimes' (`BetaGeoFitter`), evaluated in log space; the
/// hypergeometric terms use ``Hypergeometric2F1``, which switches to Euler's
/// transformation for customers with many repeat purchases.
public struct FittedBGNBD: RepeatPurchaseModel, Hashable {
    /// Shape of the Gamma distribution of purchase rates.
    public let r: Double
    /// Scale (in the summary's time unit) of the Gamma distribution of purchase rates.
    public let alpha: Double
    /// First shape of the Beta distribution of dropout probabilities.
    public let a: Double
    /// Second shape of the Beta distribution of dropout probabilities.
    public let b: Double
    /// The fit that produced these parameters, when they were estimated.
    public let estimates: ParameterEstimates?

    /// A model with given parameters (for example published ones).
    /// - Throws: ``ScoringError`` `.invalidParameter` unless all four are positive and finite.
    public init(r: Double, alpha: Double, a: Double, b: Double) throws(ScoringError) {
        guard [r, alpha, a, b].allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw ScoringError(.invalidParameter, "BG/NBD parameters must be positive and finite (r \(r), α \(alpha), a \(a), b \(b))")
        }
        self.init(unchecked: r, alpha: alpha, a: a, b: b, estimates: nil)
    }

    init(unchecked r: Double, alpha: Double, a: Double, b: Double, estimates: ParameterEstimates?) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
        self.estimates = estimates
    }

    /// P(active at T | x, tₓ, T) = 1 / (1 + 1{x>0} · a/(b + x − 1) · ((α + T)/(α + tₓ))^(r + x)).
    /// - Complexity: O(1).
    public func probabilityAlive(frequency x: Double, recency tx: Double, age t: Double) -> Double {
        guard x > 0 else { return 1 }
        let logOdds = log(a) - log(b + x - 1) + (r + x) * (log(alpha + t) - log(alpha + tx))
        return SpecialFunctions.inverseOnePlusExp(logOdds)
    }

    /// E[X(t)] = (a + b − 1)/(a − 1) · [1 − (α/(α + t))ʳ ₂F₁(r, b; a + b − 1; t/(α + t))].
    /// - Throws: ``ScoringError`` when the series cannot be evaluated (a + b − 1 a
    ///   non-positive integer).
    /// - Complexity: O(1) for t of the order of α; see ``Hypergeometric2F1``.
    public func expectedPurchases(within t: Double) throws(ScoringError) -> Double {
        guard t > 0 else { return 0 }
        return try Self.aroundOne(a) { (a) throws(ScoringError) -> Double in
            let f = try Hypergeometric2F1(a: r, b: b, c: a + b - 1, z: t / (alpha + t))
            let product = f.sign * exp(f.logMagnitude + r * (log(alpha) - log(alpha + t)))
            return (a + b - 1) / (a - 1) * (1 - product)
        }
    }

    /// E[X(T, T + t] | x, tₓ, T] (Fader, Hardie & Lee 2005, eq. 10): P(alive) times
    /// ``expectedPurchasesIfAlive(within:frequency:age:)``.
    /// - Throws: ``ScoringError`` when the series cannot be evaluated.
    /// - Complexity: O(1) for moderate t; see ``Hypergeometric2F1``.
    public func conditionalExpectedPurchases(within t: Double, frequency x: Double, recency tx: Double, age: Double)
        throws(ScoringError) -> Double
    {
        guard t > 0 else { return 0 }
        return try expectedPurchasesIfAlive(within: t, frequency: x, age: age)
            * probabilityAlive(frequency: x, recency: tx, age: age)
    }

    /// E[X(T, T + t] | alive at T, x, T] = (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r + x)
    /// ₂F₁(r + x, b + x; a + b + x − 1; t/(α + T + t))].
    /// - Throws: ``ScoringError`` when the series cannot be evaluated.
    /// - Complexity: O(1) for moderate t; see ``Hypergeometric2F1``.
    public func expectedPurchasesIfAlive(within t: Double, frequency x: Double, age: Double) throws(ScoringError)
        -> Double
    {
        guard t > 0 else { return 0 }
        return try Self.aroundOne(a) { (a) throws(ScoringError) -> Double in
            let f = try Hypergeometric2F1(a: r + x, b: b + x, c: a + b + x - 1, z: t / (alpha + age + t))
            let product = f.sign * exp(f.logMagnitude + (r + x) * (log(alpha + age) - log(alpha + age + t)))
            return (a + b + x - 1) / (a - 1) * (1 - product)
        }
    }

    /// P(X(t) = n) (Fader, Hardie & Lee 2005, eq. 8).
    /// - Complexity: O(n).
    public func probabilityOfPurchases(_ n: Int, within t: Double) -> Double {
        guard n >= 0 else { return 0 }
        guard t > 0 else { return n == 0 ? 1 : 0 }
        let nb = NegativeBinomialTerms(r: r, alpha: alpha, t: t)
        let logB = SpecialFunctions.logBeta(a, b)
        let dn = Double(n)
        let first = exp(SpecialFunctions.logBeta(a, b + dn) - logB + nb.logProbability(n))
        guard n > 0 else { return first }
        let second = exp(SpecialFunctions.logBeta(a + 1, b + dn - 1) - logB) * nb.tail(from: n)
        return min(1, first + second)
    }

    /// Evaluates `f(a)`, or near the removable singularity a = 1 the mean of f(1 ± 1e-5)
    /// (f is analytic in a, so the error is O(1e-10)).
    static func aroundOne(_ a: Double, _ f: (Double) throws(ScoringError) -> Double) throws(ScoringError) -> Double {
        guard abs(a - 1) < 1e-6 else { return try f(a) }
        return (try f(1 - 1e-5) + f(1 + 1e-5)) / 2
    }
}

/// The negative binomial distribution of purchases in (0, t] for an active customer:
/// P(Y = j) = Γ(r + j)/(Γ(r) j!) (α/(α + t))ʳ (t/(α + t))ʲ.
struct NegativeBinomialTerms {
    let r: Double
    let logP: Double
    let logQ: Double

    init(r: Double, alpha: Double, t: Double) {
        self.r = r
        logP = log(alpha) - log(alpha + t)
        logQ = log(t) - log(alpha + t)
    }

    func logProbability(_ j: Int) -> Double {
        let dj = Double(j)
        return SpecialFunctions.logGamma(r + dj) - SpecialFunctions.logGamma(r) - SpecialFunctions.logGamma(dj + 1)
            + r * logP + (j == 0 ? 0 : dj * logQ)
    }

    /// P(Y ≥ n), as 1 − P(Y < n), clamped to [0, 1].
    func tail(from n: Int) -> Double {
        var cdf = 0.0
        for j in 0..<n { cdf += exp(logProbability(j)) }
        return min(1, max(0, 1 - cdf))
    }
}
