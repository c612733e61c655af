#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Gauss hypergeometric function ₂F₁(a, b; c; z) for real z < 1, as a signed logarithm.
///
/// The series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ converges for |z| < 1. Arguments are first mapped
/// into [0, 1):
/// - z < 0: Pfaff, ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z / (z − 1)) (this is the
///   Pareto/NBD case, where z can be far below −1);
/// - then, on [0, 1), Euler, ₂F₁(a, b; c; z) = (1 − z)^(c − a − b) ₂F₁(c − a, c − b; c; z),
///   when it has the smaller numerator parameters (BG/NBD with hundreds of repeat
///   purchases: a, b, c all large, c − a and c − b small, so the series is 1 + tiny).
///
/// The sum runs in scaled form (rescaled by 10^200 when it grows), so the result is
/// returned as ln|F| and a sign and never overflows. Convergence limits: the terms shrink
/// like zⁿ, so the work grows like 1/(1 − z); the series stops at ``maximumTerms`` and
/// throws `.didNotConverge` rather than return an inaccurate value. z ≥ 1, non-finite
/// arguments and c a non-positive integer throw `.invalidParameter`. Never returns NaN.
package struct Hypergeometric2F1: Sendable {
    /// ln|₂F₁|.
    package var logMagnitude: Double
    /// The sign of ₂F₁ (+1 or −1).
    package var sign: Double
    /// The value itself (may overflow to ±infinity for huge results; use ``logMagnitude``).
    package var value: Double { sign * exp(logMagnitude) }

    /// The most series terms evaluated before giving up (enough for z ≤ 1 − 1e-5).
    package static let maximumTerms = 2_000_000

    /// Evaluates ₂F₁(a, b; c; z).
    /// - Throws: ``ScoringError`` `.invalidParameter` for arguments outside the domain,
    ///   `.didNotConverge` when the series needs more than ``maximumTerms`` terms.
    /// - Complexity: O(min(1/(1 − z'), maximumTerms)) where z' is the mapped argument.
    package init(a: Double, b: Double, c: Double, z: Double) throws(ScoringError) {
        guard a.isFinite, b.isFinite, c.isFinite, z.isFinite else {
            throw ScoringError(.invalidParameter, "2F1(\(a), \(b); \(c); \(z)) has a non-finite argument")
        }
        guard z < 1 else {
            throw ScoringError(.invalidParameter, "2F1 is evaluated only for z < 1 (got \(z))")
        }
        guard !(c <= 0 && c == c.rounded()) else {
            throw ScoringError(.invalidParameter, "2F1 is undefined for c = \(c), a non-positive integer")
        }
        var a = a, b = b
        var logPrefactor = 0.0
        var w = z
        if z < 0 {
            // Pfaff: pick the variant whose series has the smaller numerator product.
            logPrefactor = -(abs(a * (c - b)) <= abs(b * (c - a)) ? a : b) * log1p(-z)
            if abs(a * (c - b)) <= abs(b * (c - a)) { b = c - b } else { a = c - a }
            w = z / (z - 1)
        }
        if w > 0 && abs((c - a) * (c - b)) < abs(a * b) {
            logPrefactor += (c - a - b) * log1p(-w)
            (a, b) = (c - a, c - b)
        }
        let series = try Self.series(a: a, b: b, c: c, z: w)
        logMagnitude = logPrefactor + series.logMagnitude
        sign = series.sign
        guard logMagnitude.isFinite else {
            throw ScoringError(.didNotConverge, "2F1(\(a), \(b); \(c); \(z)) is zero or out of range")
        }
    }

    /// The plain series for 0 ≤ z < 1, summed with rescaling.
    private static func series(a: Double, b: Double, c: Double, z: Double) throws(ScoringError)
        -> (logMagnitude: Double, sign: Double)
    {
        var sum = 1.0
        var term = 1.0
        var logScale = 0.0
        let scale = 1e200
        let logScaleStep = 200 * log(10.0)
        var n = 0.0
        var count = 0
        while count < maximumTerms {
            let ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            term *= ratio
            sum += term
            n += 1
            count += 1
            if term == 0 { break }
            if abs(sum) > scale {
                sum /= scale
                term /= scale
                logScale += logScaleStep
            }
            // Stop when the tail, bounded by a geometric series with the larger of this
            // ratio, the next one and the limit z, is below the precision of the sum.
            let next = abs((a + n) * (b + n) / ((c + n) * (n + 1)) * z)
            let q = max(abs(ratio), next, abs(z))
            if q < 1 && abs(term) * q <= 1e-17 * abs(sum) * (1 - q) { break }
        }
        guard count < maximumTerms, sum.isFinite, sum != 0 else {
            throw ScoringError(
                .didNotConverge,
                "the 2F1(\(a), \(b); \(c); \(z)) series did not converge in \(maximumTerms) terms")
        }
        return (logScale + log(abs(sum)), sum < 0 ? -1 : 1)
    }
}
