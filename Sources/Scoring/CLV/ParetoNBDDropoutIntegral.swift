#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The integral at the heart of the Pareto/NBD likelihood and P(alive),
///
///     J(p, q) = ∫ from tₓ to T of (α + τ)^−p (β + τ)^−q dτ,
///
/// (with p = r + x, q = s + 1 it is the chance of buying x times and then dropping out at τ,
/// integrated over the unobserved dropout time), in log space through the Gauss
/// hypergeometric function (Fader & Hardie 2005, "A note on deriving the Pareto/NBD model").
///
/// The tail from y to infinity is, for α ≥ β,
///
///     ∫_y^∞ = (α + y)^−(p+q−1) / (p + q − 1) · ₂F₁(p + q − 1, q; p + q; (α − β)/(α + y)),
///
/// and for α < β the same with (α, p) and (β, q) swapped, so the argument of ₂F₁ is always
/// in [0, 1) and every term is positive. J is the difference of two tails, taken as
/// ln A + ln(−expm1(ln B − ln A)); when the interval is so short that the difference is
/// lost to rounding (relative gap below 1e-8), the midpoint rule is used instead, which is
/// exact to O(gap²).
struct ParetoNBDDropoutIntegral {
    let alpha: Double
    let beta: Double

    /// ln ∫_y^∞ (α + τ)^−p (β + τ)^−q dτ, for p + q > 1.
    /// - Complexity: one ₂F₁ series (see ``Hypergeometric2F1``).
    func logTail(from y: Double, p: Double, q: Double) throws(ScoringError) -> Double {
        let m = p + q - 1
        if alpha >= beta {
            let f = try Hypergeometric2F1(a: m, b: q, c: m + 1, z: (alpha - beta) / (alpha + y))
            return f.logMagnitude - m * log(alpha + y) - log(m)
        }
        let f = try Hypergeometric2F1(a: m, b: p, c: m + 1, z: (beta - alpha) / (beta + y))
        return f.logMagnitude - m * log(beta + y) - log(m)
    }

    /// ln J(p, q) over [tₓ, T]; −∞ when T ≤ tₓ.
    /// - Throws: ``ScoringError`` when a ₂F₁ series cannot be evaluated.
    /// - Complexity: two ₂F₁ series.
    func logIntegral(from tx: Double, to t: Double, p: Double, q: Double) throws(ScoringError) -> Double {
        guard t > tx else { return -.infinity }
        let upper = try logTail(from: tx, p: p, q: q)
        let lower = try logTail(from: t, p: p, q: q)
        let gap = lower - upper
        guard gap < -1e-8 else {
            let mid = (tx + t) / 2
            return log(t - tx) - p * log(alpha + mid) - q * log(beta + mid)
        }
        return upper + log(-expm1(gap))
    }

    /// An upper bound on ln J(p, q): (T − tₓ) times the integrand at tₓ (it decreases).
    /// Used only when the series cannot be evaluated.
    /// - Complexity: O(1).
    func logUpperBound(from tx: Double, to t: Double, p: Double, q: Double) -> Double {
        guard t > tx else { return -.infinity }
        return log(t - tx) - p * log(alpha + tx) - q * log(beta + tx)
    }
}
