import CustomerModel
import PrecisionMarketingTesting
import Testing

@Suite("InMemoryCustomerStore")
struct CustomerStoreTests {
    @Test func passesTheConformanceSuite() async throws {
        try await CustomerStoreConformance { InMemoryCustomerStore() }.run()
    }

    @Test func manyTasksUpsertAndReadAtOnce() async throws {
        let store = InMemoryCustomerStore()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<16 {
                group.addTask {
                    try await store.upsert((0..<50).map { StoreTestRecords.profile("t\(task)-\($0)") })
                    return try await store.allProfiles(pageSize: 7).count
                }
            }
            for try await seen in group { #expect(seen >= 50 && seen <= 800) }
        }
        #expect(try await store.count() == 800)
        let all = try await store.allProfiles(pageSize: 33)
        #expect(all.count == 800)
        #expect(Set(all.map(\.id)).count == 800)
        #expect(all.map(\.id.rawValue) == all.map(\.id.rawValue).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func emitsCreatedUpdatedAndDeletedEventsStampedByTheTimeSource() async throws {
        let sink = RecordingEventSink()
        let store = InMemoryCustomerStore(eventSink: sink, timeSource: StoreTestClock())
        try await store.upsert([StoreTestRecords.profile("a"), StoreTestRecords.profile("b")])
        try await store.upsert(StoreTestRecords.profile("a"))  // unchanged: no event
        try await store.upsert(StoreTestRecords.profile("a", email: "new@example.com"))
        #expect(try await store.delete(["b", "zz"]) == 1)
        #expect(sink.events.map(\.kind) == [.customerCreated, .customerCreated, .customerUpdated, .customerDeleted])
        #expect(sink.events.map(\.customerID) == ["a", "b", "a", "b"])
        #expect(sink.events.allSatisfy { $0.occurredAt == StoreTestClock.instant })
        #expect(sink.events.allSatisfy { $0.details["store"] == "InMemoryCustomerStore" })
    }

    @Test func pagesFollowUTF8ByteOrderAndReportTheLastPage() async throws {
        let store = InMemoryCustomerStore()
        try await store.upsert(["b", "B", "é", "a", "Z"].map { StoreTestRecords.profile($0) })
        let first = try await store.page(after: nil, limit: 3)
        #expect(first.elements.map(\.id) == ["B", "Z", "a"])
        #expect(first.nextCursor == PageCursor(token: "a"))
        let second = try await store.page(after: first.nextCursor, limit: 3)
        #expect(second.elements.map(\.id) == ["b", "é"])
        #expect(second.isLast)
        let error = await #expect(throws: StoreError.self) { try await store.page(after: nil, limit: 0) }
        #expect(error?.code == .invalidArgument)
    }
}

/// A store with a paging bug (it skips the first record of every page after the first),
/// to prove that the conformance suite catches gaps.
private final class GappyCustomerStore: CustomerStore {
    let inner = InMemoryCustomerStore()
    func upsert(_ profiles: [CustomerProfile]) async throws { try await inner.upsert(profiles) }
    func profiles(for ids: [CustomerID]) async throws -> [CustomerProfile] { try await inner.profiles(for: ids) }
    func delete(_ ids: [CustomerID]) async throws -> Int { try await inner.delete(ids) }
    func count() async throws -> Int { try await inner.count() }
    func page(after cursor: PageCursor?, limit: Int) async throws -> Page<CustomerProfile> {
        var page = try await inner.page(after: cursor, limit: limit)
        if cursor != nil, !page.elements.isEmpty { page.elements.removeFirst() }
        return page
    }
}

@Suite("CustomerStoreConformance")
struct CustomerStoreConformanceTests {
    @Test func reportsAPagingGapAsAConformanceFailure() async throws {
        let failure = await #expect(throws: ConformanceFailure.self) {
            try await CustomerStoreConformance { GappyCustomerStore() }.checkPaging()
        }
        #expect(failure?.suite == "CustomerStoreConformance")
        #expect(failure?.check == "paging")
        #expect(failure?.message.contains("empty page") == true)  // limit 1: every later page comes back empty
    }
}
