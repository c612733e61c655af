/// An ``EventSink`` that forwards every batch to several sinks, one after the other.
///
/// Sinks receive each batch in the order they were given, so a recording sink listed
/// first has seen a batch before a slower sink listed later is called.
public struct MultiplexEventSink: EventSink {
    /// The sinks that receive every batch.
    public let sinks: [any EventSink]

    /// Creates a sink that fans out to `sinks`.
    public init(_ sinks: [any EventSink]) { self.sinks = sinks }

    /// Delivers the batch to every sink in turn.
    /// - Complexity: O(s) sink calls.
    public func record(_ events: [DomainEvent]) async {
        for sink in sinks { await sink.record(events) }
    }
}
