#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Privacy

/// The conformance suite every ``Privacy/ConsentStore`` implementation must pass.
///
/// Throws a ``ConformanceFailure`` naming the check on the first violation. `makeStore`
/// must return a new, empty store for each check.
///
/// ```swift
/// try await ConsentStoreConformance { InMemoryConsentStore() }.run()
/// ```
public struct ConsentStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any ConsentStore

    /// Creates the suite with a factory of new, empty stores.
    public init(makeStore: @escaping @Sendable () async throws -> any ConsentStore) {
        self.makeStore = makeStore
    }

    /// Runs every check in turn.
    public func run() async throws {
        try await checkAppendAndHistory()
        try await checkPaging()
        try await checkImmutability()
        try await checkDelete()
        try await checkBadInput()
        try await checkConcurrency()
    }

    private func check(_ name: String) -> ConformanceCheck {
        ConformanceCheck(suite: "ConsentStoreConformance", check: name)
    }

    static func record(_ id: String, _ customer: String, hour: Int = 0, decision: ConsentDecision = .granted,
                       channel: Channel? = .email, expiresInHours: Int? = nil) -> ConsentRecord {
        let at = ConformanceFixtures.epoch.addingTimeInterval(Double(hour) * 3_600)
        return ConsentRecord(id: ConsentRecordID(id), customerID: CustomerID(customer), purpose: .marketing, channel: channel,
                             decision: decision, recordedAt: at, method: .doubleOptIn, noticeVersion: "v1",
                             expiresAt: expiresInHours.map { at.addingTimeInterval(Double($0) * 3_600) })
    }

    /// Appended records read back equal, per customer by time then id, and are counted.
    public func checkAppendAndHistory() async throws {
        let c = check("appendAndHistory")
        let store = try await makeStore()
        try c.expect(try await store.count() == 0, "a new store is not empty")
        let records = [
            Self.record("r-3", "ann", hour: 5, decision: .withdrawn),
            Self.record("r-1", "ann", hour: 1, expiresInHours: 24),
            Self.record("r-2", "bob", hour: 2, channel: nil),
            Self.record("r-0", "ann", hour: 5),
        ]
        try await store.append(records)
        try c.expect(try await store.count() == 4, "count is not 4 after appending 4")
        let history = try await store.history(for: ["ann", "missing"])
        try c.expect(history.map(\.id) == ["r-1", "r-0", "r-3"],
                     "history of ann was \(history.map(\.id)), expected [r-1, r-0, r-3] (by time, then id)")
        try c.expect(history.allSatisfy { records.contains($0) }, "a record did not read back equal to what was stored")
        let both = try await store.history(for: ["bob", "ann", "bob"])
        try c.expect(both.count == 4, "history of [bob, ann, bob] held \(both.count) records, expected 4 (each once)")
        let ledger = try await store.ledger(for: ["ann", "bob", "missing", "ann"])
        try c.expect(ledger.history(of: "ann").map(\.id) == ["r-1", "r-0", "r-3"] && ledger.history(of: "bob").map(\.id) == ["r-2"],
                     "the ledger's histories were ann \(ledger.history(of: "ann").map(\.id)), bob \(ledger.history(of: "bob").map(\.id))")
        try c.expect(ledger.customerIDs == ["ann", "bob"], "the ledger holds \(ledger.customerIDs), expected [ann, bob]")
    }

    /// Pages of every size return all records once, ascending by record id.
    public func checkPaging() async throws {
        let c = check("paging")
        let store = try await makeStore()
        let ids = ConformanceFixtures.ids("r", 0..<33).reversed() + ConformanceFixtures.awkwardIDs
        try await store.append(ids.enumerated().map { Self.record($0.element, "c-\($0.offset % 4)", hour: $0.offset) })
        for limit in [1, 5, 42, 100] {
            let keys = try await c.readAllKeys(limit: limit, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
            try c.expectKeys(keys, equal: ids, "paging with limit \(limit)")
        }
    }

    /// Re-appending an identical record is a no-op; the same id with other content is refused.
    public func checkImmutability() async throws {
        let c = check("immutability")
        let store = try await makeStore()
        try await store.append([Self.record("r-1", "ann")])
        try await store.append([Self.record("r-1", "ann"), Self.record("r-2", "ann", hour: 1)])
        try c.expect(try await store.count() == 2, "re-appending an identical record changed the count")
        try await c.expectStoreError(.duplicateID, "a stored id with other content") {
            try await store.append([Self.record("r-3", "ann"), Self.record("r-1", "ann", decision: .withdrawn)])
        }
        try await c.expectStoreError(.duplicateID, "one id twice in a batch with different content") {
            try await store.append([Self.record("r-4", "ann"), Self.record("r-4", "bob")])
        }
        try c.expect(try await store.count() == 2, "a refused batch stored records")
    }

    /// Deleting a customer's records removes them all and only them.
    public func checkDelete() async throws {
        let c = check("delete")
        let store = try await makeStore()
        try await store.append([Self.record("r-1", "ann"), Self.record("r-2", "ann", hour: 1), Self.record("r-3", "bob")])
        let deleted = try await store.deleteRecords(for: ["ann", "missing"])
        try c.expect(deleted == 2, "deleting ann's 2 records returned \(deleted)")
        try c.expect(try await store.history(for: "ann").isEmpty, "ann's records still read back after deletion")
        try c.expect(try await store.count() == 1, "count is not 1 after deleting 2 of 3")
        let keys = try await c.readAllKeys(limit: 10, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
        try c.expectKeys(keys, equal: ["r-3"], "paging after deletion")
    }

    /// Invalid records and arguments throw ``StoreError`` `.invalidArgument` and store nothing.
    public func checkBadInput() async throws {
        let c = check("badInput")
        let store = try await makeStore()
        try await c.expectStoreError(.invalidArgument, "page with limit 0") { _ = try await store.page(after: nil, limit: 0) }
        try await c.expectStoreError(.invalidArgument, "an empty record id") {
            try await store.append([Self.record("ok", "ann"), Self.record("", "ann")])
        }
        try await c.expectStoreError(.invalidArgument, "an empty customer id") { try await store.append([Self.record("r", "")]) }
        try await c.expectStoreError(.invalidArgument, "an expiry not after the grant") {
            try await store.append([Self.record("r", "ann", expiresInHours: 0)])
        }
        try c.expect(try await store.count() == 0, "a refused batch stored records")
    }

    /// Many tasks appending and reading at once lose nothing.
    public func checkConcurrency() async throws {
        let c = check("concurrency")
        let store = try await makeStore()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for batch in 0..<5 {
                        let ids = ConformanceFixtures.ids("w", (writer * 25 + batch * 5)..<(writer * 25 + batch * 5 + 5))
                        try await store.append(ids.map { Self.record($0, "c-\(writer)") })
                    }
                }
            }
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<10 { _ = try await store.history(for: ["c-1", "c-2"]) }
                }
            }
            try await group.waitForAll()
        }
        try c.expect(try await store.count() == 200, "count is not 200 after concurrent appends")
        try c.expect(try await store.history(for: "c-3").count == 25, "customer c-3 does not have its 25 records")
    }
}
