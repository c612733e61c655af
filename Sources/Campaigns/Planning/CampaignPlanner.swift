#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Decides whether a customer may be contacted on a channel at a moment: consent, objection
/// to profiling, contact-policy caps, quiet hours, erasure. The Privacy module's consent
/// ledger and contact policy provide this through the facade; tests plug in their own.
public protocol ContactGate: Sendable {
    /// The reasons the contact is not allowed; empty when it is.
    /// - Throws: the backing stores' errors (planning stops: it never guesses "allowed").
    func screen(_ customerID: CustomerID, channel: Channel, at: Date) async throws -> [PlanExclusion]

    /// The reasons for many contacts at one moment, in request order. The default asks
    /// ``screen(_:channel:at:)`` one by one; gates over stores override it to read each
    /// store once.
    func screen(_ requests: [(customerID: CustomerID, channel: Channel)], at: Date) async throws -> [[PlanExclusion]]
}

extension ContactGate {
    public func screen(_ requests: [(customerID: CustomerID, channel: Channel)], at date: Date) async throws -> [[PlanExclusion]] {
        var out: [[PlanExclusion]] = []
        out.reserveCapacity(requests.count)
        for request in requests { out.append(try await screen(request.customerID, channel: request.channel, at: date)) }
        return out
    }
}

/// One audience member as the planner sees them.
public struct PlanningCandidate: Sendable, Hashable, Codable {
    /// The customer.
    public var customerID: CustomerID
    /// What the channel choice needs (consented channels, preference, history, age).
    public var channelFacts: ChannelFacts
    /// P(response) if contacted.
    public var responseProbability: Double
    /// The value of a response (CLV or average order value).
    public var value: Double
    /// The fields the content templates may use (name, recommendations, tier benefits, …).
    public var context: [String: TemplateValue]

    /// Creates a candidate.
    public init(
        customerID: CustomerID, channelFacts: ChannelFacts, responseProbability: Double, value: Double,
        context: [String: TemplateValue]
    ) {
        self.customerID = customerID
        self.channelFacts = channelFacts
        self.responseProbability = responseProbability
        self.value = value
        self.context = context
    }
}

/// Turns a campaign and its audience into an execution plan. Nothing is sent.
///
/// For each audience member, in order:
/// 1. the holdout: a stable hash of (campaign id + ":holdout", customer) below the holdout
///    share puts them in the never-contacted control group;
/// 2. the channel: ``ChannelChoice`` over the consented channels (none: suppressed);
/// 3. the gate: consent, objection, caps, quiet hours, erasure (every reason kept);
/// 4. the A/B variant (``ExperimentAssignment``) and its template for the channel,
///    rendered with the customer's fields plus `offer.id`, `offer.description`,
///    `offer.discount` (a render error suppresses with reason `content`);
/// 5. the budget: ``BudgetTargeting`` over those still in (not profitable or over budget
///    are suppressed).
/// Planned messages and suppressions also go to the event sink as `messagePlanned` and
/// `messageSuppressed` events with their reasons.
public struct CampaignPlanner: Sendable {
    /// The channel chooser (its costs are the contact costs).
    public var channels: ChannelChoice
    /// Candidates must be expected to earn more than this.
    public var minimumExpectedValue: Double

    /// Creates a planner.
    public init(channels: ChannelChoice, minimumExpectedValue: Double = 0) {
        self.channels = channels
        self.minimumExpectedValue = minimumExpectedValue
    }

    /// Plans `campaign` for `audience`.
    /// - Throws: ``CampaignError`` `.invalidParameter` for an invalid candidate (probability
    ///   outside [0, 1], a non-finite value); the gate's errors.
    /// - Complexity: O(n log n) plus rendering.
    public func plan(
        _ campaign: Campaign, audience: [PlanningCandidate], gate: some ContactGate, sink: (any EventSink)? = nil
    ) async throws -> ExecutionPlan {
        var suppressions: [Int: [PlanExclusion]] = [:]
        var eligible: [(index: Int, channel: Channel, reason: ChannelChoice.Reason, variant: String, content: String)] = []
        let offer: TemplateValue = [
            "id": .text(campaign.offer.id), "description": .text(campaign.offer.description),
            "discount": .number(campaign.offer.discountPercent),
        ]
        // Holdout and channel first, then the whole remaining audience through the gate at once.
        var screened: [(index: Int, channel: Channel, reason: ChannelChoice.Reason)] = []
        for (i, candidate) in audience.enumerated() {
            let id = candidate.customerID.rawValue
            if campaign.holdoutShare > 0,
               StableBucket.fraction(experimentID: campaign.id + ":holdout", customerID: id) < campaign.holdoutShare
            {
                suppressions[i] = [.holdout]
                continue
            }
            let decision = channels.choose(for: candidate.channelFacts)
            guard let channel = decision.channel else {
                suppressions[i] = [.noConsentedChannel]
                continue
            }
            screened.append((i, channel, decision.reason))
        }
        let verdicts = try await gate.screen(screened.map { (audience[$0.index].customerID, $0.channel) }, at: campaign.sendAt)
        guard verdicts.count == screened.count else {
            throw CampaignError(.invalidParameter, "the contact gate answered \(verdicts.count) of \(screened.count) requests")
        }
        for (k, (i, channel, reason)) in screened.enumerated() {
            guard verdicts[k].isEmpty else {
                suppressions[i] = verdicts[k]
                continue
            }
            let candidate = audience[i]
            let variant = campaign.experiment?.variant(for: candidate.customerID.rawValue).name ?? "default"
            guard let template = campaign.content[variant]?[channel] else {
                suppressions[i] = [PlanExclusion(code: "content", detail: "variant \(variant) has no content for \(channel)")]
                continue
            }
            var fields = candidate.context
            fields["offer"] = offer
            do throws(CampaignError) {
                let text = try template.render(.record(fields), escaping: .forChannel(channel))
                eligible.append((i, channel, reason, variant, text))
            } catch {
                suppressions[i] = [PlanExclusion(code: "content", detail: error.message)]
            }
        }
        let targeting = try BudgetTargeting(budget: campaign.budget, minimumExpectedValue: minimumExpectedValue)
        let selection = try targeting.select(eligible.map { e in
            let c = audience[e.index]
            return TargetingCandidate(
                customerID: c.customerID.rawValue, responseProbability: c.responseProbability, value: c.value,
                contactCost: channels.costs[e.channel] ?? 0)
        })
        for (k, exclusion) in selection.excluded {
            suppressions[eligible[k].index] = [exclusion == .overBudget ? .overBudget : .notProfitable]
        }
        var messages: [PlannedMessage] = []
        for k in selection.selected.sorted() {
            let e = eligible[k], c = audience[e.index]
            messages.append(PlannedMessage(
                campaignID: campaign.id, customerID: c.customerID, channel: e.channel, variant: e.variant,
                offerID: campaign.offer.id, sendAt: campaign.sendAt, content: e.content, channelReason: e.reason,
                expectedValue: c.responseProbability * c.value - (channels.costs[e.channel] ?? 0)))
        }
        let plan = ExecutionPlan(
            campaignID: campaign.id, messages: messages,
            suppressions: suppressions.keys.sorted().map { Suppression(customerID: audience[$0].customerID, reasons: suppressions[$0] ?? []) },
            totalCost: selection.totalCost, totalExpectedValue: selection.totalExpectedValue)
        if let sink {
            var events = plan.messages.map { m in
                DomainEvent(
                    kind: .messagePlanned, customerID: m.customerID, occurredAt: campaign.sendAt,
                    details: ["campaign": campaign.id, "channel": m.channel.name, "variant": m.variant, "offer": m.offerID])
            }
            events += plan.suppressions.map { s in
                DomainEvent(
                    kind: .messageSuppressed, customerID: s.customerID, occurredAt: campaign.sendAt,
                    details: ["campaign": campaign.id, "reasons": s.reasons.map(\.description).joined(separator: "; ")])
            }
            await sink.record(events)
        }
        return plan
    }
}

extension DomainEventKind {
    /// A campaign plan includes a message to the customer.
    public static let messagePlanned = DomainEventKind("messagePlanned")
    /// A campaign plan leaves the customer out; `details["reasons"]` says why.
    public static let messageSuppressed = DomainEventKind("messageSuppressed")
}
