#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Builds the domain events of an in-memory store and delivers them to its sink.
///
/// Stores read the time before taking their lock, collect events while holding it and call
/// ``deliver(_:)`` after releasing it, so neither the clock nor a slow sink runs under the lock.
struct StoreEventEmitter: Sendable {
    let sink: (any EventSink)?
    let timeSource: (any TimeSource)?
    /// The `store` detail of every event.
    let storeName: String

    /// The time to stamp events with, read before taking a lock; nil when events are off.
    func timestamp() -> Date? {
        guard sink != nil, let timeSource else { return nil }
        return timeSource.now()
    }

    /// A store event stamped `at`; nil when events are off (`at` is nil).
    func event(_ kind: DomainEventKind, customerID: CustomerID?, at: Date?, details: [String: String] = [:]) -> DomainEvent? {
        guard let at else { return nil }
        var details = details
        details["store"] = storeName
        return DomainEvent(kind: kind, customerID: customerID, occurredAt: at, details: details)
    }

    /// Delivers events, if any, to the sink.
    func deliver(_ events: [DomainEvent]) async {
        guard let sink, !events.isEmpty else { return }
        await sink.record(events)
    }
}
