#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Privacy

/// The conformance suite every ``Privacy/ContactHistoryStore`` implementation must pass.
///
/// ```swift
/// try await ContactHistoryStoreConformance { InMemoryContactHistoryStore() }.run()
/// ```
public struct ContactHistoryStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any ContactHistoryStore

    /// Creates the suite with a factory of new, empty stores.
    public init(makeStore: @escaping @Sendable () async throws -> any ContactHistoryStore) {
        self.makeStore = makeStore
    }

    /// Runs every check in turn.
    public func run() async throws {
        try await checkAppendAndRead()
        try await checkPaging()
        try await checkReplaceAndConflicts()
        try await checkDeletes()
    }

    private func check(_ name: String) -> ConformanceCheck {
        ConformanceCheck(suite: "ContactHistoryStoreConformance", check: name)
    }

    static func contact(_ id: String, _ customer: String, hour: Int, channel: Channel = .email, respondedHour: Int? = nil) -> ContactRecord {
        ContactRecord(id: ContactRecordID(id), customerID: CustomerID(customer), channel: channel,
                      sentAt: ConformanceFixtures.epoch.addingTimeInterval(Double(hour) * 3_600),
                      respondedAt: respondedHour.map { ConformanceFixtures.epoch.addingTimeInterval(Double($0) * 3_600) })
    }

    /// Records read back per customer by time then id, filtered by `since`.
    public func checkAppendAndRead() async throws {
        let c = check("appendAndRead")
        let store = try await makeStore()
        try c.expect(try await store.count() == 0, "a new store is not empty")
        try await store.append([Self.contact("m-3", "ann", hour: 5), Self.contact("m-1", "ann", hour: 1),
                                Self.contact("m-2", "bob", hour: 2), Self.contact("m-0", "ann", hour: 5, channel: .sms)])
        try c.expect(try await store.count() == 4, "count is not 4 after appending 4")
        let ann = try await store.contacts(for: ["ann", "ann", "missing"], since: nil)
        try c.expect(ann.map(\.id) == ["m-1", "m-0", "m-3"], "contacts of ann were \(ann.map(\.id)), expected [m-1, m-0, m-3]")
        let recent = try await store.contacts(for: ["ann"], since: ConformanceFixtures.epoch.addingTimeInterval(5 * 3_600))
        try c.expect(recent.map(\.id) == ["m-0", "m-3"], "contacts since hour 5 were \(recent.map(\.id)) (since is inclusive)")
    }

    /// Pages return all records once, ascending by id.
    public func checkPaging() async throws {
        let c = check("paging")
        let store = try await makeStore()
        let ids = ConformanceFixtures.ids("m", 0..<33).reversed() + ConformanceFixtures.awkwardIDs
        try await store.append(ids.enumerated().map { Self.contact($0.element, "c-\($0.offset % 3)", hour: $0.offset) })
        for limit in [1, 7, 100] {
            let keys = try await c.readAllKeys(limit: limit, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
            try c.expectKeys(keys, equal: ids, "paging with limit \(limit)")
        }
        try await c.expectStoreError(.invalidArgument, "page with limit 0") { _ = try await store.page(after: nil, limit: 0) }
    }

    /// Re-appending an id for the same customer replaces it (a response); for another customer it is refused.
    public func checkReplaceAndConflicts() async throws {
        let c = check("replaceAndConflicts")
        let store = try await makeStore()
        try await store.append([Self.contact("m-1", "ann", hour: 1)])
        try await store.append([Self.contact("m-1", "ann", hour: 1, respondedHour: 3)])
        try c.expect(try await store.count() == 1, "replacing a record changed the count")
        try c.expect(try await store.contacts(for: "ann").first?.respondedAt != nil, "the response was not recorded by replacing")
        try await c.expectStoreError(.duplicateID, "an id stored for another customer") {
            try await store.append([Self.contact("m-2", "bob", hour: 1), Self.contact("m-1", "bob", hour: 1)])
        }
        try await c.expectStoreError(.invalidArgument, "an empty id") { try await store.append([Self.contact("", "bob", hour: 1)]) }
        try c.expect(try await store.count() == 1, "a refused batch stored records")
    }

    /// Deleting by customer and by age removes exactly those records.
    public func checkDeletes() async throws {
        let c = check("deletes")
        let store = try await makeStore()
        try await store.append([Self.contact("m-1", "ann", hour: 1), Self.contact("m-2", "ann", hour: 9),
                                Self.contact("m-3", "bob", hour: 2), Self.contact("m-4", "bob", hour: 10)])
        try c.expect(try await store.deleteContacts(for: ["ann"]) == 2, "deleting ann's 2 records")
        try c.expect(try await store.contacts(for: "ann").isEmpty, "ann's records read back after deletion")
        let purged = try await store.deleteContacts(sentBefore: ConformanceFixtures.epoch.addingTimeInterval(5 * 3_600))
        try c.expect(purged == 1, "deleting records sent before hour 5 removed \(purged), expected 1")
        let keys = try await c.readAllKeys(limit: 10, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
        try c.expectKeys(keys, equal: ["m-4"], "paging after deletes")
    }
}
