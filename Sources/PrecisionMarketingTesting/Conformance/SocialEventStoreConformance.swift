#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Social

/// The conformance suite every ``Social/SocialEventStore`` implementation must pass.
///
/// Throws a ``ConformanceFailure`` naming the check on the first violation. `makeStore`
/// must return a new, empty store for each check.
///
/// ```swift
/// try await SocialEventStoreConformance { InMemorySocialEventStore() }.run()
/// ```
public struct SocialEventStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any SocialEventStore

    /// Creates the suite with a factory of new, empty stores.
    public init(makeStore: @escaping @Sendable () async throws -> any SocialEventStore) {
        self.makeStore = makeStore
    }

    /// Runs every check in turn.
    public func run() async throws {
        try await checkAppendAndRead()
        try await checkPaging()
        try await checkDuplicates()
        try await checkDeleteReachesTargets()
        try await checkBadInput()
    }

    private func check(_ name: String) -> ConformanceCheck {
        ConformanceCheck(suite: "SocialEventStoreConformance", check: name)
    }

    static func event(_ id: String, _ customer: String, hour: Double, kind: SocialEventKind = .like,
                      target: String? = nil, text: String? = nil) -> SocialEvent {
        SocialEvent(id: EventID(id), kind: kind, customerID: CustomerID(customer), platform: .weibo,
                    occurredAt: Date(timeIntervalSince1970: 1_709_251_200 + hour * 3_600),
                    targetCustomerID: target.map(CustomerID.init), text: text)
    }

    /// Appended events read back equal, by time then id, for actors and targets, filtered
    /// by a half-open date range.
    public func checkAppendAndRead() async throws {
        let c = check("appendAndRead")
        let store = try await makeStore()
        try c.expect(try await store.count() == 0, "a new store is not empty")
        let events = [
            Self.event("s-4", "ann", hour: 30),
            Self.event("s-2", "ann", hour: 5, kind: .share),
            Self.event("s-1", "ann", hour: 5),
            Self.event("s-3", "bob", hour: 2, target: "ann"),
            Self.event("s-0", "cat", hour: 24, kind: .mention, text: "好"),
        ]
        try await store.append(events)
        try c.expect(try await store.count() == 5, "count is not 5 after appending 5 events")
        let ann = try await store.events(involving: ["ann"], in: nil)
        try c.expect(ann.map(\.id.rawValue) == ["s-3", "s-1", "s-2", "s-4"],
                     "ann's events (as actor or target) by time then id are \(ann.map(\.id.rawValue))")
        try c.expect(ann.first == events[3], "a read event differs from the appended one")
        let start = Date(timeIntervalSince1970: 1_709_251_200 + 5 * 3_600)
        let ranged = try await store.events(involving: ["ann", "cat"], in: start..<start.addingTimeInterval(19 * 3_600))
        try c.expect(ranged.map(\.id.rawValue) == ["s-1", "s-2"],
                     "the range [5 h, 24 h) must include its start and exclude its end, got \(ranged.map(\.id.rawValue))")
    }

    /// Pages are strictly ascending by UTF-8 bytes of the id and hold everything once.
    public func checkPaging() async throws {
        let c = check("paging")
        let store = try await makeStore()
        let ids = (0..<23).map { "p-\($0)" } + ["p-é", "p-Z", "p-z"]
        try await store.append(ids.reversed().enumerated().map { Self.event($1, "c\($0 % 4)", hour: Double($0)) })
        for limit in [1, 4, 100] {
            let keys = try await c.readAllKeys(limit: limit, key: { $0.id.rawValue }) { cursor, limit in
                try await store.page(after: cursor, limit: limit)
            }
            try c.expectKeys(keys, equal: ids, "paging with limit \(limit)")
        }
    }

    /// Identical re-appends are no-ops; a different event under a stored id refuses the batch.
    public func checkDuplicates() async throws {
        let c = check("duplicates")
        let store = try await makeStore()
        let first = Self.event("d-1", "ann", hour: 1)
        try await store.append([first, first])
        try await store.append(first)
        try c.expect(try await store.count() == 1, "an identical event appended again was stored twice")
        try await c.expectStoreError(.duplicateID, "a stored id with other content") {
            try await store.append([Self.event("d-2", "bob", hour: 1), Self.event("d-1", "ann", hour: 2)])
        }
        try c.expect(try await store.count() == 1, "a refused batch stored some of its events")
        try await c.expectStoreError(.duplicateID, "an id twice in one batch with different content") {
            try await store.append([Self.event("d-3", "bob", hour: 1), Self.event("d-3", "bob", hour: 2)])
        }
    }

    /// Deleting a customer removes the events they acted in and those that target them.
    public func checkDeleteReachesTargets() async throws {
        let c = check("deleteReachesTargets")
        let store = try await makeStore()
        try await store.append([
            Self.event("x-1", "ann", hour: 1),
            Self.event("x-2", "bob", hour: 2, kind: .mention, target: "ann", text: "hi ann"),
            Self.event("x-3", "bob", hour: 3),
        ])
        let deleted = try await store.deleteEvents(involving: ["ann"])
        try c.expect(deleted == 2, "deleting ann removed \(deleted) events, expected 2 (actor and target)")
        try c.expect(try await store.events(involving: ["ann"], in: nil).isEmpty, "ann's events are still readable")
        try c.expect(try await store.allEvents(pageSize: 1).map(\.id.rawValue) == ["x-3"], "the wrong events remain")
        try c.expect(try await store.deleteEvents(involving: ["nobody"]) == 0, "deleting an unknown customer deleted something")
    }

    /// Empty ids and page limits below 1 are `invalidArgument`.
    public func checkBadInput() async throws {
        let c = check("badInput")
        let store = try await makeStore()
        try await c.expectStoreError(.invalidArgument, "an empty event id") {
            try await store.append(Self.event("", "ann", hour: 1))
        }
        try await c.expectStoreError(.invalidArgument, "an empty customer id") {
            try await store.append(Self.event("b-1", "", hour: 1))
        }
        try await c.expectStoreError(.invalidArgument, "a page limit of 0") {
            _ = try await store.page(after: nil, limit: 0)
        }
        try c.expect(try await store.count() == 0, "bad input stored something")
    }
}
