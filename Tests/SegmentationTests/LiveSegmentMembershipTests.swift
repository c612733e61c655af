#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import PrecisionMarketingTesting
import Scoring
import Testing
@testable import Segmentation

@Suite("Live segment membership")
struct LiveSegmentMembershipTests {
    @Test func inMemoryStorePassesTheConformanceSuite() async throws {
        try await SegmentMembershipStoreConformance { InMemorySegmentMembershipStore() }.run()
    }

    static func engine(
        _ definitions: [SegmentDefinition], asOf: CalendarDay = SegmentFixture.asOf
    ) throws -> (LiveSegmentMembership, InMemorySegmentMembershipStore, RecordingEventSink) {
        let store = InMemorySegmentMembershipStore()
        let sink = RecordingEventSink()
        let live = try LiveSegmentMembership(
            catalog: SegmentCatalog(definitions), asOf: asOf, currency: .usd, itemCategories: SegmentFixture.itemCategories,
            store: store, sink: sink, clock: TestClock(day: asOf))
        return (live, store, sink)
    }

    @Test func oneEventEntersAndReportsTheReason() async throws {
        let browsers = try SegmentDefinition(json: Array(
            #"{"id": "shoe-browsers", "condition": {"metric": "browsesWithoutOrder", "days": 30, "category": "shoes", "op": ">=", "value": 2}}"#.utf8))
        let (live, store, sink) = try Self.engine([browsers])
        var changes = try await live.apply([.interaction(SegmentFixture.event("b", .browse, -3, "shoes"))])
        #expect(changes.isEmpty)
        changes = try await live.apply([.interaction(SegmentFixture.event("b", .browse, -2, "shoes"))])
        #expect(changes.map(\.direction) == [.entered])
        #expect(changes.first?.reason == #"after interaction bbrowse-2shoes (browse); held: {"metric":"browsesWithoutOrder","days":30,"category":"shoes","op":">=","value":2}"#)
        #expect(try await store.allMembers(of: "shoe-browsers") == ["b"])
        let entered = sink.events(of: .segmentEntered)
        #expect(entered.count == 1)
        #expect(entered.first?.customerID == "b")
        #expect(entered.first?.details["segment"] == "shoe-browsers")
        // Buying shoes ends it.
        changes = try await live.apply([.order(SegmentFixture.order("o9", "b", -1, "s1", 40))])
        #expect(changes.map(\.direction) == [.exited])
        #expect(changes.first?.reason.hasPrefix("after order o9; not held:") == true)
        #expect(sink.events(of: .segmentExited).count == 1)
        #expect(try await store.count(of: "shoe-browsers") == 0)
        // A batch in another currency is refused whole.
        let euro = Order(id: "e1", customerID: "b", date: SegmentFixture.day(-1),
                         lines: [OrderLine(itemID: "s1", quantity: 1, amount: Money(minorUnits: 100, currency: .eur))])
        await #expect(throws: MoneyError.self) { try await live.apply([.consent("b", purpose: "marketing", granted: true), .order(euro)]) }
    }

    @Test func advancingTheDayMovesTheWindows() async throws {
        let recent = SegmentDefinition(id: "recent") { SegmentCondition.orders(inLast: 7, .greaterOrEqual(1)) }
        let tagged = SegmentDefinition(id: "tagged") { SegmentCondition.tag("vip") }
        let (live, _, sink) = try Self.engine([recent, tagged])
        try await live.apply([.order(SegmentFixture.order("o1", "a", -2, "s1", 10)), .order(SegmentFixture.order("o2", "c", 0, "s1", 10))])
        #expect(await live.members(of: "recent") == ["a"])  // c's order is on the as-of day: not yet counted
        var changes = try await live.advance(to: SegmentFixture.day(1))
        #expect(changes.map { "\($0.customerID):\($0.direction)" } == ["c:entered"])
        #expect(changes.first?.reason.hasPrefix("after as-of day 2024-03-02") == true)
        changes = try await live.advance(to: SegmentFixture.day(6))
        #expect(changes.map { "\($0.customerID):\($0.direction)" } == ["a:exited"])
        #expect(await live.members(of: "recent") == ["c"])
        #expect(sink.count == 3)
    }

    @Test func followingTheClockUsesTheDayAfterToday() async throws {
        let recent = SegmentDefinition(id: "recent") { SegmentCondition.orders(inLast: 7, .greaterOrEqual(1)) }
        let clock = TestClock(day: SegmentFixture.asOf)
        let live = try LiveSegmentMembership(
            catalog: SegmentCatalog([recent]), asOf: SegmentFixture.asOf, currency: .usd,
            store: InMemorySegmentMembershipStore(), sink: NoOpEventSink(), clock: clock)
        try await live.apply([.order(SegmentFixture.order("o1", "a", 0, "s1", 10))])
        #expect(await live.members(of: "recent") == [])  // today's order: not before the as-of day
        try await live.followClock()
        #expect(await live.asOf == SegmentFixture.day(1))
        #expect(await live.members(of: "recent") == ["a"])
        clock.set(to: SegmentFixture.day(7))
        let changes = try await live.followClock()
        #expect(changes.map(\.direction) == [.exited])
        #expect(await live.members(of: "recent") == [])
    }

    /// Random inputs and day advances; at checkpoints the live membership equals a full
    /// evaluation of everything seen so far, and the store equals the live membership.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func incrementalEqualsFullEvaluation(seed: UInt64) async throws {
        var rng = SeededGenerator(seed: seed)
        let definitions = try [
            #"{"id": "buyers", "condition": {"all": [{"metric": "orders", "days": 30, "op": ">=", "value": 1}, {"metric": "spend", "days": 90, "op": ">=", "value": 50}]}}"#,
            #"{"id": "browsers", "condition": {"any": [{"metric": "browsesWithoutOrder", "days": 14, "category": "shoes", "op": ">=", "value": 2}, {"metric": "distinctCategoriesBrowsed", "days": 30, "op": ">=", "value": 2}]}}"#,
            #"{"id": "young-unconsented", "condition": {"all": [{"not": {"consent": "marketing"}}, {"attribute": "age", "op": "between", "value": [20, 40]}]}}"#,
            #"{"id": "flagged", "condition": {"any": [{"tag": "t1"}, {"score": "churnRisk", "op": ">", "value": 0.5}]}}"#,
            #"{"id": "mixed", "condition": {"all": [{"segment": "buyers"}, {"not": {"segment": "young-unconsented"}}, {"any": [{"metric": "daysSinceLastPurchase", "op": "<=", "value": 10}, {"metric": "daysSinceFirstPurchase", "op": ">=", "value": 20}, {"metric": "events", "kind": "like", "days": 7, "op": ">=", "value": 1}, {"attribute": "gender", "op": "==", "value": "f"}]}]}}"#,
        ].map { try SegmentDefinition(json: Array($0.utf8)) }
        var asOf = SegmentFixture.asOf
        let (live, store, sink) = try Self.engine(definitions, asOf: asOf)
        let customers = (0..<25).map { CustomerID("c\($0)") }
        var profiles: [CustomerID: CustomerProfile] = [:]
        var orders: [Order] = []
        var events: [InteractionEvent] = []
        var scores: [CustomerID: Double] = [:]
        var consents: Set<CustomerID> = []
        var changeCount = 0
        func randomProfile(_ id: CustomerID) -> CustomerProfile {
            var profile = CustomerProfile(id: id, tags: Bool.random(using: &rng) ? ["t1"] : [], createdAt: Date(timeIntervalSince1970: 0))
            profile.set(.gender, to: .string(Bool.random(using: &rng) ? "f" : "m"), provenance: SegmentFixture.provenance)
            if Int.random(in: 0..<4, using: &rng) > 0 {
                profile.set(.birthDate, to: .day(asOf.adding(days: -Int.random(in: 15 * 365...50 * 365, using: &rng))),
                            provenance: SegmentFixture.provenance)
            }
            return profile
        }
        var initial: [LiveSegmentInput] = []
        for id in customers {
            profiles[id] = randomProfile(id)
            initial.append(.profile(profiles[id]!))
        }
        changeCount += try await live.apply(initial).count
        for step in 0..<240 {
            var batch: [LiveSegmentInput] = []
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let id = customers[Int.random(in: 0..<customers.count, using: &rng)]
                let day = asOf.adding(days: Int.random(in: -60...2, using: &rng))
                switch Int.random(in: 0..<10, using: &rng) {
                case 0...2:
                    let item = ["s1", "b1", "e1", "x9"][Int.random(in: 0..<4, using: &rng)]
                    let order = Order(id: OrderID("o\(orders.count)"), customerID: id, date: day, lines: [
                        OrderLine(itemID: ItemID(item), quantity: 1, amount: Money(minorUnits: Int64.random(in: 100...6000, using: &rng), currency: .usd)),
                    ])
                    orders.append(order)
                    batch.append(.order(order))
                case 3...5:
                    let kind: InteractionKind = [.browse, .browse, .like, .search][Int.random(in: 0..<4, using: &rng)]
                    let category = ["shoes", "books", "toys", nil][Int.random(in: 0..<4, using: &rng)]
                    let event = InteractionEvent(
                        id: EventID("e\(events.count)"), customerID: id, kind: kind,
                        occurredAt: day.startUTC.addingTimeInterval(Double.random(in: 0..<86_400, using: &rng)), channel: .web,
                        details: InteractionDetails(categoryID: category.map(CategoryID.init)))
                    events.append(event)
                    batch.append(.interaction(event))
                case 6:
                    profiles[id] = randomProfile(id)
                    batch.append(.profile(profiles[id]!))
                case 7:
                    let value: Double? = Bool.random(using: &rng) ? Double.random(in: 0...1, using: &rng) : nil
                    scores[id] = value
                    batch.append(.scores(id, ["churnRisk": value]))
                default:
                    let granted = Bool.random(using: &rng)
                    if granted { consents.insert(id) } else { consents.remove(id) }
                    batch.append(.consent(id, purpose: "marketing", granted: granted))
                }
            }
            changeCount += try await live.apply(batch).count
            if Int.random(in: 0..<10, using: &rng) == 0 {
                asOf = asOf.adding(days: Int.random(in: 1...5, using: &rng))
                changeCount += try await live.advance(to: asOf).count
            }
            guard step % 60 == 59 else { continue }
            let population = try SegmentPopulation(
                snapshot: try CustomerSnapshot(orders: orders, currency: .usd), asOf: asOf,
                inputs: SegmentInputs(
                    profiles: customers.compactMap { profiles[$0] }, interactions: events, itemCategories: SegmentFixture.itemCategories,
                    scores: ["churnRisk": scores], consents: ["marketing": consents], rfm: nil, valueScore: nil))
            let catalog = try SegmentCatalog(definitions)
            for definition in definitions {
                let full = try SegmentEvaluator(catalog: catalog, segmentID: definition.id, population: population).members()
                    .customers.map { population.customerID(at: Int($0)) }.sorted()
                let incremental = await live.members(of: definition.id)
                #expect(incremental == full, "segment \(definition.id) at step \(step)")
                #expect(try await store.allMembers(of: definition.id) == full)
            }
        }
        #expect(sink.count == changeCount)
        #expect(changeCount > 20)
    }
}
