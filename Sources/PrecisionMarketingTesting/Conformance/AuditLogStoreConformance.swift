#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Privacy

/// The conformance suite every ``Privacy/AuditLogStore`` implementation must pass.
///
/// ```swift
/// try await AuditLogStoreConformance { InMemoryAuditLogStore() }.run()
/// ```
public struct AuditLogStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any AuditLogStore

    /// Creates the suite with a factory of new, empty stores.
    public init(makeStore: @escaping @Sendable () async throws -> any AuditLogStore) {
        self.makeStore = makeStore
    }

    /// Runs every check in turn.
    public func run() async throws {
        try await checkAppendAndRead()
        try await checkContiguity()
        try await checkConcurrentWriters()
    }

    private func check(_ name: String) -> ConformanceCheck {
        ConformanceCheck(suite: "AuditLogStoreConformance", check: name)
    }

    static func chain(_ count: Int, after previous: AuditEntry? = nil) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        var last = previous
        for _ in 0..<count {
            let sequence = (last?.sequence ?? -1) + 1
            let entry = AuditEntry(sequence: sequence, action: .access, actor: "suite", subject: "s-\(sequence % 3)",
                                   purpose: .marketing, detail: "entry \(sequence)",
                                   occurredAt: ConformanceFixtures.epoch.addingTimeInterval(Double(sequence)),
                                   previousHash: last?.hash ?? AuditEntry.genesisHash)
            entries.append(entry)
            last = entry
        }
        return entries
    }

    /// Entries read back equal and in order, by any page size; the chain verifies.
    public func checkAppendAndRead() async throws {
        let c = check("appendAndRead")
        let store = try await makeStore()
        try c.expect(try await store.count() == 0, "a new store is not empty")
        try c.expect(try await store.last() == nil, "a new store has a last entry")
        let entries = Self.chain(23)
        try await store.append(Array(entries[0..<10]))
        try await store.append(Array(entries[10...]))
        try c.expect(try await store.count() == 23, "count is not 23")
        try c.expect(try await store.last() == entries.last, "last() is not the last appended entry")
        for limit in [1, 4, 100] {
            let read = try await store.allEntries(pageSize: limit)
            try c.expect(read == entries, "reading with page size \(limit) gave \(read.count) entries, not the 23 appended in order")
        }
        try c.expect(try await store.entries(from: 30, limit: 5).isEmpty, "reading past the end returned entries")
        try c.expect(AuditChain.verify(try await store.allEntries()).isIntact, "the stored chain does not verify")
    }

    /// A batch that does not continue the log, or has gaps, is refused whole.
    public func checkContiguity() async throws {
        let c = check("contiguity")
        let store = try await makeStore()
        let entries = Self.chain(6)
        try await store.append(Array(entries[0..<3]))
        try await c.expectStoreError(.duplicateID, "a batch starting at an existing position") {
            try await store.append(Array(entries[2..<5]))
        }
        try await c.expectStoreError(.duplicateID, "a batch leaving a gap") { try await store.append([entries[4]]) }
        try await c.expectStoreError(.invalidArgument, "a batch with a gap inside") { try await store.append([entries[3], entries[5]]) }
        try await c.expectStoreError(.invalidArgument, "a negative position") { _ = try await store.entries(from: -1, limit: 5) }
        try await c.expectStoreError(.invalidArgument, "limit 0") { _ = try await store.entries(from: 0, limit: 0) }
        try c.expect(try await store.count() == 3, "a refused batch stored entries")
    }

    /// Writers racing through ``Privacy/AuditLog`` keep one unbroken chain.
    public func checkConcurrentWriters() async throws {
        let c = check("concurrentWriters")
        let store = try await makeStore()
        let log = AuditLog(store: store)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<6 {
                group.addTask {
                    for index in 0..<10 {
                        try await log.record(AuditEntryDraft(action: .access, actor: "w\(writer)", detail: "\(index)",
                                                             occurredAt: ConformanceFixtures.epoch))
                    }
                }
            }
            try await group.waitForAll()
        }
        try c.expect(try await store.count() == 60, "count is not 60 after 60 concurrent records")
        let verification = AuditChain.verify(try await store.allEntries())
        try c.expect(verification.isIntact, "the chain is broken after concurrent writes: \(verification.reason ?? "")")
    }
}
