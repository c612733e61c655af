#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An MBG/NBD model with known parameters r, α, a, b: predictions for customers
/// (lifetimes' `ModifiedBetaGeoFitter` formulas, in log space).
public struct FittedMBGNBD: RepeatPurchaseModel, Hashable {
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

    /// A model with given parameters.
    /// - Throws: ``ScoringError`` `.invalidParameter` unless all four are positive and finite.
    public init(r: Double, alpha: Double, a: Double, b: Double) throws(ScoringError) {
        guard [r, alpha, a, b].allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw ScoringError(.invalidParameter, "MBG/NBD parameters must be positive and finite (r \(r), α \(alpha), a \(a), b \(b))")
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

    /// P(active at T | x, tₓ, T) = 1 / (1 + a/(b + x) · ((α + T)/(α + tₓ))^(r + x)).
    /// - Complexity: O(1).
    public func probabilityAlive(frequency x: Double, recency tx: Double, age t: Double) -> Double {
        let logOdds = log(a) - log(b + x) + (r + x) * (log(alpha + t) - log(alpha + tx))
        return SpecialFunctions.inverseOnePlusExp(logOdds)
    }

    /// E[X(t)] = b/(a − 1) · [1 − (α/(α + t))ʳ ₂F₁(r, b + 1; a + b; t/(α + t))].
    /// - Throws: ``ScoringError`` when the series cannot be evaluated.
    /// - Complexity: O(1) for t of the order of α; see ``Hypergeometric2F1``.
    public func expectedPurchases(within t: Double) throws(ScoringError) -> Double {
        guard t > 0 else { return 0 }
        return try FittedBGNBD.aroundOne(a) { (a) throws(ScoringError) -> Double in
            let f = try Hypergeometric2F1(a: r, b: b + 1, c: a + b, z: t / (alpha + t))
            let product = f.sign * exp(f.logMagnitude + r * (log(alpha) - log(alpha + t)))
            return b / (a - 1) * (1 - product)
        }
    }

    /// E[X(T, T + t] | x, tₓ, T] for MBG/NBD.
    /// - Throws: ``ScoringError`` when the series cannot be evaluated.
    /// - Complexity: O(1) for moderate t; see ``Hypergeometric2F1``.
    public func conditionalExpectedPurchases(within t: Double, frequency x: Double, recency tx: Double, age: Double)
        throws(ScoringError) -> Double
    {
        guard t > 0 else { return 0 }
        return try expectedPurchasesIfAlive(within: t, frequency: x, age: age)
            * probabilityAlive(frequency: x, recency: tx, age: age)
    }

    /// E[X(T, T + t] | alive at T, x, T] = (a + b + x)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r + x)
    /// ₂F₁(r + x, b + x + 1; a + b + x; t/(α + T + t))].
    /// - Throws: ``ScoringError`` when the series cannot be evaluated.
    /// - Complexity: O(1) for moderate t; see ``Hypergeometric2F1``.
    public func expectedPurchasesIfAlive(within t: Double, frequency x: Double, age: Double) throws(ScoringError)
        -> Double
    {
        guard t > 0 else { return 0 }
        return try FittedBGNBD.aroundOne(a) { (a) throws(ScoringError) -> Double in
            let f = try Hypergeometric2F1(a: r + x, b: b + x + 1, c: a + b + x, z: t / (alpha + age + t))
            let product = f.sign * exp(f.logMagnitude + (r + x) * (log(alpha + age) - log(alpha + age + t)))
            return (a + b + x) / (a - 1) * (1 - product)
        }
    }

    /// P(X(t) = n) for MBG/NBD.
    /// - Complexity: O(n).
    public func probabilityOfPurchases(_ n: Int, within t: Double) -> Double {
        guard n >= 0 else { return 0 }
        let dn = Double(n)
        let logB = SpecialFunctions.logBeta(a, b)
        let inactiveAtZero = exp(SpecialFunctions.logBeta(a + 1, b + dn) - logB)
        guard t > 0 else { return n == 0 ? 1 : 0 }
        let nb = NegativeBinomialTerms(r: r, alpha: alpha, t: t)
        let first = exp(SpecialFunctions.logBeta(a, b + dn + 1) - logB + nb.logProbability(n))
        return min(1, first + inactiveAtZero * nb.tail(from: n))
    }
}
