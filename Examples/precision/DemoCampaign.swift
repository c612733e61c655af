#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PrecisionMarketing
import PrecisionMarketingTesting

/// The demo's campaign round through ``MarketingEngine``: plan a consent-gated campaign
/// with a holdout for the active buyers, deliver it to a recorder, simulate who buys
/// (a known true uplift), measure the lift against the holdout, and feed the responses
/// back for the next round.
///
/// The simulated response: a customer buys within 14 days of the send with a baseline
/// probability by value tier (high 10%, medium 6%, low 3%), plus ``trueUplift`` if they
/// were contacted. The holdout is a random half of nothing but the hash, so the expected
/// difference of the two response rates is exactly ``trueUplift``; the measured interval
/// should contain it (95% of seeds do).
enum DemoCampaign {
    static let trueUplift = 0.03
    static let baseline: [ValueTier: Double] = [.high: 0.10, .medium: 0.06, .low: 0.03]
    static let windowDays = 14

    static let activeBuyers = SegmentDefinition(id: "active-buyers") { SegmentCondition.orders(inLast: 365, .greaterOrEqual(1)) }
    static let responders = SegmentDefinition(id: "campaign-responders") {
        SegmentCondition.events(.campaignResponse, inLast: 30, .greaterOrEqual(1))
    }

    /// Marketing consent per channel and profiling objections, drawn with the seed: email
    /// 70%, SMS 35%, social media 30%, direct mail 20%; 2% object to profiling.
    static func consents(for profiles: [CustomerProfile], at date: Date, seed: UInt64) -> [ConsentRecord] {
        var generator = SeededGenerator(seed: seed, stream: 17)
        var records: [ConsentRecord] = []
        let shares: [(Channel, Double)] = [(.email, 0.70), (.sms, 0.35), (.socialMedia, 0.30), (.directMail, 0.20)]
        for profile in profiles {
            for (channel, share) in shares where Double.random(in: 0..<1, using: &generator) < share {
                records.append(ConsentRecord(
                    id: ConsentRecordID("\(profile.id.rawValue):marketing:\(channel.name)"), customerID: profile.id,
                    purpose: .marketing, channel: channel, decision: .granted, recordedAt: date, method: .form))
            }
            if Double.random(in: 0..<1, using: &generator) < 0.02 {
                records.append(ConsentRecord(
                    id: ConsentRecordID("\(profile.id.rawValue):profiling"), customerID: profile.id, purpose: .profiling,
                    decision: .objected, recordedAt: date, method: .preferenceCentre))
            }
        }
        return records
    }

    static func configuration(currency: Currency) throws -> MarketingEngineConfiguration {
        let policy = try ContactPolicy(
            caps: [FrequencyCap.perDays(7, limit: 2)], quietHours: QuietHours(fromHour: 21, toHour: 8))
        return try MarketingEngineConfiguration(
            pseudonymKey: Array("precision-demo-pseudonym-key".utf8), currency: currency, contactPolicy: policy,
            channels: try ChannelChoice(costs: [.email: 0.05, .sms: 0.10, .socialMedia: 0.02, .directMail: 0.80]))
    }

    static func campaign(sendAt: Date) throws -> Campaign {
        let body = "Hi {{name}}, {{offer.description}}.{{#recommendations}} {{item}}{{/recommendations}}"
        return try Campaign(
            id: "demo-winter", goal: "bring active buyers back before the season ends",
            offer: Offer(id: "WINTER10", description: "10% off your next order", discountPercent: 10),
            content: ["default": [
                .email: try ContentTemplate("<p>" + body + "</p>"), .sms: try ContentTemplate(body),
                .socialMedia: try ContentTemplate(body), .directMail: try ContentTemplate(body),
            ]],
            holdoutShare: 0.2, budget: 1_000_000, sendAt: sendAt)
    }

    /// Runs the round.
    static func run(
        engine: MarketingEngine, analysis: MarketingAnalysis, catalogue: [ItemID], seed: UInt64, progress: inout DemoProgress
    ) async throws -> DemoSummary.CampaignSummary {
        let sendAt = analysis.asOf.startUTC.addingTimeInterval(10 * 3_600)
        progress.step("recommendations for the campaign content")
        let recommendations = try engine.recommendations(in: analysis, count: 3)
        progress.step("planning the campaign")
        let plan = try await engine.plan(
            try campaign(sendAt: sendAt), audience: activeBuyers, in: analysis, actor: "demo", recommendations: recommendations)
        progress.step("delivering \(plan.messages.count) messages to a recorder")
        let delivery = RecordingMessageDelivery()
        let delivered = try await engine.deliver(plan, via: delivery, actor: "demo")

        progress.step("simulating responses")
        let tierOf = Dictionary(
            analysis.value.customers.enumerated().map { (analysis.snapshot.customerID(at: Int($1)), analysis.value.tiers[$0]) },
            uniquingKeysWith: { first, _ in first })
        let sent = Set(delivered.sent)
        var generator = SeededGenerator(seed: seed, stream: 29)
        var orders: [Order] = []
        for id in (plan.messages.map(\.customerID) + plan.holdout).sorted() {
            let p = (baseline[tierOf[id] ?? .low] ?? 0.03) + (sent.contains(id) ? trueUplift : 0)
            let draw = Double.random(in: 0..<1, using: &generator)
            let day = Int.random(in: 0..<windowDays, using: &generator)
            let item = catalogue[Int.random(in: 0..<catalogue.count, using: &generator)]
            let cents = Int64.random(in: 1_500...6_000, using: &generator)
            guard draw < p else { continue }
            orders.append(Order(
                id: OrderID("demo-winter-\(id.rawValue)"), customerID: id, date: analysis.asOf.adding(days: day),
                lines: [OrderLine(itemID: item, quantity: 1, amount: Money(minorUnits: cents, currency: analysis.snapshot.currency))]))
        }
        _ = try await engine.ingest(orders: orders)

        progress.step("measuring lift against the holdout")
        let result = try await engine.measure(plan, windowDays: windowDays)
        progress.step("feeding responses into the next round")
        let feedback = try await engine.recordResponses(result)
        let nextRound = try await engine.analyze(asOf: analysis.asOf.adding(days: windowDays))
        let responders = try await engine.evaluateSegment(Self.responders, in: nextRound)
        return DemoSummary.CampaignSummary(
            plan: plan, delivered: delivered, result: result, feedback: feedback, respondersSegment: responders.count,
            audience: plan.messages.count + plan.suppressions.count, excludedFromProfiling: analysis.excludedFromProfiling.count,
            sample: await delivery.delivered.first)
    }
}
