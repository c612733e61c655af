/// The thresholds of the case-study segments.
public struct CaseStudyThresholds: Sendable, Hashable, Codable {
    /// High-frequency buyers: at least this many orders in the last 365 days. Default 6.
    public var highFrequencyMinimumOrders: Int
    /// New customers: a first purchase at most this many days ago. Default 30.
    public var newMaximumTenureDays: Int
    /// Low-frequency high-value: at most this many orders in the last 365 days… Default 2.
    public var lowFrequencyMaximumOrders: Int
    /// …and at least this spend (currency units) in the last 365 days. Default 500.
    public var highValueMinimumSpend: Double
    /// Potential high-value: RFM recency score at least this… Default 4.
    public var potentialMinimumRecencyScore: Int
    /// …and RFM monetary score at least this, in the medium value tier. Default 3.
    public var potentialMinimumMonetaryScore: Int

    /// Creates thresholds.
    public init(
        highFrequencyMinimumOrders: Int = 6, newMaximumTenureDays: Int = 30, lowFrequencyMaximumOrders: Int = 2,
        highValueMinimumSpend: Double = 500, potentialMinimumRecencyScore: Int = 4, potentialMinimumMonetaryScore: Int = 3
    ) {
        self.highFrequencyMinimumOrders = highFrequencyMinimumOrders
        self.newMaximumTenureDays = newMaximumTenureDays
        self.lowFrequencyMaximumOrders = lowFrequencyMaximumOrders
        self.highValueMinimumSpend = highValueMinimumSpend
        self.potentialMinimumRecencyScore = potentialMinimumRecencyScore
        self.potentialMinimumMonetaryScore = potentialMinimumMonetaryScore
    }
}

extension SegmentScheme {
    /// The case-study segments of SEEDS.md §4, overlapping, with their treatments:
    /// - `highFrequencyBuyers`: ≥ 6 orders in 365 days — VIP plan: exclusive discounts,
    ///   priority shipping, member discounts and points;
    /// - `potentialHighValue`: medium value tier, RFM r ≥ 4 and m ≥ 3 — promotions of
    ///   high-margin products;
    /// - `newCustomers`: first purchase ≤ 30 days ago — welcome coupons, invitation to follow
    ///   the social accounts;
    /// - `lowFrequencyHighValue`: ≤ 2 orders but ≥ 500 spent in 365 days — customised premium service.
    public static func caseStudy(_ t: CaseStudyThresholds = CaseStudyThresholds()) -> SegmentScheme {
        SegmentScheme(name: "caseStudy", kind: .overlapping, segments: [
            SegmentDefinition(id: "highFrequencyBuyers", name: "High-frequency buyers",
                              condition: .orders(inLast: 365, .greaterOrEqual(Double(t.highFrequencyMinimumOrders)))),
            SegmentDefinition(id: "potentialHighValue", name: "Potential high-value customers", condition: .all([
                .valueTier([.medium]),
                .score("rfm.r", .greaterOrEqual(Double(t.potentialMinimumRecencyScore))),
                .score("rfm.m", .greaterOrEqual(Double(t.potentialMinimumMonetaryScore))),
            ])),
            SegmentDefinition(id: "newCustomers", name: "New customers",
                              condition: .daysSinceFirstPurchase(.lessOrEqual(Double(t.newMaximumTenureDays)))),
            SegmentDefinition(id: "lowFrequencyHighValue", name: "Low-frequency high-value buyers",
                              condition: .orders(inLast: 365, .between(1, Double(t.lowFrequencyMaximumOrders)))
                                  && .spend(inLast: 365, .greaterOrEqual(t.highValueMinimumSpend))),
        ], treatments: [
            "highFrequencyBuyers": ["VIP plan: exclusive discounts", "priority shipping", "member discounts and points"],
            "potentialHighValue": ["promotions of high-margin products"],
            "newCustomers": ["welcome coupon", "invitation to follow the social accounts"],
            "lowFrequencyHighValue": ["customised premium service"],
        ])
    }
}
