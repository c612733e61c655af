#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import PrecisionMarketingTesting
import Social
import Testing

@Suite("Social event store")
struct SocialEventStoreTests {
    @Test func inMemoryStorePassesTheConformanceSuite() async throws {
        try await SocialEventStoreConformance { InMemorySocialEventStore() }.run()
    }

    @Test func aStoreThatForgetsTargetsFailsTheSuite() async throws {
        await #expect(throws: ConformanceFailure.self) {
            try await SocialEventStoreConformance { ActorOnlyStore() }.checkDeleteReachesTargets()
        }
    }
}

/// Counts only the events a customer acted in as deleted: what the suite must catch.
private final class ActorOnlyStore: SocialEventStore {
    let inner = InMemorySocialEventStore()
    func append(_ events: [SocialEvent]) async throws { try await inner.append(events) }
    func events(involving customerIDs: [CustomerID], in range: Range<Date>?) async throws -> [SocialEvent] {
        try await inner.events(involving: customerIDs, in: range)
    }
    func page(after cursor: PageCursor?, limit: Int) async throws -> Page<SocialEvent> {
        try await inner.page(after: cursor, limit: limit)
    }
    func deleteEvents(involving customerIDs: [CustomerID]) async throws -> Int {
        let all = try await inner.allEvents()
        let actors = Set(customerIDs)
        let keep = all.filter { !actors.contains($0.customerID) }
        _ = try await inner.deleteEvents(involving: customerIDs)
        return all.count - keep.count
    }
    func count() async throws -> Int { try await inner.count() }
}
