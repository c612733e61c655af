#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// The offer a campaign makes: one id, the same on every channel, so responses on any
/// channel attribute to the same offer.
public struct Offer: Sendable, Hashable, Codable {
    /// The offer id, shown to the template as `offer.id`.
    public var id: String
    /// What it is, shown as `offer.description`.
    public var description: String
    /// A discount in percent, shown as `offer.discount` (0 for none).
    public var discountPercent: Double

    /// Creates an offer.
    public init(id: String, description: String, discountPercent: Double = 0) {
        self.id = id
        self.description = description
        self.discountPercent = discountPercent
    }
}

/// A campaign as marketers review and store it: goal, offer, content per channel (and
/// per variant), holdout share, budget and A/B variants. Codable, so it can be kept and
/// audited. The audience is chosen by the caller (a segment) and passed to the planner.
public struct Campaign: Sendable, Hashable, Codable {
    /// The campaign id (also the seed of its holdout and variant hashing).
    public var id: String
    /// The goal, in words ("win back lapsed tea buyers").
    public var goal: String
    /// The offer.
    public var offer: Offer
    /// Content per variant name, then per channel. A campaign without an experiment uses
    /// the variant name "default".
    public var content: [String: [Channel: ContentTemplate]]
    /// Share of the audience held out and never contacted, to measure lift; in [0, 1).
    public var holdoutShare: Double
    /// Money available for contacts.
    public var budget: Double
    /// The A/B test, if any (its variants name keys of ``content``).
    public var experiment: ExperimentAssignment?
    /// When messages go out.
    public var sendAt: Date

    /// Creates a campaign.
    /// - Throws: ``CampaignError`` `.invalidParameter` for a holdout share outside [0, 1), a
    ///   negative or non-finite budget, no content, or an experiment variant without content.
    public init(
        id: String, goal: String, offer: Offer, content: [String: [Channel: ContentTemplate]], holdoutShare: Double,
        budget: Double, experiment: ExperimentAssignment? = nil, sendAt: Date
    ) throws(CampaignError) {
        guard holdoutShare >= 0, holdoutShare < 1 else {
            throw CampaignError(.invalidParameter, "the holdout share \(holdoutShare) must be in [0, 1)")
        }
        guard budget.isFinite, budget >= 0 else { throw CampaignError(.invalidParameter, "the budget \(budget) must be finite and non-negative") }
        guard !content.isEmpty else { throw CampaignError(.invalidParameter, "campaign \(id) has no content") }
        for variant in experiment?.variants ?? [] where content[variant.name] == nil {
            throw CampaignError(.invalidParameter, "variant '\(variant.name)' has no content")
        }
        if experiment == nil, content["default"] == nil {
            throw CampaignError(.invalidParameter, "a campaign without an experiment needs content for the variant \"default\"")
        }
        self.id = id
        self.goal = goal
        self.offer = offer
        self.content = content
        self.holdoutShare = holdoutShare
        self.budget = budget
        self.experiment = experiment
        self.sendAt = sendAt
    }
}
