// --campaign [--customers N]: planning one campaign for N customers through MarketingEngine
// (segment, consent, contact policy, channel choice, rendering, budget selection, audit),
// and the demo's whole loop is timed by running `precision demo --customers 100000`.
import Foundation
import PrecisionMarketing

enum CampaignBenchmark {
    static func run(customers: Int, repetitions: Int) async throws {
        let clock = ContinuousClock()
        let sendAt = Date(timeIntervalSince1970: 1_735_725_600)  // 2025-01-01 10:00 UTC
        let asOf = CalendarDay(dayNumber: 20_089)
        let policy = try ContactPolicy(caps: [FrequencyCap.perDays(7, limit: 1)], quietHours: QuietHours(fromHour: 21, toHour: 8))
        let configuration = try MarketingEngineConfiguration(
            pseudonymKey: Array("campaign-benchmark-key-0123".utf8), contactPolicy: policy,
            channels: try ChannelChoice(costs: [.email: 0.05, .sms: 0.10]))
        let engine = try MarketingEngine(configuration: configuration)
        let setupStart = clock.now
        var orders: [Order] = []
        var consents: [ConsentRecord] = []
        var contacts: [ContactRecord] = []
        orders.reserveCapacity(customers)
        for i in 0..<customers {
            let id = CustomerID("C\(i)")
            orders.append(Order(
                id: OrderID("O\(i)"), customerID: id, date: CalendarDay(dayNumber: Int32(19_724 + i % 365)),
                lines: [OrderLine(itemID: ItemID("I\(i % 2_000)"), quantity: 1, amount: Money(minorUnits: Int64(1_000 + i % 9_000), currency: .usd))]))
            if i % 10 != 0 {
                consents.append(ConsentRecord(
                    id: ConsentRecordID("E\(i)"), customerID: id, purpose: .marketing, channel: .email, decision: .granted,
                    recordedAt: sendAt.addingTimeInterval(-86_400 * 100), method: .form))
            }
            if i % 3 == 0 {
                consents.append(ConsentRecord(
                    id: ConsentRecordID("S\(i)"), customerID: id, purpose: .marketing, channel: .sms, decision: .granted,
                    recordedAt: sendAt.addingTimeInterval(-86_400 * 100), method: .form))
            }
            if i % 7 == 0 {
                contacts.append(ContactRecord(
                    id: ContactRecordID("K\(i)"), customerID: id, channel: .email, sentAt: sendAt.addingTimeInterval(-86_400 * 2)))
            }
        }
        _ = try await engine.ingest(orders: orders)
        try await engine.stores.consents.append(consents)
        try await engine.stores.contactHistory.append(contacts)
        let analysis = try await engine.analyze(asOf: asOf)
        print("campaign setup: \(customers) customers, \(consents.count) consents, \(contacts.count) recent contacts, "
            + "ingest and analysis \(format3(seconds(setupStart.duration(to: clock.now)))) s")

        let audience = SegmentDefinition(id: "bought-this-year") { SegmentCondition.orders(inLast: 365, .greaterOrEqual(1)) }
        var best = Double.infinity
        var line = ""
        for round in 0..<repetitions {
            let campaign = try Campaign(
                id: "benchmark-\(round)", goal: "benchmark", offer: Offer(id: "OFF10", description: "10% off", discountPercent: 10),
                content: ["default": [
                    .email: try ContentTemplate("<p>Hi {{name}}, {{offer.description}} for our {{tier}} customers</p>"),
                    .sms: try ContentTemplate("Hi {{name}}: {{offer.description}} ({{offer.id}})"),
                ]],
                holdoutShare: 0.1, budget: Double(customers) * 0.03, sendAt: sendAt)
            let start = clock.now
            let plan = try await engine.plan(campaign, audience: audience, in: analysis, actor: "benchmark")
            let elapsed = seconds(start.duration(to: clock.now))
            best = min(best, elapsed)
            var reasons: [String: Int] = [:]
            for suppression in plan.suppressions { for reason in suppression.reasons { reasons[reason.code, default: 0] += 1 } }
            line = "messages=\(plan.messages.count) cost=\(format3(plan.totalCost)) suppressed="
                + reasons.keys.sorted().map { "\($0):\(reasons[$0] ?? 0)" }.joined(separator: ",")
        }
        print("campaign plan (segment, consent, policy, channel, render, budget) for \(customers) customers: "
            + "best \(format3(best)) s; \(line); peak \(format3(peakResidentMiB())) MiB")

        // Where the time goes: the public steps the plan is made of, one at a time.
        var mark = clock.now
        func lap() -> String {
            let now = clock.now
            defer { mark = now }
            return format3(seconds(mark.duration(to: now)))
        }
        let members = try await engine.evaluateSegment(audience, in: analysis)
        let segmentTime = lap()
        let ledger = try await engine.stores.consents.ledger(for: members)
        let ledgerTime = lap()
        let requests = members.map { (customerID: $0, channel: Channel.email) }
        _ = try await engine.contactGate.evaluator.evaluate(requests, at: sendAt, consentLedger: ledger)
        let gateTime = lap()
        let template = try ContentTemplate("<p>Hi {{name}}, {{offer.description}} for our {{tier}} customers</p>")
        for id in members {
            _ = try template.render(
                ["name": .text(id.rawValue), "tier": "high", "offer": ["description": "10% off"]], escaping: .html)
        }
        let renderTime = lap()
        print("campaign plan steps: segment and membership \(segmentTime) s, consent ledger \(ledgerTime) s, "
            + "gate (erasure, consent, policy) \(gateTime) s, rendering \(renderTime) s")
    }
}
