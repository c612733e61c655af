import Foundation
import Testing
import CustomerModel
import Privacy
import PrecisionMarketingTesting

@Suite struct ContactPolicyTests {
    @Test func inMemoryStorePassesTheConformanceSuite() async throws {
        try await ContactHistoryStoreConformance { InMemoryContactHistoryStore() }.run()
    }

    static func sent(_ id: String, _ customer: String, hoursBefore: Double, from: Date, channel: Channel = .email, responded: Bool = false) -> ContactRecord {
        let at = from.addingTimeInterval(-hoursBefore * 3_600)
        return ContactRecord(id: ContactRecordID(id), customerID: CustomerID(customer), channel: channel, sentAt: at,
                             respondedAt: responded ? at.addingTimeInterval(600) : nil)
    }

    /// 2024-03-06 15:00 UTC, a Wednesday afternoon.
    static let now = Date(timeIntervalSince1970: 1_709_737_200)

    @Test func capsAndGapReportEveryReason() async throws {
        let history = InMemoryContactHistoryStore()
        try await history.append([
            Self.sent("1", "ann", hoursBefore: 24 * 6, from: Self.now),
            Self.sent("2", "ann", hoursBefore: 24 * 3, from: Self.now, responded: true),
            Self.sent("3", "ann", hoursBefore: 2, from: Self.now, channel: .sms),
        ])
        let policy = try ContactPolicy(caps: [.perDays(7, limit: 3), .perDays(7, limit: 2, channel: .email), .perDays(1, limit: 1, channel: .sms)],
                                       minimumGapSeconds: 4 * 3_600)
        let evaluator = ContactPolicyEvaluator(policy: policy, history: history)
        let email = try await evaluator.evaluate("ann", channel: .email, at: Self.now)
        #expect(email.reasons == [
            .frequencyCap(.perDays(7, limit: 3), sent: 3),
            .frequencyCap(.perDays(7, limit: 2, channel: .email), sent: 2),
            .minimumGap(lastContactAt: Self.now.addingTimeInterval(-2 * 3_600), requiredSeconds: 4 * 3_600),
        ])
        let sms = try await evaluator.evaluate("ann", channel: .sms, at: Self.now)
        #expect(sms.reasons.count == 3)  // overall cap, sms daily cap, gap
        // Eight days later every window has rolled past.
        #expect(try await evaluator.evaluate("ann", channel: .email, at: Self.now.addingTimeInterval(8 * 86_400)).isAllowed)
        #expect(try await evaluator.evaluate("bob", channel: .email, at: Self.now).isAllowed)
    }

    @Test func quietHoursFollowTheCustomersZoneAcrossDaylightSaving() async throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let policy = try ContactPolicy(quietHours: QuietHours(fromHour: 21, toHour: 8))
        let evaluator = ContactPolicyEvaluator(policy: policy, history: InMemoryContactHistoryStore(), timeZones: ["ann": newYork])
        // 12:30 UTC is 07:30 EST on Saturday 2024-03-09 (quiet), but 08:30 EDT on Sunday
        // 2024-03-10, after clocks went forward at 02:00 local (allowed).
        let saturday = Date(timeIntervalSince1970: 1_709_987_400)
        let sunday = saturday.addingTimeInterval(86_400)
        #expect(try await evaluator.evaluate("ann", channel: .sms, at: saturday).reasons == [.quietHours(localMinute: 7 * 60 + 30, timeZone: "America/New_York")])
        #expect(try await evaluator.evaluate("ann", channel: .sms, at: sunday).isAllowed)
        // The same instants for a customer in UTC: 12:30 both days, allowed.
        #expect(try await evaluator.evaluate("bob", channel: .sms, at: saturday).isAllowed)
        // And back in November: 12:30 UTC is 08:30 EDT on Saturday 2024-11-02, 07:30 EST on Sunday 2024-11-03.
        let november = Date(timeIntervalSince1970: 1_730_550_600)
        #expect(try await evaluator.evaluate("ann", channel: .sms, at: november).isAllowed)
        #expect(!(try await evaluator.evaluate("ann", channel: .sms, at: november.addingTimeInterval(86_400)).isAllowed))
    }

    @Test func fatigueCountsTheLatestUnansweredMessages() async throws {
        let history = InMemoryContactHistoryStore()
        try await history.append([
            Self.sent("1", "ann", hoursBefore: 24 * 10, from: Self.now),
            Self.sent("2", "ann", hoursBefore: 24 * 8, from: Self.now, responded: true),
            Self.sent("3", "ann", hoursBefore: 24 * 6, from: Self.now),
            Self.sent("4", "ann", hoursBefore: 24 * 4, from: Self.now),
            Self.sent("5", "ann", hoursBefore: 24 * 2, from: Self.now),
        ])
        let policy = try ContactPolicy(fatigue: FatigueRule(unansweredLimit: 3, windowSeconds: 30 * 86_400))
        let evaluator = ContactPolicyEvaluator(policy: policy, history: history)
        #expect(try await evaluator.evaluate("ann", channel: .email, at: Self.now).reasons == [.fatigue(unanswered: 3)])
        // A response to message 5 resets the run of unanswered messages.
        try await history.append(Self.sent("5", "ann", hoursBefore: 24 * 2, from: Self.now, responded: true))
        #expect(try await evaluator.evaluate("ann", channel: .email, at: Self.now).isAllowed)
    }

    @Test func doNotContactAndConsentAreReasonsToo() async throws {
        let consents = InMemoryConsentStore()
        try await consents.append(Fixture.consent("1", "bob", .marketing, .email, hours: -1000))
        let gate = PurposeGate(registry: .standard, consents: consents)
        let policy = try ContactPolicy(doNotContact: ["ann"])
        let evaluator = ContactPolicyEvaluator(policy: policy, history: InMemoryContactHistoryStore(), gate: gate)
        #expect(try await evaluator.evaluate("ann", channel: .email, at: Self.now).reasons
            == [.doNotContact, .consent([.consent(.marketing, channel: .email)])])
        #expect(try await evaluator.evaluate("bob", channel: .email, at: Self.now).isAllowed)
        #expect(try await evaluator.evaluate("bob", channel: .sms, at: Self.now).reasons == [.consent([.consent(.marketing, channel: .sms)])])
    }

    @Test func invalidPoliciesAreRefused() {
        #expect(throws: PrivacyError.self) { try ContactPolicy(caps: [.perDays(7, limit: 0)]) }
        #expect(throws: PrivacyError.self) { try ContactPolicy(caps: [.perDays(-1, limit: 2)]) }
        #expect(throws: PrivacyError.self) { try ContactPolicy(minimumGapSeconds: .nan) }
        #expect(throws: PrivacyError.self) { try ContactPolicy(quietHours: QuietHours(startMinute: 1_440, endMinute: 0)) }
        #expect(throws: PrivacyError.self) { try ContactPolicy(fatigue: FatigueRule(unansweredLimit: 0, windowSeconds: 1)) }
    }

    /// The bulk screen and the per-customer evaluator agree customer by customer.
    @Test func audienceScreenAgreesWithTheEvaluator() async throws {
        var rng = SeededGenerator(seed: 7)
        let customers = (0..<300).map { CustomerID("c-\($0)") }
        var contacts: [ContactRecord] = []
        var consentRecords: [ConsentRecord] = []
        let channels: [Channel] = [.email, .sms, .appPush]
        for (index, id) in customers.enumerated() {
            for m in 0..<Int.random(in: 0...6, using: &rng) {
                contacts.append(ContactRecord(id: ContactRecordID("\(id)-\(m)"), customerID: id, channel: channels.randomElement(using: &rng)!,
                                              sentAt: Self.now.addingTimeInterval(-Double.random(in: 0...(20 * 86_400), using: &rng)),
                                              respondedAt: Bool.random(using: &rng) ? Self.now.addingTimeInterval(-3_600) : nil))
            }
            if index % 3 != 0 {
                consentRecords.append(ConsentRecord(id: ConsentRecordID("k-\(index)"), customerID: id, purpose: .marketing, channel: .email,
                                                    decision: index % 7 == 0 ? .withdrawn : .granted,
                                                    recordedAt: Self.now.addingTimeInterval(-30 * 86_400), method: .form))
            }
        }
        let zones = customers.indices.map { $0 % 2 == 0 ? TimeZone(identifier: "Asia/Shanghai") : TimeZone(identifier: "America/New_York") }
        let policy = try ContactPolicy(caps: [.perDays(7, limit: 2), .perDays(3, limit: 1, channel: .email)], minimumGapSeconds: 86_400,
                                       quietHours: QuietHours(fromHour: 22, toHour: 8), fatigue: FatigueRule(unansweredLimit: 2, windowSeconds: 14 * 86_400),
                                       doNotContact: ["c-5", "c-6"])
        let history = InMemoryContactHistoryStore()
        try await history.append(contacts)
        let consentStore = InMemoryConsentStore()
        try await consentStore.append(consentRecords)
        var zoneMap: [CustomerID: TimeZone] = [:]
        for (id, zone) in zip(customers, zones) { zoneMap[id] = zone }
        let evaluator = ContactPolicyEvaluator(policy: policy, history: history, gate: PurposeGate(registry: .standard, consents: consentStore),
                                               timeZones: zoneMap)
        let columns = try ContactColumns(customerIDs: customers, contacts: contacts, timeZones: zones)
        let matrix = try ConsentMatrix(customerIDs: customers, history: consentRecords, registry: .standard, keys: [(.marketing, .email)], asOf: Self.now)
        let result = try AudienceScreen.screen(Array(0..<300), channel: .email, at: Self.now, policy: policy, contacts: columns, consent: matrix)
        var expectedAllowed: [Int32] = []
        for (index, id) in customers.enumerated() where try await evaluator.evaluate(id, channel: .email, at: Self.now).isAllowed {
            expectedAllowed.append(Int32(index))
        }
        #expect(result.allowed == expectedAllowed)
        #expect(result.allowed.count + result.suppressed.count == 300)
        #expect(!result.allowed.isEmpty)
        #expect(result.reasonCounts["doNotContact"] == 2)
        #expect(result.reasonCounts["consent"] == 100 + (1...299).filter { $0 % 3 != 0 && $0 % 7 == 0 }.count)
    }
}
