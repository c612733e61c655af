#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Stores interaction events: browsing, searches, likes, complaints, campaign responses.
///
/// Pages are in ``StoreOrder`` (ascending event id). Events are immutable facts: appending
/// an event identical to a stored one is a no-op (a safe retry), while an event id that is
/// stored, or appears earlier in the batch, with different content is a ``StoreError``
/// `.duplicateID`, and the whole batch is refused. ``InMemoryInteractionStore`` is the
/// in-memory implementation; `InteractionStoreConformance` checks any other.
public protocol InteractionStore: Sendable {
    /// Appends events.
    /// - Throws: ``StoreError`` `.duplicateID` for an event id with other content,
    ///   `.invalidArgument` for an empty event or customer id. Nothing is stored then.
    func append(_ events: [InteractionEvent]) async throws

    /// The events of these customers that occurred in `range` (all when nil), by time, then id.
    func events(for customerIDs: [CustomerID], in range: Range<Date>?) async throws -> [InteractionEvent]

    /// Up to `limit` events after `cursor` (from the first when `cursor` is nil).
    /// - Throws: ``StoreError`` `.invalidArgument` when `limit` is below 1.
    func page(after cursor: PageCursor?, limit: Int) async throws -> Page<InteractionEvent>

    /// Deletes every event of these customers and returns how many were deleted.
    func deleteEvents(for customerIDs: [CustomerID]) async throws -> Int

    /// The number of stored events.
    func count() async throws -> Int
}

extension InteractionStore {
    /// Appends one event.
    public func append(_ event: InteractionEvent) async throws {
        try await append([event])
    }

    /// Every event of one customer, by time, then id.
    public func events(for customerID: CustomerID) async throws -> [InteractionEvent] {
        try await events(for: [customerID], in: nil)
    }

    /// The events of one customer on the given days (UTC), by time, then id.
    public func events(for customerID: CustomerID, on days: ClosedRange<CalendarDay>) async throws -> [InteractionEvent] {
        try await events(for: [customerID], in: days.lowerBound.startUTC..<days.upperBound.adding(days: 1).startUTC)
    }

    /// Every stored event in store order, read page by page.
    /// - Complexity: O(n) reads of `pageSize` records.
    public func allEvents(pageSize: Int = 1_000) async throws -> [InteractionEvent] {
        var all: [InteractionEvent] = []
        var cursor: PageCursor?
        repeat {
            let page = try await page(after: cursor, limit: pageSize)
            all.append(contentsOf: page.elements)
            cursor = page.nextCursor
        } while cursor != nil
        return all
    }
}
