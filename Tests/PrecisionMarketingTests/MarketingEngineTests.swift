import Foundation
import PrecisionMarketing
import PrecisionMarketingTesting
import Testing

/// DESIGN.md principle 5, proved through the facade: no profiling after an objection, no
/// message without consent, no contact beyond the policy, erasure in every store.
@Suite("MarketingEngine: privacy on every path")
struct MarketingEngineTests {
    static let sendAt = Date(timeIntervalSince1970: 1_735_725_600)  // 2025-01-01 10:00 UTC
    static let asOf = CalendarDay(dayNumber: 20_089)  // 2025-01-01
    static let everyone = SegmentDefinition(id: "buyers") { SegmentCondition.orders(.greaterOrEqual(1)) }

    /// Customers c1…c8 with two orders each; email marketing consent for c1…c6; c7 gave
    /// none; c8 granted it but objected to profiling.
    static func engine(sink: RecordingEventSink = RecordingEventSink()) async throws -> MarketingEngine {
        let policy = try ContactPolicy(caps: [FrequencyCap.perDays(7, limit: 1, channel: .email)])
        let configuration = try MarketingEngineConfiguration(
            pseudonymKey: Array("engine-test-key-0123456789".utf8), contactPolicy: policy,
            channels: try ChannelChoice(costs: [.email: 0.1]), defaultResponseProbability: 0.2)
        let engine = try MarketingEngine(sink: sink, configuration: configuration)
        var csv = "customer_id,order_id,date,item_id,quantity,amount\n"
        for i in 1...8 {
            csv += "c\(i),o\(i)a,2024-06-0\(i),tea,1,\(10 * i).00\n"
            csv += "c\(i),o\(i)b,2024-11-1\(i % 10),cup,2,\(5 * i).50\n"
        }
        let report = try await engine.ingest(transactionsCSV: Array(csv.utf8))
        #expect(report.accepted == 16 && report.importReport?.rowsRejected == 0)
        var profiles: [CustomerProfile] = []
        for i in 1...8 {
            var profile = CustomerProfile(id: CustomerID("c\(i)"), createdAt: sendAt.addingTimeInterval(-86_400 * 400))
            let provenance = Provenance(ownership: .own, method: .customerUpdate, channel: .online, observedAt: profile.createdAt, source: "signup")
            profile.set(.name, to: .string("Customer \(i)"), provenance: provenance)
            profile.set(.email, to: .string("c\(i)@example.com"), provenance: provenance)
            profiles.append(profile)
        }
        _ = try await engine.ingest(profiles: profiles)
        let granted = sendAt.addingTimeInterval(-86_400 * 30)
        var consents = (1...6).map { i in
            ConsentRecord(
                id: ConsentRecordID("m\(i)"), customerID: CustomerID("c\(i)"), purpose: .marketing, channel: .email,
                decision: .granted, recordedAt: granted, method: .form)
        }
        consents.append(ConsentRecord(
            id: "m8", customerID: "c8", purpose: .marketing, channel: .email, decision: .granted, recordedAt: granted, method: .form))
        consents.append(ConsentRecord(
            id: "p8", customerID: "c8", purpose: .profiling, decision: .objected, recordedAt: granted, method: .preferenceCentre))
        try await engine.recordConsents(consents, actor: "crm-sync")
        return engine
    }

    static func campaign(_ id: String, holdout: Double = 0) throws -> Campaign {
        try Campaign(
            id: id, goal: "test", offer: Offer(id: "tea-10", description: "10% off tea", discountPercent: 10),
            content: ["default": [.email: try ContentTemplate("Dear {{name}}, {{offer.description}}")]],
            holdoutShare: holdout, budget: 1_000, sendAt: sendAt)
    }

    @Test func customerWhoObjectedToProfilingIsInNoScoreSegmentOrRecommendation() async throws {
        let engine = try await Self.engine()
        let analysis = try await engine.analyze(asOf: Self.asOf)
        #expect(analysis.excludedFromProfiling == ["c8"])
        #expect(analysis.snapshot.customerCount == 7)
        #expect(!(0..<analysis.snapshot.customerCount).map { analysis.snapshot.customerID(at: $0) }.contains("c8"))
        #expect(analysis.rfm.count == 7 && analysis.value.count == 7)
        #expect(try await engine.assessQuality(asOf: Self.asOf).customerCount == 8)  // data quality covers every profile
        let members = try await engine.evaluateSegment(Self.everyone, in: analysis)
        #expect(members == (1...7).map { CustomerID("c\($0)") })
        #expect(try engine.recommendations(in: analysis, count: 2).customerCount == 7)
        // c8 has marketing consent, but targeting by segment is profiling: never in an audience.
        let plan = try await engine.plan(try Self.campaign("spring"), audience: Self.everyone, in: analysis, actor: "test")
        #expect(!plan.messages.map(\.customerID).contains("c8") && !plan.suppressions.map(\.customerID).contains("c8"))
    }

    @Test func noMessageWithoutConsentForThePurposeAndChannel() async throws {
        let sink = RecordingEventSink()
        let engine = try await Self.engine(sink: sink)
        let analysis = try await engine.analyze(asOf: Self.asOf)
        let plan = try await engine.plan(try Self.campaign("spring"), audience: Self.everyone, in: analysis, actor: "test")
        #expect(plan.messages.map(\.customerID) == (1...6).map { CustomerID("c\($0)") })
        #expect(plan.suppressions.map(\.customerID) == ["c7"])
        #expect(plan.suppressions.first?.reasons.map(\.code) == ["noConsent"])
        #expect(plan.messages.first?.content == "Dear Customer 1, 10% off tea")
        #expect(sink.events.filter { $0.kind == .messageSuppressed }.map(\.customerID) == ["c7"])

        // c2 withdraws between planning and sending: the message is held back at send time.
        try await engine.recordConsents([ConsentRecord(
            id: "w2", customerID: "c2", purpose: .marketing, channel: .email, decision: .withdrawn,
            recordedAt: Self.sendAt.addingTimeInterval(-60), method: .unsubscribeLink)], actor: "crm-sync")
        let delivery = RecordingMessageDelivery()
        let report = try await engine.deliver(plan, via: delivery, actor: "test")
        #expect(report.sent == ["c1", "c3", "c4", "c5", "c6"])
        #expect(report.heldBack.map(\.customerID) == ["c2"] && report.heldBack.first?.reasons.map(\.code) == ["noConsent"])
        #expect(await delivery.delivered.map(\.customerID) == report.sent)
    }

    @Test func twoPlansMadeBeforeSendingNeverExceedTheCap() async throws {
        let engine = try await Self.engine()
        let analysis = try await engine.analyze(asOf: Self.asOf)
        let first = try await engine.plan(try Self.campaign("first"), audience: Self.everyone, in: analysis, actor: "test")
        let second = try await engine.plan(try Self.campaign("second"), audience: Self.everyone, in: analysis, actor: "test")
        #expect(first.messages.count == 6 && second.messages.count == 6)  // neither has been sent yet
        let delivery = RecordingMessageDelivery()
        #expect(try await engine.deliver(first, via: delivery, actor: "test").sent.count == 6)
        let late = try await engine.deliver(second, via: delivery, actor: "test")
        #expect(late.sent.isEmpty && late.heldBack.count == 6)
        #expect(late.heldBack.allSatisfy { $0.reasons.map(\.code) == ["cap"] })
        #expect(await delivery.delivered.count == 6)
        // A third plan now sees the cap already.
        let third = try await engine.plan(try Self.campaign("third"), audience: Self.everyone, in: analysis, actor: "test")
        #expect(third.messages.isEmpty)
        #expect(third.suppressions.filter { $0.reasons.map(\.code) == ["cap"] }.count == 6)
    }

    @Test func erasureReachesEveryStoreAndBlocksReimportAndContact() async throws {
        let engine = try await Self.engine()
        let analysis = try await engine.analyze(asOf: Self.asOf)
        let plan = try await engine.plan(try Self.campaign("autumn", holdout: 0.5), audience: Self.everyone, in: analysis, actor: "test")
        #expect(plan.holdout.sorted() == ["c1", "c3", "c6"])
        #expect(plan.messages.map(\.customerID) == ["c2", "c4", "c5"])
        _ = try await engine.deliver(plan, via: RecordingMessageDelivery(), actor: "test")
        _ = try await engine.ingest(orders: [Order(
            id: "o2c", customerID: "c2", date: Self.asOf.adding(days: 2),
            lines: [OrderLine(itemID: "tea", quantity: 1, amount: Money(minorUnits: 900, currency: .usd))])])
        _ = try await engine.recordResponses(try await engine.measure(plan, windowDays: 7))
        let stores = engine.stores
        #expect(try await stores.interactions.events(for: ["c2"], in: nil).count == 1)

        let receipt = try await engine.erase("c2", actor: "dpo", at: Self.sendAt.addingTimeInterval(86_400 * 10))
        let removed = Dictionary(uniqueKeysWithValues: receipt.stores.map { ($0.store, $0.recordsRemoved) })
        #expect(removed == [
            "customers": 1, "orders": 3, "interactions": 1, "consents": 1, "contactHistory": 1,
            "segmentMemberships": 1, "automationLedger": 0, "socialEvents": 0,
        ])
        #expect(try await stores.customers.profile(for: "c2") == nil)
        #expect(try await stores.orders.orders(for: ["c2"]).isEmpty)
        #expect(try await stores.interactions.events(for: ["c2"], in: nil).isEmpty)
        #expect(try await stores.consents.history(for: ["c2"]).isEmpty)
        #expect(try await stores.contactHistory.contacts(for: ["c2"], since: nil).isEmpty)
        #expect(try await stores.segmentMemberships.segments(of: ["c2"]).isEmpty)
        #expect(try await engine.auditLog.verify().isIntact)

        // Re-import is refused, by id and by email.
        let again = try await engine.ingest(transactionsCSV: Array("customer_id,order_id,date,item_id,quantity,amount\nc2,o9,2025-01-05,tea,1,3.00\nc3,o10,2025-01-05,tea,1,3.00\n".utf8))
        #expect(again.accepted == 1 && again.blockedErased == ["c2"])
        var returning = CustomerProfile(id: "c2-new", createdAt: Self.sendAt)
        returning.set(.email, to: .string("c2@example.com"), provenance: Provenance(
            ownership: .own, method: .customerUpdate, channel: .online, observedAt: Self.sendAt, source: "signup"))
        #expect(try await engine.ingest(profiles: [returning]).blockedErased == ["c2-new"])
        #expect(try await engine.contactGate.screen("c2", channel: .email, at: Self.sendAt).map(\.code).contains("erased"))
    }

    @Test func socialInfluenceFeedsTheValueScoreAndSegmentsButNeverForObjectors() async throws {
        let engine = try await Self.engine()
        let before = try await engine.analyze(asOf: Self.asOf)
        #expect(before.socialInfluence == nil)
        let at = Self.sendAt.addingTimeInterval(-86_400 * 5)
        var events = [
            SocialEvent(id: "f1", kind: .followerCount, customerID: "c1", platform: .weibo, occurredAt: at, followerCount: 1_000),
            SocialEvent(id: "f8", kind: .followerCount, customerID: "c8", platform: .weibo, occurredAt: at, followerCount: 500),
        ]
        for (k, author) in ["c3", "c4", "c5"].enumerated() {
            events.append(SocialEvent(
                id: EventID("m\(k)"), kind: .mention, customerID: CustomerID(author), platform: .weibo, occurredAt: at,
                targetCustomerID: "c2"))
        }
        // c5 mentions the objector c8, who must get no influence from it either.
        events.append(SocialEvent(id: "m8", kind: .mention, customerID: "c5", platform: .weibo, occurredAt: at, targetCustomerID: "c8"))
        // c3 and c4 are in the tea club; c4 left. c6 shares a referral code that c7 clicks and registers with.
        events += [
            SocialEvent(id: "j3", kind: .communityJoin, customerID: "c3", platform: .wechat, occurredAt: at, communityID: "tea-club"),
            SocialEvent(id: "j4", kind: .communityJoin, customerID: "c4", platform: .wechat, occurredAt: at, communityID: "tea-club"),
            SocialEvent(
                id: "l4", kind: .communityLeave, customerID: "c4", platform: .wechat, occurredAt: at.addingTimeInterval(60),
                communityID: "tea-club"),
            SocialEvent(id: "s6", kind: .share, customerID: "c6", platform: .wechat, occurredAt: at, referralCode: "R6"),
            SocialEvent(
                id: "k7", kind: .referralClick, customerID: "c7", platform: .wechat, occurredAt: at.addingTimeInterval(10),
                referralCode: "R6"),
            SocialEvent(
                id: "r7", kind: .registration, customerID: "c7", platform: .wechat, occurredAt: at.addingTimeInterval(20),
                referralCode: "R6"),
        ]
        #expect(try await engine.ingest(socialEvents: events).accepted == 12)
        let analysis = try await engine.analyze(asOf: Self.asOf)
        let influence = try #require(analysis.socialInfluence)
        #expect(!influence.customerIDs.contains("c8"))  // objected to profiling
        #expect(abs((influence.score(for: "c1") ?? 0) - 0.2 * log(1_001.0)) < 1e-12)
        #expect(abs((influence.score(for: "c2") ?? 0) - 0.3 * log(4.0)) < 1e-12)
        // The value score now counts social influence: c1's score rises, nobody else's order changes it.
        func score(_ result: ValueScoreResult, _ snapshot: CustomerSnapshot, _ id: CustomerID) -> Double {
            let index = snapshot.makeCustomerIndex()[id] ?? -1
            return result.customers.firstIndex(of: Int32(index)).map { result.scores[$0] } ?? .nan
        }
        #expect(score(analysis.value, analysis.snapshot, "c1") > score(before.value, before.snapshot, "c1"))
        let influencers = SegmentDefinition(id: "influencers") {
            SegmentCondition.score(MarketingEngine.socialInfluenceScore, .greaterOrEqual(0.5))
        }
        #expect(try await engine.evaluateSegment(influencers, in: analysis) == ["c1"])
        // Segment conditions on social behaviour: community membership, KOL tier, recent shares.
        let club = SegmentDefinition(id: "tea-club") {
            SegmentCondition.score(MarketingEngine.communityScorePrefix + "tea-club", .greaterOrEqual(1))
        }
        #expect(try await engine.evaluateSegment(club, in: analysis) == ["c3"])
        let kols = SegmentDefinition(id: "kols") { SegmentCondition.score(MarketingEngine.kolTierScore, .lessOrEqual(1)) }
        #expect(try await engine.evaluateSegment(kols, in: analysis) == ["c6"])
        let sharers = SegmentDefinition(id: "sharers") { SegmentCondition.events(.share, inLast: 30, .greaterOrEqual(1)) }
        #expect(try await engine.evaluateSegment(sharers, in: analysis) == ["c6"])
        // Erasure reaches the social events where the customer acts or is the target.
        let receipt = try await engine.erase("c2", actor: "dpo", at: Self.sendAt)
        #expect(receipt.stores.first { $0.store == "socialEvents" }?.recordsRemoved == 3)
        #expect(try await engine.ingest(socialEvents: [SocialEvent(
            id: "m9", kind: .mention, customerID: "c3", platform: .weibo, occurredAt: at, targetCustomerID: "c2")]).blockedErased == ["c2"])
    }

    @Test func badRowsAreRejectedWithTheirLineAndValidRowsKept() async throws {
        let engine = try await Self.engine()
        let csv = "customer_id,order_id,date,item_id,quantity,amount\nc9,o91,2024-12-01,tea,1,4.00\nc9,o92,2024-13-01,tea,1,4.00\n"
        let report = try await engine.ingest(transactionsCSV: Array(csv.utf8))
        #expect(report.accepted == 1)
        #expect(report.importReport?.rejections.map(\.line) == [3])
        #expect(try await engine.stores.orders.orders(for: ["c9"]).map(\.id) == ["o91"])
    }
}

@Suite("MarketingEngine: measured lift and feedback")
struct MarketingEngineMeasurementTests {
    /// 4,000 customers with consent, half held out; the treated buy with probability 0.30,
    /// the holdout with 0.10: the measured difference's interval must contain the true 0.20.
    @Test func measuredLiftRecoversTheSimulatedEffect() async throws {
        let configuration = try MarketingEngineConfiguration(
            pseudonymKey: Array("engine-lift-key-0123456789".utf8), contactPolicy: try ContactPolicy(),
            channels: try ChannelChoice(costs: [.email: 0.05]))
        let engine = try MarketingEngine(configuration: configuration)
        let sendAt = MarketingEngineTests.sendAt
        var csv = "customer_id,order_id,date,item_id,quantity,amount\n"
        var consents: [ConsentRecord] = []
        for i in 0..<4_000 {
            csv += "k\(i),h\(i),2024-10-0\(1 + i % 9),tea,1,12.00\n"
            consents.append(ConsentRecord(
                id: ConsentRecordID("g\(i)"), customerID: CustomerID("k\(i)"), purpose: .marketing, channel: .email,
                decision: .granted, recordedAt: sendAt.addingTimeInterval(-86_400), method: .form))
        }
        _ = try await engine.ingest(transactionsCSV: Array(csv.utf8))
        try await engine.recordConsents(consents, actor: "test")
        let analysis = try await engine.analyze(asOf: MarketingEngineTests.asOf)
        let campaign = try Campaign(
            id: "lift", goal: "test", offer: Offer(id: "o", description: "offer"),
            content: ["default": [.email: try ContentTemplate("Hello")]], holdoutShare: 0.5, budget: 10_000, sendAt: sendAt)
        let plan = try await engine.plan(campaign, audience: MarketingEngineTests.everyone, in: analysis, actor: "test")
        #expect(plan.messages.count + plan.holdout.count == 4_000)
        #expect(abs(Double(plan.holdout.count) / 4_000 - 0.5) < 0.03)
        _ = try await engine.deliver(plan, via: RecordingMessageDelivery(), actor: "test")

        var generator = SeededGenerator(seed: 7)
        let treated = Set(plan.messages.map(\.customerID))
        var responses: [Order] = []
        for i in 0..<4_000 {
            let id = CustomerID("k\(i)")
            let p = treated.contains(id) ? 0.30 : 0.10
            if Double.random(in: 0..<1, using: &generator) < p {
                responses.append(Order(
                    id: OrderID("r\(i)"), customerID: id, date: MarketingEngineTests.asOf.adding(days: 3),
                    lines: [OrderLine(itemID: "tea", quantity: 1, amount: Money(minorUnits: 2_000, currency: .usd))]))
            }
        }
        _ = try await engine.ingest(orders: responses)
        let result = try await engine.measure(plan, windowDays: 14)
        #expect(result.treated.count == plan.messages.count && result.holdout == plan.holdout.sorted())
        #expect(result.lift.response.differenceInterval.contains(0.20))
        #expect(abs(result.lift.response.difference - 0.20) < 0.04)
        #expect(result.lift.response.pValue < 1e-6)
        // Revenue: 20.00 per responder, so the revenue difference is 20 × the response difference.
        #expect(abs((result.lift.revenueDifference ?? 0) - 20 * result.lift.response.difference) < 1e-9)
        #expect(result.responders.count == responses.count)

        let feedback = try await engine.recordResponses(result)
        let treatedResponders = result.treated.filter(result.responders.contains).count
        #expect(feedback.contactRecordsUpdated == treatedResponders && feedback.responseEventsAppended == treatedResponders)
        #expect(feedback.customerIDs.count == 4_000 && feedback.treated.filter { $0 }.count == result.treated.count)
        #expect(feedback.responded.filter { $0 }.count == responses.count)
        // Recording twice changes nothing: the records already carry their response.
        #expect(try await engine.recordResponses(result).contactRecordsUpdated == 0)
    }
}
