/// The counts a campaign produces, and the rates marketers read from them (SEEDS.md §7).
///
/// Every rate is a plain ratio of the counts, documented per property; a rate whose
/// denominator is zero is nil rather than NaN or a made-up 0.
public struct CampaignMetrics: Sendable, Hashable, Codable {
    /// Customers the campaign tried to reach.
    public var targeted: Int
    /// Customers actually reached (delivered).
    public var reached: Int
    /// Reached customers who opened the message.
    public var opened: Int
    /// Reached customers who clicked.
    public var clicked: Int
    /// Reached customers who responded in any way (reply, visit, click, coupon use).
    public var responded: Int
    /// Reached customers who converted: bought, registered or enquired.
    public var converted: Int
    /// Reached customers who match the profile the campaign intended to reach.
    public var matchedIntendedProfile: Int
    /// Revenue attributed to the campaign.
    public var revenue: Double
    /// Total cost of the campaign (contacts, offers, creative).
    public var cost: Double

    /// Creates metrics from counts.
    /// - Throws: ``CampaignError`` `.invalidParameter` when a count is negative, a funnel
    ///   count exceeds `reached` (or `reached` exceeds `targeted`), or money is not finite.
    public init(
        targeted: Int, reached: Int, opened: Int = 0, clicked: Int = 0, responded: Int, converted: Int,
        matchedIntendedProfile: Int = 0, revenue: Double, cost: Double
    ) throws(CampaignError) {
        let funnel = [("opened", opened), ("clicked", clicked), ("responded", responded), ("converted", converted),
                      ("matchedIntendedProfile", matchedIntendedProfile)]
        guard targeted >= 0, reached >= 0, reached <= targeted else {
            throw CampaignError(.invalidParameter, "reached \(reached) must be between 0 and targeted \(targeted)")
        }
        for (name, count) in funnel where count < 0 || count > reached {
            throw CampaignError(.invalidParameter, "\(name) \(count) must be between 0 and reached \(reached)")
        }
        guard revenue.isFinite, cost.isFinite, cost >= 0 else {
            throw CampaignError(.invalidParameter, "revenue \(revenue) and cost \(cost) must be finite, cost non-negative")
        }
        self.targeted = targeted
        self.reached = reached
        self.opened = opened
        self.clicked = clicked
        self.responded = responded
        self.converted = converted
        self.matchedIntendedProfile = matchedIntendedProfile
        self.revenue = revenue
        self.cost = cost
    }

    private static func ratio(_ a: Double, _ b: Double) -> Double? { b > 0 ? a / b : nil }

    /// reached / targeted.
    public var reachRate: Double? { Self.ratio(Double(reached), Double(targeted)) }
    /// responded / reached.
    public var responseRate: Double? { Self.ratio(Double(responded), Double(reached)) }
    /// opened / reached.
    public var openRate: Double? { Self.ratio(Double(opened), Double(reached)) }
    /// clicked / reached (click-through rate).
    public var clickThroughRate: Double? { Self.ratio(Double(clicked), Double(reached)) }
    /// converted / reached: the share of reached who buy, register or enquire.
    public var conversionRate: Double? { Self.ratio(Double(converted), Double(reached)) }
    /// matchedIntendedProfile / reached: how precisely the audience hit its target.
    public var hitRate: Double? { Self.ratio(Double(matchedIntendedProfile), Double(reached)) }
    /// cost / converted: cost per acquisition.
    public var costPerAcquisition: Double? { Self.ratio(cost, Double(converted)) }
    /// (revenue − cost) / cost: return on investment.
    public var returnOnInvestment: Double? { Self.ratio(revenue - cost, cost) }
    /// cost / reached.
    public var costPerContact: Double? { Self.ratio(cost, Double(reached)) }

    /// Marketing-cost reduction of this campaign against a baseline one: 1 − CPA / baseline CPA
    /// (positive when each acquisition now costs less); nil when either CPA is undefined.
    public func costReduction(comparedWith baseline: CampaignMetrics) -> Double? {
        guard let now = costPerAcquisition, let before = baseline.costPerAcquisition, before > 0 else { return nil }
        return 1 - now / before
    }
}
