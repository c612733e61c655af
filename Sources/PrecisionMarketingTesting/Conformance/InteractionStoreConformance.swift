#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// The conformance suite every ``InteractionStore`` implementation must pass.
///
/// Throws a ``ConformanceFailure`` naming the check on the first violation. `makeStore`
/// must return a new, empty store for each check.
///
/// ```swift
/// try await InteractionStoreConformance { InMemoryInteractionStore() }.run()
/// ```
public struct InteractionStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any InteractionStore

    /// Creates the suite with a factory of new, empty stores.
    public init(makeStore: @escaping @Sendable () async throws -> any InteractionStore) {
        self.makeStore = makeStore
    }

    /// Runs every check in turn.
    public func run() async throws {
        try await checkAppendAndRead()
        try await checkPaging()
        try await checkDuplicates()
        try await checkDelete()
        try await checkBadInput()
        try await checkConcurrency()
    }

    private func check(_ name: String) -> ConformanceCheck {
        ConformanceCheck(suite: "InteractionStoreConformance", check: name)
    }

    /// Appended events read back equal, by time then id, filtered by a half-open date range.
    public func checkAppendAndRead() async throws {
        let c = check("appendAndRead")
        let store = try await makeStore()
        try c.expect(try await store.count() == 0, "a new store is not empty")
        let events = [
            ConformanceFixtures.event("e-4", customer: "ann", hour: 30),
            ConformanceFixtures.event("e-2", customer: "ann", hour: 5, kind: .search),
            ConformanceFixtures.event("e-1", customer: "ann", hour: 5),
            ConformanceFixtures.event("e-3", customer: "bob", hour: 2),
            ConformanceFixtures.event("e-0", customer: "ann", hour: 24),
        ]
        try await store.append(events)
        try c.expect(try await store.count() == 5, "count is not 5 after appending 5 events")
        let ann = try await store.events(for: "ann")
        try c.expect(ann.map(\.id) == ["e-1", "e-2", "e-0", "e-4"], "events of ann were \(ann.map(\.id)), expected [e-1, e-2, e-0, e-4]")
        try c.expect(ann.allSatisfy { events.contains($0) }, "an event did not read back equal to what was stored")
        let start = ConformanceFixtures.epoch.addingTimeInterval(5 * 3_600)
        let end = ConformanceFixtures.epoch.addingTimeInterval(30 * 3_600)
        let ranged = try await store.events(for: ["ann", "bob"], in: start..<end)
        try c.expect(ranged.map(\.id) == ["e-1", "e-2", "e-0"],
                     "events in [5h, 30h) were \(ranged.map(\.id)), expected [e-1, e-2, e-0] (start included, end excluded)")
        let day = try await store.events(for: "ann", on: CalendarDay(dayNumber: 19_724)...CalendarDay(dayNumber: 19_724))
        try c.expect(day.map(\.id) == ["e-0", "e-4"], "events of ann on 2024-01-02 were \(day.map(\.id)), expected [e-0, e-4]")
    }

    /// Pages of every size return all events once, ascending by event id, and are stable.
    public func checkPaging() async throws {
        let c = check("paging")
        let store = try await makeStore()
        let ids = ConformanceFixtures.ids("e", 0..<45).reversed() + ConformanceFixtures.awkwardIDs
        for index in stride(from: 0, to: ids.count, by: 9) {
            let batch = ids[index..<min(ids.count, index + 9)]
            try await store.append(batch.map { ConformanceFixtures.event($0, customer: "c\($0.utf8.count % 4)", hour: $0.utf8.count) })
        }
        for limit in [1, 4, 54, 200] {
            let keys = try await c.readAllKeys(limit: limit, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
            try c.expectKeys(keys, equal: ids, "paging with limit \(limit)")
        }
        let first = try await store.page(after: nil, limit: 4)
        let again = try await store.page(after: nil, limit: 4)
        try c.expect(first == again, "reading the first page twice gave different results")
    }

    /// An identical event appended again is a no-op; a different event with the same id is refused whole.
    public func checkDuplicates() async throws {
        let c = check("duplicates")
        let store = try await makeStore()
        let event = ConformanceFixtures.event("e-1", customer: "ann", hour: 1)
        try await store.append([event])
        try await store.append([event, event])
        try c.expect(try await store.count() == 1, "re-appending an identical event changed the count")
        try await c.expectStoreError(.duplicateID, "a stored event id with other content") {
            try await store.append([ConformanceFixtures.event("e-2", customer: "ann"), ConformanceFixtures.event("e-1", customer: "bob")])
        }
        try await c.expectStoreError(.duplicateID, "one event id with two contents in one batch") {
            try await store.append([ConformanceFixtures.event("e-3", customer: "ann"), ConformanceFixtures.event("e-3", customer: "ann", hour: 2)])
        }
        try c.expect(try await store.count() == 1, "a refused batch stored some of its events")
        try c.expect(try await store.events(for: "ann") == [event], "the stored event changed after refused batches")
    }

    /// Deleting a customer's events removes them from reads, pages and the count.
    public func checkDelete() async throws {
        let c = check("delete")
        let store = try await makeStore()
        let ids = ConformanceFixtures.ids("e", 0..<21)
        try await store.append(ids.enumerated().map { ConformanceFixtures.event($1, customer: "c\($0 % 3)", hour: $0) })
        let deleted = try await store.deleteEvents(for: ["c0", "c1", "nobody"])
        try c.expect(deleted == 14, "deleting the 14 events of c0 and c1 returned \(deleted)")
        try c.expect(try await store.count() == 7, "count is not 7 after deleting 14 of 21")
        try c.expect(try await store.events(for: "c1").isEmpty, "deleted events still read back")
        let keys = try await c.readAllKeys(limit: 2, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
        try c.expectKeys(keys, equal: ids.enumerated().filter { $0.offset % 3 == 2 }.map(\.element), "paging after a delete")
    }

    /// Invalid arguments throw ``StoreError`` and store nothing.
    public func checkBadInput() async throws {
        let c = check("badInput")
        let store = try await makeStore()
        try await c.expectStoreError(.invalidArgument, "page with limit 0") { _ = try await store.page(after: nil, limit: 0) }
        try await c.expectStoreError(.invalidArgument, "an empty event id") {
            try await store.append([ConformanceFixtures.event("ok", customer: "ann"), ConformanceFixtures.event("", customer: "ann")])
        }
        try await c.expectStoreError(.invalidArgument, "an empty customer id") {
            try await store.append([ConformanceFixtures.event("e-9", customer: "")])
        }
        try c.expect(try await store.count() == 0, "a refused batch stored records")
    }

    /// Many tasks appending and reading at once lose nothing and never see a broken page.
    public func checkConcurrency() async throws {
        let c = check("concurrency")
        let store = try await makeStore()
        let writers = 8
        let perWriter = 40
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    let ids = ConformanceFixtures.ids("w", (writer * perWriter)..<((writer + 1) * perWriter))
                    for start in stride(from: 0, to: ids.count, by: 8) {
                        try await store.append(ids[start..<(start + 8)].map { ConformanceFixtures.event($0, customer: "c\(writer)") })
                    }
                }
            }
            for reader in 0..<4 {
                group.addTask {
                    for _ in 0..<10 {
                        _ = try await c.readAllKeys(limit: 9, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
                        let events = try await store.events(for: CustomerID("c\(reader)"))
                        try c.expect(events.count % 8 == 0, "a reader saw part of a batch: \(events.count) events of c\(reader)")
                    }
                }
            }
            try await group.waitForAll()
        }
        try c.expect(try await store.count() == writers * perWriter, "count is not \(writers * perWriter) after concurrent appends")
        let keys = try await c.readAllKeys(limit: 31, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
        try c.expectKeys(keys, equal: ConformanceFixtures.ids("w", 0..<(writers * perWriter)), "after concurrent appends")
    }
}
