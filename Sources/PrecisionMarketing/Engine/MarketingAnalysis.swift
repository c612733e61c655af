import CustomerModel
import Scoring
import Segmentation
import Social

/// What ``MarketingEngine/analyze(asOf:)`` computed at one as-of day, over the customers
/// who may be profiled: the snapshot, RFM, value tiers and the segment population (data
/// quality is ``MarketingEngine/assessQuality(asOf:rules:)``). Customers who objected to profiling are in none of it.
public struct MarketingAnalysis: Sendable {
    /// The as-of day (windows end the day before).
    public let asOf: CalendarDay
    /// The columnar snapshot of the profilable customers' orders.
    public let snapshot: CustomerSnapshot
    /// The profilable customers' profiles.
    public let profiles: [CustomerProfile]
    /// Customers left out because they objected to profiling, ascending.
    public let excludedFromProfiling: [CustomerID]
    /// RFM scores and named segments.
    public let rfm: RFMResult
    /// The weighted value score and tiers.
    public let value: ValueScoreResult
    /// Social influence per customer from the stored social events (nil without any); it
    /// feeds the value score's social-influence indicator and the segment score
    /// ``MarketingEngine/socialInfluenceScore``.
    public let socialInfluence: SocialInfluenceScores?
    /// The population segment definitions are evaluated on (orders, profiles, interactions,
    /// RFM and value scores).
    public let population: SegmentPopulation
}
