#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Testing

@Suite("Event sinks")
struct EventSinkTests {
    static let at = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func recordingSinkAnswersQueries() async {
        let sink = RecordingEventSink()
        await sink.record(DomainEvent(kind: .customerCreated, customerID: "a", occurredAt: Self.at))
        await sink.record([
            DomainEvent(kind: .ordersAppended, customerID: "a", occurredAt: Self.at, details: ["count": "3"]),
            DomainEvent(kind: .customerCreated, customerID: "b", occurredAt: Self.at),
            DomainEvent(kind: .importCompleted, occurredAt: Self.at),
        ])
        #expect(sink.count == 4)
        #expect(sink.events.map(\.kind) == [.customerCreated, .ordersAppended, .customerCreated, .importCompleted])
        #expect(sink.events(of: .customerCreated).map(\.customerID) == ["a", "b"])
        #expect(sink.events(for: "a").map(\.kind) == [.customerCreated, .ordersAppended])
        #expect(sink.events(for: "a").last?.details["count"] == "3")
        sink.removeAll()
        #expect(sink.count == 0)
        #expect(sink.events.isEmpty)
    }

    @Test func recordingSinkKeepsEveryEventFromManyTasks() async {
        let sink = RecordingEventSink()
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<20 {
                group.addTask {
                    for i in 0..<50 {
                        await sink.record(DomainEvent(kind: .customerUpdated, customerID: CustomerID("c\(task)-\(i)"), occurredAt: Self.at))
                    }
                }
            }
        }
        #expect(sink.count == 1_000)
        #expect(Set(sink.events.compactMap(\.customerID)).count == 1_000)
    }

    @Test func multiplexSinkFansOutInOrder() async {
        let first = RecordingEventSink()
        let second = RecordingEventSink()
        let sink = MultiplexEventSink([first, NoOpEventSink(), second])
        let events = [
            DomainEvent(kind: .customerDeleted, customerID: "x", occurredAt: Self.at),
            DomainEvent(kind: .customerCreated, customerID: "y", occurredAt: Self.at),
        ]
        await sink.record(events)
        #expect(first.events == events)
        #expect(second.events == events)
        #expect(sink.sinks.count == 3)
    }

    @Test func noOpSinkAcceptsEvents() async {
        let sink: any EventSink = NoOpEventSink()
        await sink.record(DomainEvent(kind: .customerCreated, occurredAt: Self.at))
    }

    @Test func storageEventKindsHaveStableNames() {
        #expect(DomainEventKind.ordersDeleted.name == "ordersDeleted")
        #expect(DomainEventKind.interactionsDeleted.name == "interactionsDeleted")
        #expect(DomainEventKind.prospectCreated.name == "prospectCreated")
        #expect(DomainEventKind.prospectUpdated.name == "prospectUpdated")
        #expect(DomainEventKind.prospectDeleted.name == "prospectDeleted")
    }
}
