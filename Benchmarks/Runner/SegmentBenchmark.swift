#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PrecisionMarketing

/// `precision-benchmarks --segment [--customers N] [--repeat R]`: evaluation of segment
/// definitions over a synthetic population (default 1,000,000 customers, about 3 orders and
/// one browse event each, 20 categories, half consenting to marketing).
enum SegmentBenchmark {
    /// A small deterministic generator (SplitMix64), so the runner needs no testing module.
    struct Mixer {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let start = CalendarDay(dayNumber: 19_358)  // 2023-01-01

    /// User plus system CPU seconds of the whole process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
    static let days = 730

    static func makePopulation(customers: Int) throws -> SegmentPopulation {
        var rng = Mixer(state: 42)
        var csv: [UInt8] = Array("customer_id,order_id,date,item_id,quantity,amount\n".utf8)
        csv.reserveCapacity(customers * 110)
        var order = 0
        for c in 0..<customers {
            let orders = 1 + rng.below(5)
            for _ in 0..<orders {
                order += 1
                let day = start.adding(days: rng.below(days)).description
                for _ in 0..<(1 + rng.below(2)) {
                    let cents = 100 + rng.below(9_900)
                    csv += Array("c\(c),o\(order),\(day),i\(rng.below(1000)),1,\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)\n".utf8)
                }
            }
        }
        let (snapshot, _) = try SnapshotBuilder.build(csv: csv)
        csv = []
        var categories: [ItemID: CategoryID] = [:]
        for i in 0..<1000 { categories[ItemID("i\(i)")] = CategoryID("k\(i % 20)") }
        var interactions: [InteractionEvent] = []
        interactions.reserveCapacity(customers)
        let end = start.adding(days: days)
        for e in 0..<customers {
            let c = rng.below(customers)
            interactions.append(InteractionEvent(
                id: EventID("e\(e)"), customerID: CustomerID("c\(c)"), kind: .browse,
                occurredAt: end.adding(days: -1 - rng.below(60)).startUTC, channel: .web,
                details: InteractionDetails(categoryID: CategoryID("k\(rng.below(20))"))))
        }
        var consenting: Set<CustomerID> = []
        for c in stride(from: 0, to: customers, by: 2) { consenting.insert(CustomerID("c\(c)")) }
        return try SegmentPopulation(
            snapshot: snapshot, asOf: end,
            inputs: SegmentInputs(interactions: interactions, itemCategories: categories, consents: ["marketing": consenting]))
    }

    static let typical = """
        {"id": "active-valuable", "condition": {"all": [
          {"tier": ["medium", "high"]},
          {"metric": "daysSinceLastPurchase", "op": "<=", "value": 180},
          {"metric": "spend", "days": 365, "op": ">=", "value": 50},
          {"metric": "orders", "days": 365, "op": ">=", "value": 2},
          {"consent": "marketing"}]}}
        """

    static let behavioural = """
        {"id": "shoe-browsers", "condition": {"all": [
          {"metric": "events", "kind": "browse", "days": 30, "op": ">=", "value": 1},
          {"metric": "browsesWithoutOrder", "days": 30, "category": "k3", "op": ">=", "value": 1},
          {"metric": "spend", "days": 365, "category": "k3", "op": "<", "value": 100},
          {"metric": "distinctCategoriesBrowsed", "days": 60, "op": ">=", "value": 1},
          {"not": {"consent": "marketing"}}]}}
        """

    static func run(customers: Int, repetitions: Int) throws {
        let clock = ContinuousClock()
        let t0 = clock.now
        let population = try makePopulation(customers: customers)
        print("segment: population of \(population.customerCount) customers, \(population.snapshot.orderCount) orders built in \(format3(seconds(clock.now - t0)))s")
        for (label, json) in [("typical 5-clause", typical), ("behavioural 5-clause", behavioural)] {
            let definition = try SegmentDefinition(json: Array(json.utf8))
            let b0 = clock.now
            let evaluator = try SegmentEvaluator(definition: definition, population: population)
            let bindTime = seconds(clock.now - b0)
            var best = Double.infinity
            var bestCPU = Double.infinity
            var members = 0
            for _ in 0..<repetitions {
                let cpu0 = processCPUSeconds()
                let e0 = clock.now
                members = evaluator.members().count
                best = min(best, seconds(clock.now - e0))
                bestCPU = min(bestCPU, processCPUSeconds() - cpu0)
            }
            // CPU time is what the evaluation costs when the machine is shared; divided by
            // the cores it is the wall time on an idle machine.
            print("  \(label): evaluate all=\(format3(best * 1000))ms wall, \(format3(bestCPU * 1000))ms cpu (best of \(repetitions)) "
                  + "bind=\(format3(bindTime * 1000))ms members=\(members)")
        }
    }

    /// Live membership: an engine tracking both definitions and three more over `customers`
    /// customers (about 3 orders each), then `updates` single-event applies; reports the mean
    /// and the best of 5 rounds of the mean time per update.
    static func runLive(customers: Int, updates: Int) async throws {
        let clock = ContinuousClock()
        let definitions = try [typical, behavioural].map { try SegmentDefinition(json: Array($0.utf8)) } + [
            SegmentDefinition(id: "recent") { SegmentCondition.orders(inLast: 30, .greaterOrEqual(1)) },
            SegmentDefinition(id: "big") { SegmentCondition.spend(inLast: 365, .greaterOrEqual(200)) },
            SegmentDefinition(id: "browsing") { SegmentCondition.distinctCategoriesBrowsed(inLast: 30, .greaterOrEqual(2)) },
        ]
        let end = start.adding(days: days)
        let live = try LiveSegmentMembership(
            catalog: SegmentCatalog(definitions), asOf: end, currency: .usd,
            itemCategories: Dictionary(uniqueKeysWithValues: (0..<1000).map { (ItemID("i\($0)"), CategoryID("k\($0 % 20)")) }),
            store: InMemorySegmentMembershipStore(), sink: NoOpEventSink(), clock: SystemTimeSource())
        var rng = Mixer(state: 7)
        var batch: [LiveSegmentInput] = []
        var order = 0
        let t0 = clock.now
        for c in 0..<customers {
            for _ in 0..<(1 + rng.below(5)) {
                order += 1
                batch.append(.order(Order(
                    id: OrderID("o\(order)"), customerID: CustomerID("c\(c)"), date: start.adding(days: rng.below(days)),
                    lines: [OrderLine(itemID: ItemID("i\(rng.below(1000))"), quantity: 1,
                                      amount: Money(minorUnits: Int64(100 + rng.below(9_900)), currency: .usd))])))
            }
            if c % 2 == 0 { batch.append(.consent(CustomerID("c\(c)"), purpose: "marketing", granted: true)) }
            if batch.count >= 10_000 {
                try await live.apply(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try await live.apply(batch)
        print("segment live: \(await live.customerCount) customers loaded in \(format3(seconds(clock.now - t0)))s, 5 segments")
        let events = (0..<updates).map { e in
            InteractionEvent(
                id: EventID("u\(e)"), customerID: CustomerID("c\(rng.below(customers))"), kind: .browse,
                occurredAt: end.adding(days: -1 - rng.below(20)).startUTC, channel: .web,
                details: InteractionDetails(categoryID: CategoryID("k\(rng.below(20))")))
        }
        var best = Double.infinity
        var changed = 0
        for round in 0..<5 {
            let r0 = clock.now
            for e in (round * updates / 5)..<((round + 1) * updates / 5) {
                changed += try await live.apply([.interaction(events[e])]).count
            }
            best = min(best, seconds(clock.now - r0) / Double(updates / 5))
        }
        print("  live update after one event: best round mean=\(format3(best * 1e6))µs over \(updates / 5) updates, \(changed) membership changes")
    }
}
