#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
import CustomerModel
import Privacy
import PrecisionMarketingTesting

/// An audit store that lets a test alter what it returns, as an attacker with database access could.
final class TamperingAuditStore: AuditLogStore {
    let inner = InMemoryAuditLogStore()
    let tamper: @Sendable ([AuditEntry]) -> [AuditEntry]
    init(tamper: @escaping @Sendable ([AuditEntry]) -> [AuditEntry]) { self.tamper = tamper }
    func append(_ entries: [AuditEntry]) async throws { try await inner.append(entries) }
    func entries(from sequence: Int, limit: Int) async throws -> [AuditEntry] {
        let all = tamper(try await inner.allEntries())
        guard sequence < all.count else { return [] }
        return Array(all[sequence..<min(all.count, sequence + limit)])
    }
    func last() async throws -> AuditEntry? { try await inner.last() }
    func count() async throws -> Int { try await inner.count() }
}

@Suite struct AuditLogTests {
    @Test func inMemoryStorePassesTheConformanceSuite() async throws {
        try await AuditLogStoreConformance { InMemoryAuditLogStore() }.run()
    }

    func drafts(_ count: Int) -> [AuditEntryDraft] {
        (0..<count).map { AuditEntryDraft(action: .access, actor: "agent-\($0 % 2)", customerID: CustomerID("c-\($0)"), purpose: .marketing,
                                          detail: "read email", occurredAt: Fixture.at(hours: Double($0))) }
    }

    @Test func chainIsLinkedAndVerifies() async throws {
        let sink = RecordingEventSink()
        let log = AuditLog(store: InMemoryAuditLogStore(), eventSink: sink)
        let entries = try await log.record(drafts(5))
        #expect(entries.map(\.sequence) == [0, 1, 2, 3, 4])
        #expect(entries[0].previousHash == AuditEntry.genesisHash)
        #expect(entries[3].previousHash == entries[2].hash)
        let verification = try await log.verify(pageSize: 2)
        #expect(verification == AuditVerification(entriesChecked: 5, firstBrokenSequence: nil, reason: nil))
        // Records also go to the event sinks.
        #expect(sink.events(of: .auditRecorded).map { $0.details["sequence"] } == ["0", "1", "2", "3", "4"])
        #expect(sink.events(of: .auditRecorded).last?.details["hash"] == entries[4].hash.hex)
    }

    @Test func firstHashIsSHA256OfTheEncodedFields() {
        let entry = AuditEntry(sequence: 0, action: .erasure, actor: "dpo", subject: nil, purpose: nil, detail: "x",
                               occurredAt: Date(timeIntervalSince1970: 0), previousHash: AuditEntry.genesisHash)
        // 32 zero bytes, then length-prefixed fields: sequence, time bits, action, actor, subject flag, purpose flag, detail.
        var message = [UInt8](repeating: 0, count: 32)
        func field(_ bytes: [UInt8]) { message += [0, 0, 0, 0, 0, 0, 0, UInt8(bytes.count)] + bytes }
        field([0, 0, 0, 0, 0, 0, 0, 0])
        field([0, 0, 0, 0, 0, 0, 0, 0])
        field(Array("erasure".utf8))
        field(Array("dpo".utf8))
        field([0])
        field([0])
        field(Array("x".utf8))
        #expect(entry.hash == SHA256.hash(message))
    }

    @Test(arguments: ["alter", "remove", "reorder", "relink"])
    func tamperingIsDetected(kind: String) async throws {
        let store = TamperingAuditStore { entries in
            var entries = entries
            guard entries.count == 6 else { return entries }
            switch kind {
            case "alter": entries[2].detail = "nothing to see"
            case "remove": entries.remove(at: 3)
            case "reorder": entries.swapAt(1, 2)
            default:
                // Alter an entry and recompute its own hash: the next entry no longer links to it.
                entries[2] = AuditEntry(sequence: 2, action: .access, actor: "someone else", subject: entries[2].subject,
                                        purpose: .marketing, detail: entries[2].detail, occurredAt: entries[2].occurredAt,
                                        previousHash: entries[2].previousHash)
            }
            return entries
        }
        let log = AuditLog(store: store)
        try await log.record(drafts(6))
        let verification = try await log.verify()
        #expect(!verification.isIntact)
        let expected = ["alter": 2, "remove": 3, "reorder": 1, "relink": 3][kind]
        #expect(verification.firstBrokenSequence == expected)
    }

    @Test func pseudonymisingLogHoldsNoCustomerID() async throws {
        let pseudonymizer = try Pseudonymizer(key: Array("audit-key-0123456789abcdef".utf8))
        let log = AuditLog(store: InMemoryAuditLogStore(), pseudonymizer: pseudonymizer)
        let entry = try #require(try await log.record(drafts(1)[0]))
        #expect(entry.subject == pseudonymizer.pseudonym(for: "c-0").rawValue)
        #expect(entry.subject != "c-0")
    }
}
