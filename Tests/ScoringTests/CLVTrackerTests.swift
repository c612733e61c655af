import CustomerModel
import Foundation
import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("CLV updated as transactions arrive")
struct CLVTrackerTests {
    static func purchases(of snapshot: CustomerSnapshot, from: CalendarDay, through: CalendarDay)
        -> [LifetimeValueTracker<FittedBGNBD>.Purchase]
    {
        var out: [LifetimeValueTracker<FittedBGNBD>.Purchase] = []
        for c in 0..<snapshot.customerCount {
            for o in snapshot.orders(ofCustomer: c)
            where snapshot.orderDays[o] >= from.dayNumber && snapshot.orderDays[o] <= through.dayNumber {
                let cents = snapshot.lines(ofOrder: o).reduce(Int64(0)) { $0 + snapshot.lineAmounts[$1] }
                out.append(.init(
                    customerID: snapshot.customerID(at: c).rawValue, day: CalendarDay(dayNumber: snapshot.orderDays[o]),
                    amount: Double(cents) / 100))
            }
        }
        return out
    }

    @Test func incrementalUpdatesEqualTheFullSummaryAndScores() throws {
        let (snapshot, _) = try SnapshotBuilder.build(csv: CLVFixtures.bytes("cdnow"))
        let end = try CalendarDay(iso: "1997-09-30")
        let full = try CustomerSummary(snapshot: snapshot, calibrationEnd: end, unit: .week)
        let model = try FittedBGNBD(r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258)
        let spend = try FittedGammaGamma(p: 6.2488, q: 3.7446, v: 15.4477)
        let calculator = try LifetimeValueCalculator(discounting: .continuous(horizon: 52, rate: 0.002))
        var tracker = LifetimeValueTracker(purchases: model, spend: spend, calculator: calculator, unit: .week)
        tracker.load(snapshot, through: try CalendarDay(iso: "1997-06-30"))
        var late = Self.purchases(of: snapshot, from: try CalendarDay(iso: "1997-07-01"), through: end)
        var generator = SeededGenerator(seed: 3)
        late.shuffle(using: &generator)
        let updated = try tracker.record(late, asOf: end.adding(days: 1))

        let incremental = try tracker.summary(asOf: end.adding(days: 1))
        #expect(incremental.count == full.count)
        let position = Dictionary(uniqueKeysWithValues: full.customerIDs.enumerated().map { ($1, $0) })
        let fullMoney = try #require(full.monetaryValue), money = try #require(incremental.monetaryValue)
        for i in 0..<incremental.count {
            let j = try #require(position[incremental.customerIDs[i]])
            #expect(incremental.frequency[i] == full.frequency[j])
            #expect(incremental.recency[i] == full.recency[j])
            #expect(incremental.age[i] == full.age[j])
            #expect(isApproximatelyEqual(money[i], fullMoney[j], absoluteTolerance: 1e-9))
        }
        // The returned scores are the full rescoring's, for every touched customer.
        let clv = try calculator.values(for: full, purchases: model, spend: spend)
        let alive = model.probabilityAlive(full)
        #expect(updated.count == Set(late.map(\.customerID)).count)
        for value in updated.prefix(200) {
            let j = try #require(position[value.customerID])
            #expect(isApproximatelyEqual(value.lifetimeValue, clv[j], relativeTolerance: 1e-9))
            #expect(isApproximatelyEqual(value.probabilityAlive, alive[j], relativeTolerance: 1e-12))
        }
    }

    @Test func badPurchasesAreRefusedWithoutRecordingAnything() throws {
        let model = try FittedBGNBD(r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258)
        let calculator = try LifetimeValueCalculator(discounting: .monthly(months: 12, rate: 0.01))
        var tracker = LifetimeValueTracker(purchases: model, spend: nil, calculator: calculator, unit: .day)
        let day = try CalendarDay(iso: "2024-03-01")
        let good = LifetimeValueTracker<FittedBGNBD>.Purchase(customerID: "a", day: day, amount: 10)
        let negative = LifetimeValueTracker<FittedBGNBD>.Purchase(customerID: "b", day: day, amount: -1)
        #expect(throws: ScoringError.self) { try tracker.record([good, negative], asOf: day.adding(days: 1)) }
        #expect(throws: ScoringError.self) { try tracker.record([good], asOf: day) }
        #expect(tracker.customerCount == 0)
        // A first purchase, then a repeat one: x, tₓ, T and the repeat spend follow.
        _ = try tracker.record([good], asOf: day.adding(days: 1))
        let later = LifetimeValueTracker<FittedBGNBD>.Purchase(customerID: "a", day: day.adding(days: 10), amount: 30)
        let values = try tracker.record([later, later], asOf: day.adding(days: 20))
        #expect(values.count == 1)
        let summary = try tracker.summary(asOf: day.adding(days: 20))
        #expect(summary.frequency == [1] && summary.recency == [10] && summary.age == [19])
        #expect(summary.monetaryValue == [60])
        #expect(try tracker.value(of: "nobody", asOf: day) == nil)
    }
}
