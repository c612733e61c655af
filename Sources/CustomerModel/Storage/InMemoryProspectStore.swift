import Synchronization

/// A ``ProspectStore`` that keeps prospects in memory, guarded by a `Mutex`.
///
/// Emits ``DomainEventKind/prospectCreated``, ``DomainEventKind/prospectUpdated`` (only when
/// a prospect actually changed) and ``DomainEventKind/prospectDeleted`` with the detail
/// `prospectID` (and the converted customer as the event's customer), after releasing its lock.
public final class InMemoryProspectStore: ProspectStore {
    private struct State: Sendable {
        var prospects: [ProspectID: Prospect] = [:]
        var index = SortedKeyIndex<ProspectID>()
    }

    private let state = Mutex(State())
    private let emitter: StoreEventEmitter

    /// Creates an empty store that emits no events.
    public init() {
        emitter = StoreEventEmitter(sink: nil, timeSource: nil, storeName: "InMemoryProspectStore")
    }

    /// Creates an empty store that reports changes to `eventSink`, stamped by `timeSource`.
    public init(eventSink: any EventSink, timeSource: any TimeSource) {
        emitter = StoreEventEmitter(sink: eventSink, timeSource: timeSource, storeName: "InMemoryProspectStore")
    }

    /// Inserts or replaces prospects.
    /// - Complexity: O(k) for k prospects.
    public func upsert(_ prospects: [Prospect]) async throws {
        if let empty = prospects.firstIndex(where: { $0.id.rawValue.isEmpty }) {
            throw StoreError(.invalidArgument, "prospect \(empty) of the batch has an empty prospect id")
        }
        let emitter = self.emitter
        let now = emitter.timestamp()
        let events = state.withLock { state -> [DomainEvent] in
            var events: [DomainEvent] = []
            for prospect in prospects {
                let previous = state.prospects.updateValue(prospect, forKey: prospect.id)
                if previous == nil { state.index.insert(prospect.id) }
                guard previous != prospect else { continue }
                let kind: DomainEventKind = previous == nil ? .prospectCreated : .prospectUpdated
                if let event = emitter.event(
                    kind, customerID: prospect.convertedTo, at: now, details: ["prospectID": prospect.id.rawValue])
                {
                    events.append(event)
                }
            }
            return events
        }
        await emitter.deliver(events)
    }

    /// The stored prospects with these ids, in the order of `ids`.
    /// - Complexity: O(k) for k ids.
    public func prospects(for ids: [ProspectID]) async throws -> [Prospect] {
        state.withLock { state in ids.compactMap { state.prospects[$0] } }
    }

    /// Up to `limit` prospects after `cursor`, ascending by prospect id.
    /// - Complexity: O(log n + limit), plus O(k log k + n) once after k new prospects.
    public func page(after cursor: PageCursor?, limit: Int) async throws -> Page<Prospect> {
        try StoreOrder.validate(limit: limit)
        return state.withLock { state in
            let (keys, hasMore) = state.index.keys(after: cursor.map { ProspectID($0.token) }, limit: limit)
            let elements = keys.compactMap { state.prospects[$0] }
            return Page(elements: elements, nextCursor: hasMore ? keys.last.map { PageCursor(after: $0) } : nil)
        }
    }

    /// Deletes prospects and returns how many existed.
    /// - Complexity: O(n + k).
    public func delete(_ ids: [ProspectID]) async throws -> Int {
        let emitter = self.emitter
        let now = emitter.timestamp()
        let (removed, events) = state.withLock { state -> (Int, [DomainEvent]) in
            var removed = Set<ProspectID>()
            var events: [DomainEvent] = []
            for id in ids {
                guard let prospect = state.prospects.removeValue(forKey: id) else { continue }
                removed.insert(id)
                if let event = emitter.event(
                    .prospectDeleted, customerID: prospect.convertedTo, at: now, details: ["prospectID": id.rawValue])
                {
                    events.append(event)
                }
            }
            state.index.remove(removed)
            return (removed.count, events)
        }
        await emitter.deliver(events)
        return removed
    }

    /// The number of stored prospects.
    public func count() async throws -> Int {
        state.withLock { $0.prospects.count }
    }
}
