import CustomerModel

/// The thresholds of the behaviour segments (high-frequency active, potential buyers,
/// churn warning).
public struct BehaviourThresholds: Sendable, Hashable, Codable {
    /// High-frequency active: at least this many orders in ``activeWindowDays``. Default 3.
    public var activeMinimumOrders: Int
    /// …or at least this many browse events in ``activeWindowDays``. Default 20.
    public var activeMinimumBrowses: Int
    /// The window of activity. Default 90.
    public var activeWindowDays: Int
    /// Potential buyer: at least this many browses of one category without an order in it. Default 5.
    public var potentialMinimumBrowses: Int
    /// The window for potential buyers. Default 30.
    public var potentialWindowDays: Int
    /// Churn warning: at least this many orders in ``churnBaselineDays``… Default 3.
    public var churnBaselineMinimumOrders: Int
    /// …the baseline window. Default 365.
    public var churnBaselineDays: Int
    /// …and none in the last this many days. Default 60.
    public var churnQuietDays: Int

    /// Creates thresholds.
    public init(
        activeMinimumOrders: Int = 3, activeMinimumBrowses: Int = 20, activeWindowDays: Int = 90,
        potentialMinimumBrowses: Int = 5, potentialWindowDays: Int = 30,
        churnBaselineMinimumOrders: Int = 3, churnBaselineDays: Int = 365, churnQuietDays: Int = 60
    ) {
        self.activeMinimumOrders = activeMinimumOrders
        self.activeMinimumBrowses = activeMinimumBrowses
        self.activeWindowDays = activeWindowDays
        self.potentialMinimumBrowses = potentialMinimumBrowses
        self.potentialWindowDays = potentialWindowDays
        self.churnBaselineMinimumOrders = churnBaselineMinimumOrders
        self.churnBaselineDays = churnBaselineDays
        self.churnQuietDays = churnQuietDays
    }
}

extension SegmentScheme {
    /// Behaviour segments (SEEDS.md §4), overlapping:
    /// - `highFrequencyActive`: ≥ 3 orders or ≥ 20 browses in the last 90 days;
    /// - `potentialBuyers`: in one of `categories`, ≥ 5 browses in the last 30 days and no
    ///   order in it in that window (without categories: over all browsing and orders);
    ///   they need a stimulus;
    /// - `churnWarning`: ≥ 3 orders in the last 365 days but none in the last 60: activity
    ///   has fallen; they need intervention.
    /// Needs interaction events; with categories, item categories too.
    public static func behaviour(_ t: BehaviourThresholds = BehaviourThresholds(), categories: [CategoryID] = []) -> SegmentScheme {
        let browses = Double(t.potentialMinimumBrowses)
        let potential: SegmentCondition = categories.isEmpty
            ? .browsesWithoutOrder(inLast: t.potentialWindowDays, .greaterOrEqual(browses))
            : .any(categories.map { .browsesWithoutOrder(inLast: t.potentialWindowDays, category: $0, .greaterOrEqual(browses)) })
        return SegmentScheme(name: "behaviour", kind: .overlapping, segments: [
            SegmentDefinition(id: "highFrequencyActive", name: "High-frequency active",
                              condition: .orders(inLast: t.activeWindowDays, .greaterOrEqual(Double(t.activeMinimumOrders)))
                                  || .events(.browse, inLast: t.activeWindowDays, .greaterOrEqual(Double(t.activeMinimumBrowses)))),
            SegmentDefinition(id: "potentialBuyers", name: "Potential buyers", condition: potential),
            SegmentDefinition(id: "churnWarning", name: "Churn warning",
                              condition: .orders(inLast: t.churnBaselineDays, .greaterOrEqual(Double(t.churnBaselineMinimumOrders)))
                                  && .orders(inLast: t.churnQuietDays, .equal(0))),
        ], treatments: [
            "highFrequencyActive": ["dedicated recommendations", "member offers"],
            "potentialBuyers": ["a stimulus: a time-limited offer in the browsed category"],
            "churnWarning": ["intervention: a win-back offer", "a service call"],
        ])
    }
}

/// The thresholds of behaviour types A, B and C.
public struct BehaviourTypeThresholds: Sendable, Hashable, Codable {
    /// The window for browsing and buying. Default 90.
    public var windowDays: Int
    /// C: at least this many orders in the last 365 days… Default 6.
    public var loyalMinimumOrders: Int
    /// …and a first purchase at least this many days ago. Default 180.
    public var loyalMinimumTenureDays: Int
    /// B: at least this many orders in the window… Default 2.
    public var buyerMinimumOrders: Int
    /// …and at most this many browses. Default 5.
    public var buyerMaximumBrowses: Int
    /// A: at least this many browses in the window… Default 10.
    public var browserMinimumBrowses: Int
    /// …and at most this many orders. Default 1.
    public var browserMaximumOrders: Int

    /// Creates thresholds.
    public init(
        windowDays: Int = 90, loyalMinimumOrders: Int = 6, loyalMinimumTenureDays: Int = 180,
        buyerMinimumOrders: Int = 2, buyerMaximumBrowses: Int = 5, browserMinimumBrowses: Int = 10, browserMaximumOrders: Int = 1
    ) {
        self.windowDays = windowDays
        self.loyalMinimumOrders = loyalMinimumOrders
        self.loyalMinimumTenureDays = loyalMinimumTenureDays
        self.buyerMinimumOrders = buyerMinimumOrders
        self.buyerMaximumBrowses = buyerMaximumBrowses
        self.browserMinimumBrowses = browserMinimumBrowses
        self.browserMaximumOrders = browserMaximumOrders
    }
}

extension SegmentScheme {
    /// Behaviour types (SEEDS.md §4), first match wins, with their treatments:
    /// - `typeC` (loyal, buys often): ≥ 6 orders in 365 days, first purchase ≥ 180 days ago —
    ///   dedicated service, member privileges;
    /// - `typeB` (browses little, buys much): ≥ 2 orders and ≤ 5 browses in 90 days — pushes
    ///   at key moments, loyalty points;
    /// - `typeA` (browses much, buys little): ≥ 10 browses and ≤ 1 order in 90 days —
    ///   personalised recommendations, tailored discounts.
    /// Needs interaction events.
    public static func behaviourTypes(_ t: BehaviourTypeThresholds = BehaviourTypeThresholds()) -> SegmentScheme {
        let c = SegmentCondition.orders(inLast: 365, .greaterOrEqual(Double(t.loyalMinimumOrders)))
            && .daysSinceFirstPurchase(.greaterOrEqual(Double(t.loyalMinimumTenureDays)))
        let b = SegmentCondition.orders(inLast: t.windowDays, .greaterOrEqual(Double(t.buyerMinimumOrders)))
            && .events(.browse, inLast: t.windowDays, .lessOrEqual(Double(t.buyerMaximumBrowses)))
        let a = SegmentCondition.events(.browse, inLast: t.windowDays, .greaterOrEqual(Double(t.browserMinimumBrowses)))
            && .orders(inLast: t.windowDays, .lessOrEqual(Double(t.browserMaximumOrders)))
        return SegmentScheme(name: "behaviourType", kind: .exclusive, segments: [
            SegmentDefinition(id: "typeC", name: "C: loyal, buys often", condition: c),
            SegmentDefinition(id: "typeB", name: "B: browses little, buys much", condition: .all([.not(.segment("typeC")), b])),
            SegmentDefinition(id: "typeA", name: "A: browses much, buys little",
                              condition: .all([.not(.segment("typeC")), .not(.segment("typeB")), a])),
        ], treatments: [
            "typeA": ["personalised recommendations", "tailored discounts"],
            "typeB": ["pushes at key moments", "loyalty points"],
            "typeC": ["dedicated service", "member privileges"],
        ])
    }
}
