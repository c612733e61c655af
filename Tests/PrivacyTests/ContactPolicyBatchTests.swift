import Foundation
import Testing

import CustomerModel
import PrecisionMarketingTesting
import Privacy

/// The batch evaluator plans whole audiences; it must decide exactly as the per-contact
/// evaluator does, reason for reason, on a randomised history.
@Suite("Contact policy: batch equals one by one")
struct ContactPolicyBatchTests {
    @Test func batchDecisionsEqualSingleDecisions() async throws {
        var generator = SeededGenerator(seed: 11)
        let now = Date(timeIntervalSince1970: 1_767_000_000)
        let customers = (0..<300).map { CustomerID("p\($0)") }
        let channels: [Channel] = [.email, .sms, .appPush]
        let history = InMemoryContactHistoryStore()
        var records: [ContactRecord] = []
        for (i, customer) in customers.enumerated() {
            for k in 0..<Int.random(in: 0...6, using: &generator) {
                let sent = now.addingTimeInterval(-Double.random(in: 0...(40 * 86_400), using: &generator))
                let responded = Bool.random(using: &generator) ? sent.addingTimeInterval(3_600) : nil
                records.append(ContactRecord(
                    id: ContactRecordID("r\(i)-\(k)"), customerID: customer, channel: channels[Int.random(in: 0..<3, using: &generator)],
                    sentAt: sent, respondedAt: responded))
            }
        }
        try await history.append(records)
        let consents = InMemoryConsentStore()
        var decisions: [ConsentRecord] = []
        for (i, customer) in customers.enumerated() {
            for channel in channels where Double.random(in: 0..<1, using: &generator) < 0.6 {
                decisions.append(ConsentRecord(
                    id: ConsentRecordID("c\(i)-\(channel)"), customerID: customer, purpose: .marketing, channel: channel,
                    decision: Double.random(in: 0..<1, using: &generator) < 0.8 ? .granted : .withdrawn,
                    recordedAt: now.addingTimeInterval(-86_400 * 50), method: .form))
            }
        }
        try await consents.append(decisions)
        let suppression = SuppressionList(
            store: InMemorySuppressionStore(), pseudonymizer: try Pseudonymizer(key: Array("batch-test-key-0123456789".utf8)))
        try await suppression.store.add(suppression.records(for: nil, customerID: "p7", erasedAt: now))
        let policy = try ContactPolicy(
            caps: [FrequencyCap.perDays(7, limit: 2), FrequencyCap.perDays(30, limit: 2, channel: .sms)],
            minimumGapSeconds: 2 * 86_400, quietHours: QuietHours(fromHour: 21, toHour: 8),
            fatigue: FatigueRule(unansweredLimit: 3, windowSeconds: 30 * 86_400), doNotContact: ["p3"])
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        let auditStore = InMemoryAuditLogStore()
        let evaluator = ContactPolicyEvaluator(
            policy: policy, history: history,
            gate: PurposeGate(registry: .standard, consents: consents, auditLog: AuditLog(store: auditStore)),
            suppression: suppression, timeZones: Dictionary(uniqueKeysWithValues: customers.prefix(100).map { ($0, tokyo) }))

        let requests = customers.flatMap { c in channels.map { (customerID: c, channel: $0) } }
        let batch = try await evaluator.evaluate(requests, at: now)
        let auditedByBatch = try await auditStore.count()
        var single: [ContactDecision] = []
        for request in requests { single.append(try await evaluator.evaluate(request.customerID, channel: request.channel, at: now)) }
        #expect(batch == single)
        #expect(try await auditStore.count() == 2 * auditedByBatch)  // one audit entry per decision either way
        // The random history exercises every reason.
        let codes = Set(batch.flatMap { $0.reasons.map { String(describing: $0).prefix(8) } })
        #expect(batch.contains { $0.isAllowed } && codes.count >= 6)
        #expect(batch[requests.firstIndex { $0.customerID == "p7" } ?? 0].reasons.first == .erased)
    }
}
