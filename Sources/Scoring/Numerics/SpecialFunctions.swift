#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Log-gamma, digamma and log-space helpers for the likelihoods of the CLV models.
///
/// Everything here is pure and thread-safe (`lgamma_r`, not the `signgam`-writing `lgamma`),
/// so it can run inside ``ParallelLoop`` bodies.
package enum SpecialFunctions {
    /// ln Γ(x) for x > 0.
    /// - Complexity: O(1).
    @inline(__always)
    package static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0.
    /// - Complexity: O(1).
    @inline(__always)
    package static func logBeta(_ a: Double, _ b: Double) -> Double {
        logGamma(a) + logGamma(b) - logGamma(a + b)
    }

    /// The digamma function ψ(x) = d ln Γ(x) / dx for x > 0: upward recurrence to x ≥ 10,
    /// then the asymptotic series (absolute error below 1e-14).
    /// - Complexity: O(1).
    package static func digamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? .infinity : .nan }
        var value = 0.0
        var y = x
        while y < 10 {
            value -= 1 / y
            y += 1
        }
        let inv = 1 / y
        let inv2 = inv * inv
        let series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760))))))
        return value + log(y) - 0.5 * inv - series
    }

    /// ln(e^x + e^y) without overflow.
    /// - Complexity: O(1).
    @inline(__always)
    package static func logAddExp(_ x: Double, _ y: Double) -> Double {
        if x == -.infinity { return y }
        if y == -.infinity { return x }
        return x > y ? x + log1p(exp(y - x)) : y + log1p(exp(x - y))
    }

    /// 1 / (1 + e^x) without overflow (the logistic of −x).
    /// - Complexity: O(1).
    @inline(__always)
    package static func inverseOnePlusExp(_ x: Double) -> Double {
        x > 0 ? exp(-x) / (1 + exp(-x)) : 1 / (1 + exp(x))
    }
}
