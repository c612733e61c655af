/// Receives domain events, the way a log handler receives log records.
///
/// Implementations must be cheap to call and must not throw: a sink that fails to deliver
/// is responsible for its own retries. The library ships ``RecordingEventSink`` (keeps
/// everything in memory, what tests read), ``NoOpEventSink`` and ``MultiplexEventSink``.
public protocol EventSink: Sendable {
    /// Delivers a batch of events, in order.
    func record(_ events: [DomainEvent]) async
}

extension EventSink {
    /// Delivers one event.
    public func record(_ event: DomainEvent) async { await record([event]) }
}
