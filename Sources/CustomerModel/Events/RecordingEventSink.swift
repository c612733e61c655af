import Synchronization

/// An ``EventSink`` that keeps every event in memory, in arrival order, with a query API.
///
/// What tests read: plug it into the stores and engines under test, then ask which events
/// arrived. Safe to share between tasks.
public final class RecordingEventSink: EventSink {
    private let recorded = Mutex<[DomainEvent]>([])

    /// Creates an empty sink.
    public init() {}

    /// Appends the events.
    public func record(_ events: [DomainEvent]) async {
        recorded.withLock { $0.append(contentsOf: events) }
    }

    /// Every event recorded so far, in arrival order.
    public var events: [DomainEvent] { recorded.withLock { $0 } }

    /// The number of events recorded so far.
    public var count: Int { recorded.withLock { $0.count } }

    /// The events of one kind, in arrival order.
    /// - Complexity: O(n).
    public func events(of kind: DomainEventKind) -> [DomainEvent] {
        recorded.withLock { $0.filter { $0.kind == kind } }
    }

    /// The events concerning one customer, in arrival order.
    /// - Complexity: O(n).
    public func events(for customerID: CustomerID) -> [DomainEvent] {
        recorded.withLock { $0.filter { $0.customerID == customerID } }
    }

    /// Forgets every recorded event.
    public func removeAll() {
        recorded.withLock { $0.removeAll() }
    }
}
