#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
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
            var members = 0
            for _ in 0..<repetitions {
                let e0 = clock.now
                members = evaluator.members().count
                best = min(best, seconds(clock.now - e0))
            }
            print("  \(label): evaluate all=\(format3(best * 1000))ms (best of \(repetitions)) bind=\(format3(bindTime * 1000))ms members=\(members)")
        }
    }
}
