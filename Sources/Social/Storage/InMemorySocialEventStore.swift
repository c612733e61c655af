#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Synchronization

/// A ``SocialEventStore`` that keeps events in memory, guarded by a `Mutex`; pages in
/// `StoreOrder` (UTF-8 byte order of the event id).
public final class InMemorySocialEventStore: SocialEventStore {
    private struct State: Sendable {
        var events: [EventID: SocialEvent] = [:]
        var byCustomer: [CustomerID: Set<EventID>] = [:]
        var sortedIDs: [EventID] = []
        var sorted = true
    }

    private let state = Mutex(State())

    /// Creates an empty store.
    public init() {}

    /// Appends events; the batch is validated as a whole before anything is stored.
    /// - Complexity: O(k) for k events.
    public func append(_ events: [SocialEvent]) async throws {
        var batch: [EventID: SocialEvent] = [:]
        var fresh: [SocialEvent] = []
        for event in events {
            guard !event.id.rawValue.isEmpty, !event.customerID.rawValue.isEmpty else {
                throw StoreError(.invalidArgument, "event '\(event.id)' of customer '\(event.customerID)' has an empty id")
            }
            if let earlier = batch.updateValue(event, forKey: event.id) {
                guard earlier == event else {
                    throw StoreError(.duplicateID, "event '\(event.id)' appears twice in the batch with different content")
                }
            } else {
                fresh.append(event)
            }
        }
        try state.withLock { state throws(StoreError) in
            var added: [SocialEvent] = []
            for event in fresh {
                if let stored = state.events[event.id] {
                    guard stored == event else {
                        throw StoreError(.duplicateID, "event '\(event.id)' is stored with different content")
                    }
                } else {
                    added.append(event)
                }
            }
            for event in added {
                state.events[event.id] = event
                state.byCustomer[event.customerID, default: []].insert(event.id)
                if let target = event.targetCustomerID { state.byCustomer[target, default: []].insert(event.id) }
                if let last = state.sortedIDs.last, !StoreOrder.precedes(last, event.id) { state.sorted = false }
                state.sortedIDs.append(event.id)
            }
        }
    }

    /// - Complexity: O(m log m) for m matching events.
    public func events(involving customerIDs: [CustomerID], in range: Range<Date>?) async throws -> [SocialEvent] {
        state.withLock { state in
            var ids = Set<EventID>()
            for customer in customerIDs { ids.formUnion(state.byCustomer[customer] ?? []) }
            return ids.compactMap { state.events[$0] }
                .filter { event in range.map { $0.contains(event.occurredAt) } ?? true }
                .sorted { $0.occurredAt != $1.occurredAt ? $0.occurredAt < $1.occurredAt : $0.id < $1.id }
        }
    }

    /// - Complexity: O(log n + limit), after an O(n log n) sort when ids arrived out of order.
    public func page(after cursor: PageCursor?, limit: Int) async throws -> Page<SocialEvent> {
        try StoreOrder.validate(limit: limit)
        return state.withLock { state in
            if !state.sorted {
                state.sortedIDs.sort(by: StoreOrder.precedes)
                state.sorted = true
            }
            var start = 0
            if let cursor {
                let after = EventID(cursor.token)
                var low = 0, high = state.sortedIDs.count
                while low < high {
                    let mid = (low + high) / 2
                    if !StoreOrder.precedes(after, state.sortedIDs[mid]) { low = mid + 1 } else { high = mid }
                }
                start = low
            }
            let end = min(state.sortedIDs.count, start + limit)
            let ids = state.sortedIDs[start..<end]
            let elements = ids.compactMap { state.events[$0] }
            return Page(elements: elements, nextCursor: end < state.sortedIDs.count ? ids.last.map { PageCursor(after: $0) } : nil)
        }
    }

    /// - Complexity: O(n) when anything is deleted.
    public func deleteEvents(involving customerIDs: [CustomerID]) async throws -> Int {
        state.withLock { state in
            var ids = Set<EventID>()
            for customer in customerIDs { ids.formUnion(state.byCustomer[customer] ?? []) }
            guard !ids.isEmpty else { return 0 }
            for id in ids {
                guard let event = state.events.removeValue(forKey: id) else { continue }
                state.byCustomer[event.customerID]?.remove(id)
                if let target = event.targetCustomerID { state.byCustomer[target]?.remove(id) }
            }
            for customer in customerIDs { state.byCustomer[customer] = nil }
            state.sortedIDs.removeAll { ids.contains($0) }
            return ids.count
        }
    }

    public func count() async throws -> Int {
        state.withLock { $0.events.count }
    }
}
