import Campaigns
import CustomerModel
import Foundation
import Privacy
import Testing

@Suite("Campaign planning")
struct CampaignPlannerTests {
    /// A gate that blocks listed customers with a reason, as the Privacy module's would.
    struct ListGate: ContactGate {
        let blocked: [CustomerID: PlanExclusion]
        func screen(_ customerID: CustomerID, channel: Channel, at: Date) async throws -> [PlanExclusion] {
            blocked[customerID].map { [$0] } ?? []
        }
    }

    static func campaign(holdout: Double, budget: Double) throws -> Campaign {
        try Campaign(
            id: "spring-tea", goal: "win back tea buyers", offer: Offer(id: "TEA15", description: "15% off tea", discountPercent: 15),
            content: [
                "default": [
                    .email: try ContentTemplate("<p>Hi {{name}}, {{offer.description}} with code {{offer.id}}</p>"),
                    .sms: try ContentTemplate("Hi {{name}}: {{offer.discount}}% off, code {{offer.id}}"),
                ],
            ],
            holdoutShare: holdout, budget: budget, sendAt: Date(timeIntervalSince1970: 1_767_000_000))
    }

    static func audience(_ n: Int) -> [PlanningCandidate] {
        (0..<n).map { i in
            PlanningCandidate(
                customerID: CustomerID("c\(i)"),
                channelFacts: ChannelFacts(consented: i % 5 == 4 ? [] : (i % 2 == 0 ? [.email] : [.sms])),
                responseProbability: 0.1, value: 100, context: ["name": .text(i == 7 ? "<b>Bo</b>" : "C\(i)")])
        }
    }

    @Test func planCarriesEveryReasonAndNeverContactsTheHoldout() async throws {
        let planner = CampaignPlanner(channels: try ChannelChoice(costs: [.email: 0.5, .sms: 2]))
        let sink = RecordingEventSink()
        let audience = Self.audience(400)
        let plan = try await planner.plan(
            try Self.campaign(holdout: 0.1, budget: 1_000_000), audience: audience,
            gate: ListGate(blocked: ["c1": PlanExclusion(code: "quietHours", detail: "22:00–08:00 Europe/Berlin")]),
            sink: sink)
        let holdout = Set(plan.holdout)
        #expect(holdout.count > 20 && holdout.count < 60)
        #expect(plan.messages.allSatisfy { !holdout.contains($0.customerID) })
        // Every audience member is either messaged or suppressed with a reason.
        #expect(plan.messages.count + plan.suppressions.count == audience.count)
        #expect(plan.suppressions.allSatisfy { !$0.reasons.isEmpty })
        let byCustomer = Dictionary(uniqueKeysWithValues: plan.suppressions.map { ($0.customerID, $0.reasons) })
        if !holdout.contains("c1") { #expect(byCustomer["c1"]?.first?.code == "quietHours") }
        if !holdout.contains("c4") { #expect(byCustomer["c4"] == [.noConsentedChannel]) }
        // One offer id on every channel; content escaped per channel.
        #expect(Set(plan.messages.map(\.offerID)) == ["TEA15"])
        let c7 = plan.messages.first { $0.customerID == "c7" }
        if let c7 { #expect(c7.channel == .sms && c7.content == "Hi <b>Bo</b>: 15% off, code TEA15") }
        let c2 = plan.messages.first { $0.customerID == "c2" }
        if let c2 { #expect(c2.channel == .email && c2.content == "<p>Hi C2, 15% off tea with code TEA15</p>") }
        // The sink saw one event per message and per suppression.
        let events = sink.events
        #expect(events.filter { $0.kind == .messagePlanned }.count == plan.messages.count)
        #expect(events.filter { $0.kind == .messageSuppressed }.count == plan.suppressions.count)
        // Same input, same plan.
        let again = try await planner.plan(
            try Self.campaign(holdout: 0.1, budget: 1_000_000), audience: audience,
            gate: ListGate(blocked: ["c1": PlanExclusion(code: "quietHours", detail: "22:00–08:00 Europe/Berlin")]))
        #expect(again == plan)
    }

    @Test func budgetLimitsAndCheapestValueFirst() async throws {
        let planner = CampaignPlanner(channels: try ChannelChoice(costs: [.email: 0.5, .sms: 2]))
        let plan = try await planner.plan(
            try Self.campaign(holdout: 0, budget: 10), audience: Self.audience(40), gate: ListGate(blocked: [:]))
        // Email (value per cost 19) goes first: the 16 email customers cost 8; one SMS (4.5)
        // fits in the 2 left; the other 15 SMS customers are over budget.
        #expect(plan.messages.filter { $0.channel == .email }.count == 16)
        #expect(plan.messages.filter { $0.channel == .sms }.count == 1)
        #expect(plan.totalCost == 10)
        #expect(plan.suppressions.filter { $0.reasons == [.overBudget] }.count == 15)
        let delivery = RecordingMessageDelivery()
        let accepted = await delivery.deliver(plan.messages)
        #expect(accepted.count == plan.messages.count)
        #expect(await delivery.delivered == plan.messages)
    }

    @Test func missingTemplateFieldsSuppressWithTheirReason() async throws {
        var campaign = try Self.campaign(holdout: 0, budget: 100)
        campaign.content["default"]?[.email] = try ContentTemplate("Hi {{firstName}}")
        let planner = CampaignPlanner(channels: try ChannelChoice(costs: [.email: 0.5]))
        let plan = try await planner.plan(campaign, audience: Array(Self.audience(3)), gate: ListGate(blocked: [:]))
        #expect(plan.messages.isEmpty)
        #expect(plan.suppressions.first?.reasons.first?.code == "content")
        #expect(plan.suppressions.first?.reasons.first?.detail.contains("firstName") == true)
        #expect(throws: CampaignError.self) {
            try Campaign(id: "x", goal: "", offer: Offer(id: "o", description: ""), content: [:], holdoutShare: 0, budget: 0, sendAt: Date())
        }
    }
}

@Suite("Campaign planning through the Privacy gate")
struct PrivacyGatedPlanningTests {
    @Test func privacyReasonsReachThePlan() async throws {
        let history = InMemoryContactHistoryStore()
        let sendAt = Date(timeIntervalSince1970: 1_767_000_000)  // 2025-12-29 09:20 UTC
        try await history.append(ContactRecord(
            id: ContactRecordID("k1"), customerID: "c2", channel: .email, sentAt: sendAt.addingTimeInterval(-86_400)))
        let policy = try ContactPolicy(
            caps: [FrequencyCap(channel: .email, limit: 1, windowSeconds: 7 * 86_400)], doNotContact: ["c0"])
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        let gate = PrivacyContactGate(evaluator: ContactPolicyEvaluator(
            policy: policy, history: history, timeZones: ["c4": tokyo]))
        let quiet = try ContactPolicy(
            caps: policy.caps, quietHours: QuietHours(fromHour: 18, toHour: 8), doNotContact: policy.doNotContact)
        let audience = (0..<5).map { i in
            PlanningCandidate(
                customerID: CustomerID("c\(i)"), channelFacts: ChannelFacts(consented: [.email]), responseProbability: 0.2,
                value: 100, context: ["name": .text("C\(i)")])
        }
        let planner = CampaignPlanner(channels: try ChannelChoice(costs: [.email: 0.1]))
        let campaign = try CampaignPlannerTests.campaign(holdout: 0, budget: 100)
        let plan = try await planner.plan(campaign, audience: audience, gate: gate)
        let reasons = Dictionary(uniqueKeysWithValues: plan.suppressions.map { ($0.customerID, $0.reasons.map(\.code)) })
        #expect(reasons == ["c0": ["doNotContact"], "c2": ["cap"]])
        #expect(plan.messages.map(\.customerID) == ["c1", "c3", "c4"])
        // 09:20 UTC is 18:20 in Tokyo: inside quiet hours there, not in UTC.
        let quietGate = PrivacyContactGate(evaluator: ContactPolicyEvaluator(
            policy: quiet, history: history, timeZones: ["c4": tokyo]))
        let quietPlan = try await planner.plan(campaign, audience: audience, gate: quietGate)
        #expect(quietPlan.suppressions.first { $0.customerID == "c4" }?.reasons.map(\.code) == ["quietHours"])
        #expect(quietPlan.messages.map(\.customerID) == ["c1", "c3"])
    }
}
