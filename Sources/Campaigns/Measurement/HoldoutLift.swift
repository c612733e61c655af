#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Scoring

/// The incremental effect of a campaign, measured against a holdout group that was never
/// contacted: what the campaign caused, not what would have happened anyway.
///
/// - Response: the treated and holdout response rates compared by ``ProportionComparison``
///   (difference with Newcombe's interval, relative lift with Katz's, pooled z-test).
/// - Incremental responses: (p̂₁ − p̂₀) · n₁, with the difference interval scaled by n₁.
/// - Revenue per customer (when given): the difference of means with Welch's interval
///   (normal approximation, fine for the group sizes campaigns have), and the incremental
///   revenue it implies.
public struct HoldoutLift: Sendable, Hashable, Codable {
    /// Response of treated versus holdout.
    public let response: ProportionComparison
    /// Responses the campaign caused among the treated.
    public let incrementalResponses: Double
    /// Interval of the incremental responses.
    public let incrementalResponsesInterval: ClosedRange<Double>
    /// Mean revenue per treated customer minus per holdout customer, when revenue was given.
    public let revenueDifference: Double?
    /// Welch interval of the revenue difference.
    public let revenueDifferenceInterval: ClosedRange<Double>?
    /// Revenue the campaign caused among the treated: the difference times the treated count.
    public let incrementalRevenue: Double?

    /// Measures the lift.
    /// - Parameters:
    ///   - treated: responders out of the treated (contacted) group.
    ///   - holdout: responders out of the holdout group.
    ///   - treatedRevenue: revenue per treated customer (one value per customer, zeros
    ///     included), or nil.
    ///   - holdoutRevenue: revenue per holdout customer, or nil.
    ///   - level: the confidence level.
    /// - Throws: ``CampaignError`` `.degenerateInput` for an empty group; `.invalidParameter`
    ///   when revenue is given for one group only, its count differs from the group's, or a
    ///   value is not finite.
    public init(
        treated: ProportionCount, holdout: ProportionCount, treatedRevenue: [Double]? = nil,
        holdoutRevenue: [Double]? = nil, level: Double = 0.95
    ) throws(CampaignError) {
        response = try ProportionComparison(control: holdout, treatment: treated, level: level)
        let n1 = Double(treated.trials)
        incrementalResponses = response.difference * n1
        incrementalResponsesInterval = (response.differenceInterval.lowerBound * n1)...(response.differenceInterval.upperBound * n1)
        switch (treatedRevenue, holdoutRevenue) {
        case (nil, nil):
            revenueDifference = nil
            revenueDifferenceInterval = nil
            incrementalRevenue = nil
        case let (t?, h?):
            guard t.count == treated.trials, h.count == holdout.trials else {
                throw CampaignError(
                    .invalidParameter,
                    "revenue needs one value per customer: \(t.count) for \(treated.trials) treated, \(h.count) for \(holdout.trials) in the holdout")
            }
            guard t.count >= 2, h.count >= 2 else {
                throw CampaignError(.degenerateInput, "a revenue comparison needs at least two customers per group")
            }
            guard t.allSatisfy(\.isFinite), h.allSatisfy(\.isFinite) else {
                throw CampaignError(.invalidParameter, "revenue values must be finite")
            }
            let (m1, v1) = Self.meanAndVariance(t), (m0, v0) = Self.meanAndVariance(h)
            let difference = m1 - m0
            let se = (v1 / Double(t.count) + v0 / Double(h.count)).squareRoot()
            let z = StandardNormal.quantile(0.5 + level / 2)
            revenueDifference = difference
            revenueDifferenceInterval = (difference - z * se)...(difference + z * se)
            incrementalRevenue = difference * n1
        default:
            throw CampaignError(.invalidParameter, "revenue must be given for both the treated and the holdout group, or neither")
        }
    }

    /// Mean and unbiased variance.
    static func meanAndVariance(_ values: [Double]) -> (Double, Double) {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, squares / (n - 1))
    }
}
