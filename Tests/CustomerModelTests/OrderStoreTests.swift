import CustomerModel
import PrecisionMarketingTesting
import Testing

@Suite("InMemoryOrderStore")
struct OrderStoreTests {
    @Test func passesTheConformanceSuite() async throws {
        try await OrderStoreConformance { InMemoryOrderStore() }.run()
    }

    @Test func manyTasksAppendAndReadAtOnce() async throws {
        let store = InMemoryOrderStore()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<16 {
                group.addTask {
                    for batch in 0..<5 {
                        try await store.append((0..<10).map { StoreTestRecords.order("t\(task)-b\(batch)-\($0)", "c\(task)") })
                        let mine = try await store.orders(for: CustomerID("c\(task)"))
                        #expect(mine.count == (batch + 1) * 10)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.count() == 800)
        #expect(try await store.allOrders(pageSize: 64).count == 800)
    }

    @Test func duplicateOrderIDForAnotherCustomerIsATypedErrorAndStoresNothing() async throws {
        let store = InMemoryOrderStore()
        try await store.append(StoreTestRecords.order("o1", "ann"))
        let error = await #expect(throws: StoreError.self) {
            try await store.append([StoreTestRecords.order("o2", "bob"), StoreTestRecords.order("o1", "bob")])
        }
        #expect(error?.code == .duplicateID)
        #expect(error?.message.contains("o1") == true)
        #expect(try await store.count() == 1)
        #expect(try await store.orders(for: "bob").isEmpty)
    }

    @Test func emitsOneAppendedEventPerCustomerAndBatch() async throws {
        let sink = RecordingEventSink()
        let store = InMemoryOrderStore(eventSink: sink, timeSource: StoreTestClock())
        try await store.append([StoreTestRecords.order("o1", "ann"), StoreTestRecords.order("o2", "bob"), StoreTestRecords.order("o3", "ann")])
        #expect(try await store.deleteOrders(for: ["ann"]) == 2)
        let appended = sink.events(of: .ordersAppended)
        #expect(appended.map(\.customerID) == ["ann", "bob"])
        #expect(appended.map { $0.details["count"] } == ["2", "1"])
        #expect(sink.events(of: .ordersDeleted).map { $0.details["count"] } == ["2"])
    }
}
