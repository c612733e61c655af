import CustomerModel
import PrecisionMarketingTesting
import Testing

@Suite("InMemoryProspectStore")
struct ProspectStoreTests {
    @Test func passesTheConformanceSuite() async throws {
        try await ProspectStoreConformance { InMemoryProspectStore() }.run()
    }

    @Test func manyTasksUpsertAndReadAtOnce() async throws {
        let store = InMemoryProspectStore()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<16 {
                group.addTask {
                    try await store.upsert((0..<40).map {
                        Prospect(id: ProspectID("t\(task)-\($0)"), source: .referral(by: CustomerID("c\(task)")),
                                 createdAt: StoreTestRecords.observed)
                    })
                    let page = try await store.page(after: nil, limit: 25)
                    #expect(page.elements.count == 25)
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.count() == 640)
        #expect(try await store.prospects(referredBy: "c3").count == 40)
    }

    @Test func emitsProspectEvents() async throws {
        let sink = RecordingEventSink()
        let store = InMemoryProspectStore(eventSink: sink, timeSource: StoreTestClock())
        let prospect = Prospect(id: "p1", source: .event("expo"), createdAt: StoreTestRecords.observed)
        try await store.upsert(prospect)
        try await store.upsert(prospect.converted(to: "c9"))
        #expect(try await store.delete(["p1"]) == 1)
        #expect(sink.events.map(\.kind) == [.prospectCreated, .prospectUpdated, .prospectDeleted])
        #expect(sink.events.map { $0.details["prospectID"] } == ["p1", "p1", "p1"])
        #expect(sink.events.map(\.customerID) == [nil, "c9", "c9"])
    }
}
