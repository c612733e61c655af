#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// An ``InteractionStore`` that keeps events in memory, guarded by a `Mutex`.
///
/// Emits one ``DomainEventKind/interactionsAppended`` per customer and batch (detail
/// `count`, new events only) and one ``DomainEventKind/interactionsDeleted`` per customer
/// that had events, after releasing its lock.
public final class InMemoryInteractionStore: InteractionStore {
    private struct State: Sendable {
        var events: [EventID: InteractionEvent] = [:]
        var byCustomer: [CustomerID: Set<EventID>] = [:]
        var index = SortedKeyIndex<EventID>()
    }

    private let state = Mutex(State())
    private let emitter: StoreEventEmitter

    /// Creates an empty store that emits no events.
    public init() {
        emitter = StoreEventEmitter(sink: nil, timeSource: nil, storeName: "InMemoryInteractionStore")
    }

    /// Creates an empty store that reports changes to `eventSink`, stamped by `timeSource`.
    public init(eventSink: any EventSink, timeSource: any TimeSource) {
        emitter = StoreEventEmitter(sink: eventSink, timeSource: timeSource, storeName: "InMemoryInteractionStore")
    }

    /// Appends events; the batch is validated as a whole before anything is stored.
    /// - Complexity: O(k) for k events.
    public func append(_ events: [InteractionEvent]) async throws {
        var batch: [EventID: InteractionEvent] = [:]
        var fresh: [InteractionEvent] = []
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
        let emitter = self.emitter
        let now = emitter.timestamp()
        let notices = try state.withLock { state throws(StoreError) -> [DomainEvent] in
            var added: [InteractionEvent] = []
            for event in fresh {
                guard let stored = state.events[event.id] else {
                    added.append(event)
                    continue
                }
                guard stored == event else {
                    throw StoreError(.duplicateID, "event '\(event.id)' is stored with different content")
                }
            }
            var counts: [CustomerID: Int] = [:]
            var customerOrder: [CustomerID] = []
            for event in added {
                state.events[event.id] = event
                state.index.insert(event.id)
                state.byCustomer[event.customerID, default: []].insert(event.id)
                if counts.updateValue((counts[event.customerID] ?? 0) + 1, forKey: event.customerID) == nil {
                    customerOrder.append(event.customerID)
                }
            }
            return customerOrder.compactMap { customer in
                emitter.event(.interactionsAppended, customerID: customer, at: now, details: ["count": String(counts[customer] ?? 0)])
            }
        }
        await emitter.deliver(notices)
    }

    /// The events of these customers in `range`, by time, then id.
    /// - Complexity: O(m log m) for m events of these customers.
    public func events(for customerIDs: [CustomerID], in range: Range<Date>?) async throws -> [InteractionEvent] {
        let found = state.withLock { state -> [InteractionEvent] in
            var seen = Set<CustomerID>()
            var found: [InteractionEvent] = []
            for customer in customerIDs where seen.insert(customer).inserted {
                for id in state.byCustomer[customer] ?? [] {
                    guard let event = state.events[id] else { continue }
                    if let range, !range.contains(event.occurredAt) { continue }
                    found.append(event)
                }
            }
            return found
        }
        return found.sorted {
            $0.occurredAt != $1.occurredAt ? $0.occurredAt < $1.occurredAt : StoreOrder.precedes($0.id, $1.id)
        }
    }

    /// Up to `limit` events after `cursor`, ascending by event id.
    /// - Complexity: O(log n + limit), plus O(k log k + n) once after k new events.
    public func page(after cursor: PageCursor?, limit: Int) async throws -> Page<InteractionEvent> {
        try StoreOrder.validate(limit: limit)
        return state.withLock { state in
            let (keys, hasMore) = state.index.keys(after: cursor.map { EventID($0.token) }, limit: limit)
            let elements = keys.compactMap { state.events[$0] }
            return Page(elements: elements, nextCursor: hasMore ? keys.last.map { PageCursor(after: $0) } : nil)
        }
    }

    /// Deletes every event of these customers.
    /// - Complexity: O(n + m) for m events deleted.
    public func deleteEvents(for customerIDs: [CustomerID]) async throws -> Int {
        let emitter = self.emitter
        let now = emitter.timestamp()
        let (deleted, notices) = state.withLock { state -> (Int, [DomainEvent]) in
            var removed = Set<EventID>()
            var notices: [DomainEvent] = []
            for customer in customerIDs {
                guard let ids = state.byCustomer.removeValue(forKey: customer) else { continue }
                for id in ids { state.events.removeValue(forKey: id) }
                removed.formUnion(ids)
                if let notice = emitter.event(.interactionsDeleted, customerID: customer, at: now, details: ["count": String(ids.count)]) {
                    notices.append(notice)
                }
            }
            state.index.remove(removed)
            return (removed.count, notices)
        }
        await emitter.deliver(notices)
        return deleted
    }

    /// The number of stored events.
    public func count() async throws -> Int {
        state.withLock { $0.events.count }
    }
}
