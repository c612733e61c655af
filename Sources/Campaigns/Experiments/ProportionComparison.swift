#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Scoring

/// A treatment rate compared with a control rate: the difference, the relative lift, their
/// intervals and the two-sided p-value.
///
/// - Test: the pooled two-proportion z-test, z = (p̂₁ − p̂₀) / √(p̄(1 − p̄)(1/n₁ + 1/n₀)).
/// - Difference interval: Newcombe's hybrid score interval (method 10), built from the two
///   Wilson intervals; it keeps good coverage for small counts and rates near 0.
/// - Relative lift p̂₁/p̂₀ − 1, with the Katz log interval of the ratio
///   (exp(log r ± z √(1/x₁ − 1/n₁ + 1/x₀ − 1/n₀)) − 1), nil when a group has no successes.
public struct ProportionComparison: Sendable, Hashable, Codable {
    /// The control (or holdout) group.
    public let control: ProportionCount
    /// The treated (or variant) group.
    public let treatment: ProportionCount
    /// The confidence level of the intervals.
    public let level: Double
    /// p̂₁ − p̂₀.
    public let difference: Double
    /// Newcombe's interval for the difference.
    public let differenceInterval: ClosedRange<Double>
    /// p̂₁ / p̂₀ − 1; nil when the control rate is 0.
    public let relativeLift: Double?
    /// The Katz interval of the relative lift; nil when either group has no successes.
    public let relativeLiftInterval: ClosedRange<Double>?
    /// The pooled z statistic (0 when both rates are 0 or 1).
    public let z: Double
    /// The two-sided p-value of the z-test.
    public let pValue: Double

    /// Compares `treatment` with `control`.
    /// - Throws: ``CampaignError`` `.degenerateInput` when a group has no trials;
    ///   `.invalidParameter` for a level outside (0, 1).
    public init(control: ProportionCount, treatment: ProportionCount, level: Double = 0.95) throws(CampaignError) {
        let zLevel = try ProportionCount.criticalValue(level)
        guard control.trials > 0, treatment.trials > 0 else {
            throw CampaignError(.degenerateInput, "both groups need trials (control \(control.trials), treatment \(treatment.trials))")
        }
        self.control = control
        self.treatment = treatment
        self.level = level
        let p0 = control.rate, p1 = treatment.rate
        let n0 = Double(control.trials), n1 = Double(treatment.trials)
        difference = p1 - p0
        let w0 = try control.wilsonInterval(level: level), w1 = try treatment.wilsonInterval(level: level)
        let below = ((p1 - w1.lowerBound) * (p1 - w1.lowerBound) + (w0.upperBound - p0) * (w0.upperBound - p0)).squareRoot()
        let above = ((w1.upperBound - p1) * (w1.upperBound - p1) + (p0 - w0.lowerBound) * (p0 - w0.lowerBound)).squareRoot()
        differenceInterval = (difference - below)...(difference + above)
        relativeLift = p0 > 0 ? p1 / p0 - 1 : nil
        if control.successes > 0, treatment.successes > 0 {
            let x0 = Double(control.successes), x1 = Double(treatment.successes)
            let se = (1 / x1 - 1 / n1 + 1 / x0 - 1 / n0).squareRoot()
            let logRatio = log(p1 / p0)
            relativeLiftInterval = (exp(logRatio - zLevel * se) - 1)...(exp(logRatio + zLevel * se) - 1)
        } else {
            relativeLiftInterval = nil
        }
        let pooled = Double(control.successes + treatment.successes) / (n0 + n1)
        let se = (pooled * (1 - pooled) * (1 / n0 + 1 / n1)).squareRoot()
        z = se > 0 ? difference / se : 0
        pValue = se > 0 ? 2 * StandardNormal.survival(abs(z)) : 1
    }

    /// True when the p-value is below `1 − level`.
    public var isSignificant: Bool { pValue < 1 - level }
}
