#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Stores social events: follows, shares, referral clicks, registrations, community
/// activity, mentions.
///
/// Pages are in `StoreOrder` (ascending event id). Events are immutable facts: appending
/// an event identical to a stored one is a no-op (a safe retry), while an event id that is
/// stored, or appears earlier in the batch, with different content is a `StoreError`
/// `.duplicateID`, and the whole batch is refused. Deleting a customer's events removes
/// the events they acted in **and** those that name them as target, so that erasure
/// reaches every mention of the person. ``InMemorySocialEventStore`` is the in-memory
/// implementation; `SocialEventStoreConformance` (PrecisionMarketingTesting) checks any other.
public protocol SocialEventStore: Sendable {
    /// Appends events.
    /// - Throws: `StoreError` `.duplicateID` for an event id with other content,
    ///   `.invalidArgument` for an empty event or customer id. Nothing is stored then.
    func append(_ events: [SocialEvent]) async throws

    /// The events in which these customers acted or were the target, that occurred in
    /// `range` (all when nil), by time, then id.
    func events(involving customerIDs: [CustomerID], in range: Range<Date>?) async throws -> [SocialEvent]

    /// Up to `limit` events after `cursor` (from the first when `cursor` is nil).
    /// - Throws: `StoreError` `.invalidArgument` when `limit` is below 1.
    func page(after cursor: PageCursor?, limit: Int) async throws -> Page<SocialEvent>

    /// Deletes every event in which these customers acted or were the target; returns how many.
    func deleteEvents(involving customerIDs: [CustomerID]) async throws -> Int

    /// The number of stored events.
    func count() async throws -> Int
}

extension SocialEventStore {
    /// Appends one event.
    public func append(_ event: SocialEvent) async throws {
        try await append([event])
    }

    /// Every stored event in store order, read page by page (what the analyses take).
    /// - Complexity: O(n) reads of `pageSize` records.
    public func allEvents(pageSize: Int = 1_000) async throws -> [SocialEvent] {
        var all: [SocialEvent] = []
        var cursor: PageCursor?
        repeat {
            let page = try await page(after: cursor, limit: pageSize)
            all.append(contentsOf: page.elements)
            cursor = page.nextCursor
        } while cursor != nil
        return all
    }
}
