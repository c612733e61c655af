#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Scoring

/// Successes out of trials: responders out of contacted, buyers out of reached.
public struct ProportionCount: Sendable, Hashable, Codable {
    /// Trials that succeeded.
    public var successes: Int
    /// All trials.
    public var trials: Int

    /// Creates a count.
    /// - Throws: ``CampaignError`` `.invalidParameter` unless 0 ≤ successes ≤ trials.
    public init(successes: Int, trials: Int) throws(CampaignError) {
        guard successes >= 0, trials >= 0, successes <= trials else {
            throw CampaignError(.invalidParameter, "\(successes) successes out of \(trials) trials is not a valid count")
        }
        self.successes = successes
        self.trials = trials
    }

    /// successes / trials (0 for no trials).
    public var rate: Double { trials == 0 ? 0 : Double(successes) / Double(trials) }

    /// The Wilson score interval for the rate (Wilson 1927), which stays inside [0, 1] and
    /// behaves at 0 and at small n, unlike the Wald interval:
    ///
    ///     (p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)
    /// - Throws: ``CampaignError`` `.invalidParameter` unless 0 < level < 1;
    ///   `.degenerateInput` for no trials.
    public func wilsonInterval(level: Double = 0.95) throws(CampaignError) -> ClosedRange<Double> {
        let z = try Self.criticalValue(level)
        guard trials > 0 else { throw CampaignError(.degenerateInput, "no trials: the rate has no interval") }
        let n = Double(trials), p = rate, z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // At 0 or n successes the end is exactly 0 or 1; the formula leaves rounding dust.
        let lower = successes == 0 ? 0 : max(0, centre - half)
        let upper = successes == trials ? 1 : min(1, centre + half)
        return lower...upper
    }

    /// z with P(|Z| ≤ z) = level.
    static func criticalValue(_ level: Double) throws(CampaignError) -> Double {
        guard level > 0, level < 1 else {
            throw CampaignError(.invalidParameter, "the confidence level \(level) must be between 0 and 1")
        }
        return StandardNormal.quantile(0.5 + level / 2)
    }
}
