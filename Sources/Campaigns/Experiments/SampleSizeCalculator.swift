#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Scoring

/// How many customers each arm of a two-proportion test needs, and the power a given size
/// has, before a campaign is launched.
///
/// For baseline rate p₀, expected rate p₁, significance α (two-sided) and power 1 − β:
///
///     n = (z₁₋α/₂ √(2 p̄ q̄) + z₁₋β √(p₀q₀ + p₁q₁))² / (p₁ − p₀)²,   p̄ = (p₀ + p₁)/2
///
/// (Fleiss, Levin & Paik, *Statistical Methods for Rates and Proportions*, eq. 4.14, without
/// continuity correction), rounded up. The power of n per arm inverts it.
public struct SampleSizeCalculator: Sendable, Hashable, Codable {
    /// The significance level α (two-sided), default 0.05.
    public var significance: Double
    /// The power 1 − β, default 0.8.
    public var power: Double

    /// Creates a calculator.
    /// - Throws: ``CampaignError`` `.invalidParameter` unless 0 < α < 1 and 0 < power < 1.
    public init(significance: Double = 0.05, power: Double = 0.8) throws(CampaignError) {
        guard significance > 0, significance < 1, power > 0, power < 1 else {
            throw CampaignError(.invalidParameter, "significance \(significance) and power \(power) must be between 0 and 1")
        }
        self.significance = significance
        self.power = power
    }

    /// Customers needed in each arm to detect a change from `baseline` to `expected`.
    /// - Throws: ``CampaignError`` `.invalidParameter` unless both rates are in (0, 1) and differ.
    public func sizePerArm(baseline: Double, expected: Double) throws(CampaignError) -> Int {
        try Self.check(baseline, expected)
        let (a, b) = spreads(baseline, expected)
        let zAlpha = StandardNormal.quantile(1 - significance / 2), zBeta = StandardNormal.quantile(power)
        let n = (zAlpha * a + zBeta * b) * (zAlpha * a + zBeta * b) / ((expected - baseline) * (expected - baseline))
        return Int(n.rounded(.up))
    }

    /// The power of a test with `sizePerArm` customers per arm.
    /// - Throws: ``CampaignError`` `.invalidParameter` for invalid rates or a size below 1.
    public func power(baseline: Double, expected: Double, sizePerArm: Int) throws(CampaignError) -> Double {
        try Self.check(baseline, expected)
        guard sizePerArm >= 1 else { throw CampaignError(.invalidParameter, "the size per arm \(sizePerArm) must be at least 1") }
        let (a, b) = spreads(baseline, expected)
        let zAlpha = StandardNormal.quantile(1 - significance / 2)
        let zBeta = (abs(expected - baseline) * Double(sizePerArm).squareRoot() - zAlpha * a) / b
        return StandardNormal.cdf(zBeta)
    }

    private func spreads(_ p0: Double, _ p1: Double) -> (Double, Double) {
        let mean = (p0 + p1) / 2
        return ((2 * mean * (1 - mean)).squareRoot(), (p0 * (1 - p0) + p1 * (1 - p1)).squareRoot())
    }

    private static func check(_ p0: Double, _ p1: Double) throws(CampaignError) {
        guard p0 > 0, p0 < 1, p1 > 0, p1 < 1, p0 != p1 else {
            throw CampaignError(.invalidParameter, "the rates \(p0) and \(p1) must be between 0 and 1 and differ")
        }
    }
}
