import Synchronization

/// A ``CustomerStore`` that keeps profiles in memory, guarded by a `Mutex`.
///
/// The embedded default for demos, tools and tests. Emits ``DomainEventKind/customerCreated``,
/// ``DomainEventKind/customerUpdated`` (only when a profile actually changed) and
/// ``DomainEventKind/customerDeleted`` to the sink, after releasing its lock.
public final class InMemoryCustomerStore: CustomerStore {
    private struct State: Sendable {
        var profiles: [CustomerID: CustomerProfile] = [:]
        var index = SortedKeyIndex<CustomerID>()
    }

    private let state = Mutex(State())
    private let emitter: StoreEventEmitter

    /// Creates an empty store that emits no events.
    public init() {
        emitter = StoreEventEmitter(sink: nil, timeSource: nil, storeName: "InMemoryCustomerStore")
    }

    /// Creates an empty store that reports changes to `eventSink`, stamped by `timeSource`.
    public init(eventSink: any EventSink, timeSource: any TimeSource) {
        emitter = StoreEventEmitter(sink: eventSink, timeSource: timeSource, storeName: "InMemoryCustomerStore")
    }

    /// Inserts or replaces profiles.
    /// - Complexity: O(k) for k profiles.
    public func upsert(_ profiles: [CustomerProfile]) async throws {
        if let empty = profiles.firstIndex(where: { $0.id.rawValue.isEmpty }) {
            throw StoreError(.invalidArgument, "profile \(empty) of the batch has an empty customer id")
        }
        let emitter = self.emitter
        let now = emitter.timestamp()
        let events = state.withLock { state -> [DomainEvent] in
            var events: [DomainEvent] = []
            for profile in profiles {
                let previous = state.profiles.updateValue(profile, forKey: profile.id)
                if previous == nil { state.index.insert(profile.id) }
                guard now != nil, previous != profile else { continue }
                let kind: DomainEventKind = previous == nil ? .customerCreated : .customerUpdated
                if let event = emitter.event(kind, customerID: profile.id, at: now) { events.append(event) }
            }
            return events
        }
        await emitter.deliver(events)
    }

    /// The stored profiles with these ids, in the order of `ids`.
    /// - Complexity: O(k) for k ids.
    public func profiles(for ids: [CustomerID]) async throws -> [CustomerProfile] {
        state.withLock { state in ids.compactMap { state.profiles[$0] } }
    }

    /// Up to `limit` profiles after `cursor`, ascending by customer id.
    /// - Complexity: O(log n + limit), plus O(k log k + n) once after k new customers.
    public func page(after cursor: PageCursor?, limit: Int) async throws -> Page<CustomerProfile> {
        try StoreOrder.validate(limit: limit)
        return state.withLock { state in
            let (keys, hasMore) = state.index.keys(after: cursor.map { CustomerID($0.token) }, limit: limit)
            let elements = keys.compactMap { state.profiles[$0] }
            return Page(elements: elements, nextCursor: hasMore ? keys.last.map { PageCursor(after: $0) } : nil)
        }
    }

    /// Deletes customers and returns how many existed.
    /// - Complexity: O(n + k).
    public func delete(_ ids: [CustomerID]) async throws -> Int {
        let emitter = self.emitter
        let now = emitter.timestamp()
        let (removed, events) = state.withLock { state -> (Int, [DomainEvent]) in
            var removed = Set<CustomerID>()
            var events: [DomainEvent] = []
            for id in ids where state.profiles.removeValue(forKey: id) != nil {
                removed.insert(id)
                if let event = emitter.event(.customerDeleted, customerID: id, at: now) { events.append(event) }
            }
            state.index.remove(removed)
            return (removed.count, events)
        }
        await emitter.deliver(events)
        return removed
    }

    /// The number of stored customers.
    public func count() async throws -> Int {
        state.withLock { $0.profiles.count }
    }
}
