#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Campaigns
import CustomerModel
import Privacy
import Recommendation
import Scoring
import Segmentation

extension MarketingEngine {
    /// The gate every campaign path goes through: marketing consent per channel (through
    /// the purpose registry and the consent ledger), the suppression list of erased people,
    /// and the contact policy over the stored contact history.
    public nonisolated var contactGate: PrivacyContactGate { contactGate(consentLedger: nil) }

    /// The gate, on a consent ledger already read for the audience.
    nonisolated func contactGate(consentLedger: ConsentLedger?) -> PrivacyContactGate {
        PrivacyContactGate(
            evaluator: ContactPolicyEvaluator(
                policy: configuration.contactPolicy, history: stores.contactHistory,
                gate: PurposeGate(registry: configuration.purposes, consents: stores.consents), suppression: suppression,
                defaultTimeZone: configuration.defaultTimeZone, purpose: .marketing),
            consentLedger: consentLedger)
    }

    /// Plans `campaign` for the members of the `audience` segment: holdout, channel choice
    /// over the channels each member consented to, the consent and contact-policy gate, the
    /// A/B variant, rendered content and budget selection. Nothing is sent; every excluded
    /// member carries its reasons, and messages and suppressions go to the event sink. The
    /// plan is recorded in the audit log.
    ///
    /// Each candidate's fields for the templates: `name`, `tier` (value tier), `segment`,
    /// `recommendations` (records with `item`, the item id, when `recommendations` are given) and the planner's `offer`.
    /// The value of a response is the customer's average order value; P(response) comes
    /// from `responseProbabilities`, else ``MarketingEngineConfiguration/defaultResponseProbability``.
    /// - Throws: ``SegmentDefinitionError`` for an invalid audience; ``CampaignError`` for an
    ///   invalid probability; store errors.
    public func plan(
        _ campaign: Campaign, audience: SegmentDefinition, in analysis: MarketingAnalysis, actor: String,
        responseProbabilities: [CustomerID: Double] = [:], recommendations: ItemRecommendations? = nil
    ) async throws -> ExecutionPlan {
        let memberPairs = try await segmentMembers(audience, in: analysis)
        let members = memberPairs.map(\.id)
        // One read of the audience's consents serves channel choice and the gate.
        let ledger = try await stores.consents.ledger(for: members)
        let candidates = try await planningCandidates(
            memberPairs, segmentID: audience.id, in: analysis, ledger: ledger, at: campaign.sendAt,
            responseProbabilities: responseProbabilities, recommendations: recommendations)
        let planner = CampaignPlanner(channels: configuration.channels)
        // A sink that records nothing is not worth a million events built for it.
        let plan = try await planner.plan(
            campaign, audience: candidates, gate: contactGate(consentLedger: ledger), sink: sink is NoOpEventSink ? nil : sink)
        try await auditLog.record(AuditEntryDraft(
            action: .campaignPlanned, actor: actor, purpose: .marketing,
            detail: "campaign \(campaign.id): audience \(audience.id) of \(members.count), \(plan.messages.count) messages, "
                + "\(plan.suppressions.count) suppressed, cost \(plan.totalCost)",
            occurredAt: campaign.sendAt))
        return plan
    }

    /// Hands the plan's messages to `delivery` after screening each one again at its send
    /// time (consent may have been withdrawn, another campaign may have used the cap since
    /// planning), records the accepted ones in the contact history and sends
    /// `messageSent` events.
    /// - Throws: the delivery's and the stores' errors.
    public func deliver(_ plan: ExecutionPlan, via delivery: some MessageDelivery, actor: String) async throws -> DeliveryReport {
        let gate = contactGate
        var verdicts = [[PlanExclusion]](repeating: [], count: plan.messages.count)
        let bySendTime = Dictionary(grouping: plan.messages.indices, by: { plan.messages[$0].sendAt })
        for sendAt in bySendTime.keys.sorted() {
            let indices = bySendTime[sendAt] ?? []
            let answers = try await gate.screen(
                indices.map { (plan.messages[$0].customerID, plan.messages[$0].channel) }, at: sendAt)
            // Never fail open: a gate that answers fewer requests than asked stops the delivery.
            guard answers.count == indices.count else {
                throw CampaignError(.invalidParameter, "the contact gate answered \(answers.count) of \(indices.count) requests")
            }
            for (k, index) in indices.enumerated() { verdicts[index] = answers[k] }
        }
        var allowed: [PlannedMessage] = []
        var blocked: [Suppression] = []
        var sentInThisCall: Set<CustomerID> = []
        for (index, message) in plan.messages.enumerated() {
            // Messages of this call are not in the history yet: one per customer and plan.
            var reasons = verdicts[index]
            if reasons.isEmpty, sentInThisCall.contains(message.customerID) {
                reasons = [PlanExclusion(code: "duplicate", detail: "a message of this plan already goes to the customer")]
            }
            if reasons.isEmpty {
                allowed.append(message)
                sentInThisCall.insert(message.customerID)
            } else {
                blocked.append(Suppression(customerID: message.customerID, reasons: reasons))
            }
        }
        let accepted = Set(try await delivery.deliver(allowed))
        let sent = allowed.filter { accepted.contains($0.customerID) }
        try await stores.contactHistory.append(sent.map { message in
            ContactRecord(
                id: Self.contactRecordID(campaignID: message.campaignID, customerID: message.customerID),
                customerID: message.customerID, channel: message.channel, sentAt: message.sendAt,
                campaignID: CampaignID(message.campaignID))
        })
        var events = sent.map { message in
            DomainEvent(
                kind: .messageSent, customerID: message.customerID, occurredAt: message.sendAt,
                details: ["campaign": message.campaignID, "channel": message.channel.name, "variant": message.variant])
        }
        events += blocked.map { s in
            DomainEvent(
                kind: .messageSuppressed, customerID: s.customerID, occurredAt: plan.messages.first?.sendAt ?? Date(timeIntervalSince1970: 0),
                details: ["campaign": plan.campaignID, "reasons": s.reasons.map(\.description).joined(separator: "; ")])
        }
        await sink.record(events)
        try await auditLog.record(AuditEntryDraft(
            action: .campaignDelivered, actor: actor, purpose: .marketing,
            detail: "campaign \(plan.campaignID): \(sent.count) sent, \(blocked.count) held back at send time, "
                + "\(allowed.count - sent.count) refused by the delivery",
            occurredAt: plan.messages.first?.sendAt ?? Date(timeIntervalSince1970: 0)))
        return DeliveryReport(sent: sent.map(\.customerID), heldBack: blocked, refusedByDelivery: allowed.count - sent.count)
    }

    /// The contact-history id of a campaign's message to a customer (one per campaign and customer).
    static func contactRecordID(campaignID: String, customerID: CustomerID) -> ContactRecordID {
        ContactRecordID("\(campaignID):\(customerID.rawValue)")
    }

    /// The planner's view of each member.
    func planningCandidates(
        _ memberPairs: [(id: CustomerID, index: Int32)], segmentID: String, in analysis: MarketingAnalysis, ledger: ConsentLedger,
        at date: Date,
        responseProbabilities: [CustomerID: Double], recommendations: ItemRecommendations?
    ) async throws -> [PlanningCandidate] {
        let snapshot = analysis.snapshot
        let members = memberPairs.map(\.id)
        let profiles = Dictionary(analysis.profiles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let history = try await stores.contactHistory.contacts(for: members, since: nil)
        var pastResponses: [CustomerID: [Channel: (sent: Int, responded: Int)]] = [:]
        for record in history {
            var counts = pastResponses[record.customerID, default: [:]][record.channel, default: (0, 0)]
            counts.sent += 1
            if record.respondedAt != nil { counts.responded += 1 }
            pastResponses[record.customerID, default: [:]][record.channel] = counts
        }
        var averageOrderValue = [Double](repeating: 0, count: snapshot.customerCount)
        var tiers = [String](repeating: "", count: snapshot.customerCount)
        let scale = Double(analysis.rfm.currency.minorUnitsPerMajor)
        for (k, customer) in analysis.rfm.customers.enumerated() where analysis.rfm.frequency[k] > 0 {
            averageOrderValue[Int(customer)] = Double(analysis.rfm.monetaryMinorUnits[k]) / scale / Double(analysis.rfm.frequency[k])
        }
        for (k, customer) in analysis.value.customers.enumerated() { tiers[Int(customer)] = analysis.value.tiers[k].rawValue }
        let channels = configuration.channels.costs.keys.sorted()
        var candidates: [PlanningCandidate] = []
        candidates.reserveCapacity(members.count)
        // Population indices below the snapshot's customer count are snapshot indices.
        for (id, populationIndex) in memberPairs {
            let profile = profiles[id]
            let consented = Set(channels.filter { ledger.status(of: id, for: .marketing, channel: $0, at: date).isGranted })
            var facts = ChannelFacts(
                consented: consented, preferred: profile?[.preferredChannel]?.stringValue.map { Channel($0) },
                age: profile?.age(on: analysis.asOf))
            for (channel, counts) in pastResponses[id] ?? [:] {
                facts.history[channel] = try ProportionCount(successes: counts.responded, trials: counts.sent)
            }
            var context: [String: TemplateValue] = ["name": .text(profile?.name ?? ""), "segment": .text(segmentID)]
            var value = 0.0
            if Int(populationIndex) < snapshot.customerCount {
                let index = Int(populationIndex)
                value = averageOrderValue[index]
                context["tier"] = .text(tiers[index])
                if let recommendations, index < recommendations.customerCount {
                    context["recommendations"] = .list(recommendations.items(forCustomer: index).map {
                        .record(["item": .text(snapshot.itemID(at: Int($0)).rawValue)])
                    })
                }
            }
            candidates.append(PlanningCandidate(
                customerID: id, channelFacts: facts,
                responseProbability: responseProbabilities[id] ?? configuration.defaultResponseProbability, value: value,
                context: context))
        }
        return candidates
    }
}

/// What ``MarketingEngine/deliver(_:via:actor:)`` did with a plan's messages.
public struct DeliveryReport: Sendable, Hashable {
    /// Customers whose message was delivered and recorded in the contact history.
    public var sent: [CustomerID]
    /// Messages held back at send time, with the reasons.
    public var heldBack: [Suppression]
    /// Messages the delivery did not accept.
    public var refusedByDelivery: Int
}

extension AuditAction {
    /// A campaign was planned (audience, messages, suppressions, cost).
    public static let campaignPlanned = AuditAction("campaignPlanned")
    /// A campaign's messages were handed to a delivery.
    public static let campaignDelivered = AuditAction("campaignDelivered")
}

extension DomainEventKind {
    /// A message was handed to the delivery and recorded in the contact history.
    public static let messageSent = DomainEventKind("messageSent")
}
