/// The thresholds of the loyalty ladder (potential, new, regular, long-standing, loyal).
public struct LoyaltyThresholds: Sendable, Hashable, Codable {
    /// Loyal: at least this many orders in the last ``activeWindowDays``. Default 4.
    public var loyalMinimumOrders: Int
    /// Loyal: a first purchase at least this many days ago. Default 365.
    public var loyalMinimumTenureDays: Int
    /// Long-standing: a first purchase at least this many days ago. Default 730.
    public var longStandingMinimumTenureDays: Int
    /// New: a first purchase at most this many days ago. Default 90.
    public var newMaximumTenureDays: Int
    /// Regular: at least this many orders in all. Default 2.
    public var regularMinimumOrders: Int
    /// The window in which loyal and long-standing customers must have ordered. Default 365.
    public var activeWindowDays: Int

    /// Creates thresholds.
    public init(
        loyalMinimumOrders: Int = 4, loyalMinimumTenureDays: Int = 365, longStandingMinimumTenureDays: Int = 730,
        newMaximumTenureDays: Int = 90, regularMinimumOrders: Int = 2, activeWindowDays: Int = 365
    ) {
        self.loyalMinimumOrders = loyalMinimumOrders
        self.loyalMinimumTenureDays = loyalMinimumTenureDays
        self.longStandingMinimumTenureDays = longStandingMinimumTenureDays
        self.newMaximumTenureDays = newMaximumTenureDays
        self.regularMinimumOrders = regularMinimumOrders
        self.activeWindowDays = activeWindowDays
    }
}

extension SegmentScheme {
    /// The loyalty ladder (SEEDS.md §4), first match wins:
    /// - `loyal`: ≥ 4 orders in the last 365 days and a first purchase ≥ 365 days ago;
    /// - `longStanding`: first purchase ≥ 730 days ago and an order in the last 365 days;
    /// - `new`: first purchase ≤ 90 days ago;
    /// - `regular`: ≥ 2 orders;
    /// - `potential`: everyone else: prospects, and one-time buyers past the new window.
    public static func loyalty(_ t: LoyaltyThresholds = LoyaltyThresholds()) -> SegmentScheme {
        let loyal = SegmentCondition.orders(inLast: t.activeWindowDays, .greaterOrEqual(Double(t.loyalMinimumOrders)))
            && .daysSinceFirstPurchase(.greaterOrEqual(Double(t.loyalMinimumTenureDays)))
        let longStanding = SegmentCondition.daysSinceFirstPurchase(.greaterOrEqual(Double(t.longStandingMinimumTenureDays)))
            && .orders(inLast: t.activeWindowDays, .greaterOrEqual(1))
        let new = SegmentCondition.daysSinceFirstPurchase(.lessOrEqual(Double(t.newMaximumTenureDays)))
        let regular = SegmentCondition.orders(.greaterOrEqual(Double(t.regularMinimumOrders)))
        return SegmentScheme(name: "loyalty", kind: .exclusive, segments: [
            SegmentDefinition(id: "loyal", name: "Loyal", condition: loyal),
            SegmentDefinition(id: "longStanding", name: "Long-standing", condition: .all([.not(.segment("loyal")), longStanding])),
            SegmentDefinition(id: "new", name: "New",
                              condition: .all([.not(.segment("loyal")), .not(.segment("longStanding")), new])),
            SegmentDefinition(id: "regular", name: "Regular",
                              condition: .all([.not(.segment("loyal")), .not(.segment("longStanding")), .not(.segment("new")), regular])),
            SegmentDefinition(id: "potential", name: "Potential",
                              condition: .not(.any([.segment("loyal"), .segment("longStanding"), .segment("new"), .segment("regular")]))),
        ])
    }
}
