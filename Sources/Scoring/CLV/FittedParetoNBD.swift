#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Pareto/NBD model with known parameters r, α, s, β: predictions for customers.
///
/// The formulas are Fader & Hardie's ("A note on deriving the Pareto/NBD model and related
/// expressions", 2005), evaluated in log space. The hypergeometric term is
/// ``ParetoNBDDropoutIntegral``, whose ₂F₁ argument always lies in [0, 1), so customers with
/// hundreds of repeat purchases and recency close to T give finite values where
/// implementations that evaluate the terms directly overflow to NaN.
public struct FittedParetoNBD: RepeatPurchaseModel, Hashable {
    /// Shape of the Gamma distribution of purchase rates.
    public let r: Double
    /// Scale (in the summary's time unit) of the Gamma distribution of purchase rates.
    public let alpha: Double
    /// Shape of the Gamma distribution of dropout rates.
    public let s: Double
    /// Scale (in the summary's time unit) of the Gamma distribution of dropout rates.
    public let beta: Double
    /// The fit that produced these parameters, when they were estimated.
    public let estimates: ParameterEstimates?

    /// A model with given parameters (for example published ones).
    /// - Throws: ``ScoringError`` `.invalidParameter` unless all four are positive and finite.
    /// - Complexity: O(1).
    public init(r: Double, alpha: Double, s: Double, beta: Double) throws(ScoringError) {
        guard [r, alpha, s, beta].allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw ScoringError(
                .invalidParameter, "Pareto/NBD parameters must be positive and finite (r \(r), α \(alpha), s \(s), β \(beta))")
        }
        self.init(unchecked: r, alpha: alpha, s: s, beta: beta, estimates: nil)
    }

    init(unchecked r: Double, alpha: Double, s: Double, beta: Double, estimates: ParameterEstimates?) {
        self.r = r
        self.alpha = alpha
        self.s = s
        self.beta = beta
        self.estimates = estimates
    }

    /// P(active at T | x, tₓ, T) = 1 / (1 + s · J · (α + T)^(r+x) (β + T)^s), with J the
    /// dropout integral over [tₓ, T] (1 when tₓ = T).
    ///
    /// If the ₂F₁ series cannot be evaluated (its argument within about 1e-5 of 1, which
    /// needs min(α, β) + tₓ below 1e-5 · max(α, β)), J is replaced by its upper bound
    /// (T − tₓ) · integrand(tₓ), so the result is a lower bound, still in [0, 1].
    /// - Complexity: two ₂F₁ series.
    public func probabilityAlive(frequency x: Double, recency tx: Double, age t: Double) -> Double {
        guard t > tx else { return 1 }
        let integral = ParetoNBDDropoutIntegral(alpha: alpha, beta: beta)
        let p = r + x, q = s + 1
        let logJ: Double
        do throws(ScoringError) {
            logJ = try integral.logIntegral(from: tx, to: t, p: p, q: q)
        } catch {
            logJ = integral.logUpperBound(from: tx, to: t, p: p, q: q)
        }
        let logOdds = log(s) + logJ + p * log(alpha + t) + s * log(beta + t)
        return SpecialFunctions.inverseOnePlusExp(logOdds)
    }

    /// E[X(t)] = rβ / (α(s − 1)) · [1 − (β/(β + t))^(s−1)] (rβ/α · ln((β + t)/β) at s = 1).
    /// - Complexity: O(1); never throws.
    public func expectedPurchases(within t: Double) throws(ScoringError) -> Double {
        guard t > 0 else { return 0 }
        return r * beta / alpha * Self.survivalIntegral(s - 1, log1p(t / beta))
    }

    /// E[X(T, T + t] | x, tₓ, T] = (r + x)(β + T) / ((α + T)(s − 1)) · [1 − ((β + T)/(β + T + t))^(s−1)] · P(alive).
    /// - Complexity: that of ``probabilityAlive(frequency:recency:age:)``; never throws.
    public func conditionalExpectedPurchases(within t: Double, frequency x: Double, recency tx: Double, age: Double)
        throws(ScoringError) -> Double
    {
        guard t > 0 else { return 0 }
        return try expectedPurchasesIfAlive(within: t, frequency: x, age: age)
            * probabilityAlive(frequency: x, recency: tx, age: age)
    }

    /// E[X(T, T + t] | alive at T, x, T] = (r + x)(β + T)/((α + T)(s − 1)) · [1 − ((β + T)/(β + T + t))^(s − 1)]
    /// (its limit at s = 1).
    /// - Complexity: O(1); never throws.
    public func expectedPurchasesIfAlive(within t: Double, frequency x: Double, age: Double) throws(ScoringError)
        -> Double
    {
        guard t > 0 else { return 0 }
        return (r + x) * (beta + age) / (alpha + age) * Self.survivalIntegral(s - 1, log1p(t / (beta + age)))
    }

    /// P(X(t) = n) (Fader & Hardie 2005, eq. 19): the negative binomial term of customers
    /// alive throughout, plus α^r β^s B(r + n, s + 1)/B(r, s) · (B₁ − Σᵢ₌₀ⁿ …B₂(i)) for those who
    /// dropped out after n purchases, with the α ≥ β or α < β form of the ₂F₁ terms.
    ///
    /// The difference B₁ − Σ is accurate in absolute terms (about 1e-16), not relative, so
    /// tiny probabilities for large n carry a relative error; the result is clamped to
    /// [0, 1]. If a ₂F₁ series cannot be evaluated, only the alive-throughout term (a lower
    /// bound) is returned.
    /// - Complexity: O(n) ₂F₁ series.
    public func probabilityOfPurchases(_ n: Int, within t: Double) -> Double {
        guard n >= 0 else { return 0 }
        guard t > 0 else { return n == 0 ? 1 : 0 }
        let nb = NegativeBinomialTerms(r: r, alpha: alpha, t: t)
        let dn = Double(n)
        let first = min(1, exp(nb.logProbability(n) + s * (log(beta) - log(beta + t))))
        let logPrefactor = r * log(alpha) + s * log(beta) + SpecialFunctions.logBeta(r + dn, s + 1)
            - SpecialFunctions.logBeta(r, s)
        let (big, small, second) = alpha >= beta ? (alpha, beta, s + 1) : (beta, alpha, r + dn)
        let c = r + s + dn + 1
        do throws(ScoringError) {
            let b1 = try Hypergeometric2F1(a: r + s, b: second, c: c, z: (big - small) / big)
            let logB1 = b1.logMagnitude - (r + s) * log(big)
            let lgRS = SpecialFunctions.logGamma(r + s), logT = log(t), logBigT = log(big + t)
            var logSum = -Double.infinity
            for i in 0...n {
                let di = Double(i)
                let b2 = try Hypergeometric2F1(a: r + s + di, b: second, c: c, z: (big - small) / (big + t))
                let term = SpecialFunctions.logGamma(r + s + di) - lgRS - SpecialFunctions.logGamma(di + 1)
                    + (i == 0 ? 0 : di * logT) + b2.logMagnitude - (r + s + di) * logBigT
                logSum = SpecialFunctions.logAddExp(logSum, term)
            }
            let dropped = exp(logPrefactor + logB1) - exp(logPrefactor + logSum)
            guard dropped.isFinite else { return first }
            return min(1, first + max(0, dropped))
        } catch {
            return first
        }
    }

    /// [1 − e^(−k·L)] / k, and its limit L at k = 0: the survival integral shared by the
    /// expectations (k = s − 1, L = ln((β + T + t)/(β + T))).
    static func survivalIntegral(_ k: Double, _ logRatio: Double) -> Double {
        abs(k) < 1e-12 ? logRatio : -expm1(-k * logRatio) / k
    }
}
