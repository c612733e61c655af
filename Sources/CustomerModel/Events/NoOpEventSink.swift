/// An ``EventSink`` that discards every event.
public struct NoOpEventSink: EventSink {
    /// Creates the sink.
    public init() {}

    /// Does nothing.
    public func record(_ events: [DomainEvent]) async {}
}
