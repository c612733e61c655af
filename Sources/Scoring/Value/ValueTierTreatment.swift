/// What a tier of customers receives (SEEDS.md §3), as data a campaign planner can read.
public struct ValueTierTreatment: Hashable, Sendable, Codable {
    /// The tier treated.
    public var tier: ValueTier
    /// Stable action ids, for example `personalisedRecommendations`.
    public var actions: [String]
    /// What the treatment aims at.
    public var goal: String

    /// Creates a treatment.
    public init(tier: ValueTier, actions: [String], goal: String) {
        self.tier = tier
        self.actions = actions
        self.goal = goal
    }
}

/// One treatment per tier.
public struct ValueTierPlaybook: Hashable, Sendable, Codable {
    /// The treatments, one per tier.
    public var treatments: [ValueTierTreatment]

    /// Creates a playbook.
    public init(treatments: [ValueTierTreatment]) { self.treatments = treatments }

    /// The treatment of `tier`, or nil when the playbook has none.
    /// - Complexity: O(treatments).
    public func treatment(for tier: ValueTier) -> ValueTierTreatment? { treatments.first { $0.tier == tier } }

    /// The treatments of SEEDS.md §3.
    public static let standard = ValueTierPlaybook(treatments: [
        ValueTierTreatment(
            tier: .high, actions: ["personalisedRecommendations", "exclusiveOffers", "priorityService"],
            goal: "keep and grow the most valuable customers"),
        ValueTierTreatment(
            tier: .medium, actions: ["routineCare", "promotions"],
            goal: "maintain the relationship and encourage more purchases"),
        ValueTierTreatment(
            tier: .low, actions: ["contentActivities", "communityActivities", "reactivation"],
            goal: "raise engagement and loyalty, reactivate dormant customers and convert them to high value"),
    ])
}
