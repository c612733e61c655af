#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import PrecisionMarketingTesting
import Testing

@Suite("InMemoryInteractionStore")
struct InteractionStoreTests {
    @Test func passesTheConformanceSuite() async throws {
        try await InteractionStoreConformance { InMemoryInteractionStore() }.run()
    }

    @Test func manyTasksAppendAndReadAtOnce() async throws {
        let store = InMemoryInteractionStore()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<16 {
                group.addTask {
                    for batch in 0..<5 {
                        try await store.append((0..<10).map {
                            StoreTestRecords.event("t\(task)-b\(batch)-\($0)", "c\(task)", seconds: Double(batch * 10 + $0))
                        })
                        let mine = try await store.events(for: CustomerID("c\(task)"))
                        #expect(mine.count == (batch + 1) * 10)
                        #expect(mine.map(\.occurredAt) == mine.map(\.occurredAt).sorted())
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.count() == 800)
        #expect(try await store.allEvents(pageSize: 99).count == 800)
    }

    @Test func filtersByHalfOpenDateRange() async throws {
        let store = InMemoryInteractionStore()
        try await store.append((0..<10).map { StoreTestRecords.event("e\($0)", "ann", seconds: Double($0) * 60) })
        let start = StoreTestRecords.observed.addingTimeInterval(120)
        let end = StoreTestRecords.observed.addingTimeInterval(300)
        let found = try await store.events(for: ["ann"], in: start..<end)
        #expect(found.map(\.id) == ["e2", "e3", "e4"])
    }

    @Test func differentEventWithStoredIDIsATypedError() async throws {
        let sink = RecordingEventSink()
        let store = InMemoryInteractionStore(eventSink: sink, timeSource: StoreTestClock())
        try await store.append(StoreTestRecords.event("e1", "ann"))
        try await store.append(StoreTestRecords.event("e1", "ann"))  // identical: no-op, no event
        let error = await #expect(throws: StoreError.self) { try await store.append(StoreTestRecords.event("e1", "bob")) }
        #expect(error?.code == .duplicateID)
        #expect(try await store.count() == 1)
        #expect(sink.events.map(\.kind) == [.interactionsAppended])
        #expect(try await store.deleteEvents(for: ["ann"]) == 1)
        #expect(sink.events(for: "ann").map(\.kind) == [.interactionsAppended, .interactionsDeleted])
    }
}
