import CustomerModel
import Foundation
import PrecisionMarketingTesting
import Scoring
import Testing

/// Bulk scoring evaluates the series once per (x, T) and multiplies by each customer's
/// P(alive); it must give what scoring customers one by one gives.
@Suite struct CLVBulkScoringTests {
    /// The full CDNOW file summarised in weeks: ages are whole days (the dense grouping).
    static func cdnowFromTransactions() throws -> CustomerSummary {
        let (snapshot, _) = try SnapshotBuilder.build(csv: CLVFixtures.bytes("cdnow"))
        return try CustomerSummary(
            snapshot: snapshot, calibrationEnd: CalendarDay(iso: "1997-09-30"),
            holdoutEnd: CalendarDay(iso: "1998-06-30"), unit: .week)
    }

    static func models() throws -> [any RepeatPurchaseModel] {
        [
            try FittedBGNBD(r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258),
            try FittedMBGNBD(r: 0.5248, alpha: 6.1830, a: 0.8914, b: 1.6140),
            try FittedParetoNBD(r: 0.5533, alpha: 10.578, s: 0.6062, beta: 11.668),
        ]
    }

    @Test(arguments: [false, true])
    func bulkExpectedPurchasesEqualOneByOne(fromTransactions: Bool) throws {
        // The sample's ages (38.86 weeks, …) are not whole days: the hashed grouping.
        let summary = try fromTransactions ? Self.cdnowFromTransactions() : CLVFixtures.sample()
        for model in try Self.models() {
            try expectBulkMatches(model, summary)
        }
    }

    func expectBulkMatches(_ model: some RepeatPurchaseModel, _ summary: CustomerSummary) throws {
        let bulk = try model.conditionalExpectedPurchases(within: 39, for: summary)
        let calculator = try LifetimeValueCalculator(discounting: .continuous(horizon: 52, rate: 0.002))
        let spend = summary.frequency.map { 10 + $0 }
        let clv = try calculator.values(for: summary, purchases: model, expectedSpend: spend)
        for i in stride(from: 0, to: summary.count, by: 7) {
            let x = summary.frequency[i], tx = summary.recency[i], t = summary.age[i]
            let one = try model.conditionalExpectedPurchases(within: 39, frequency: x, recency: tx, age: t)
            #expect(isApproximatelyEqual(bulk[i], one, absoluteTolerance: 1e-300, relativeTolerance: 1e-12))
            let value = try calculator.value(
                frequency: x, recency: tx, age: t, expectedSpend: spend[i], unit: summary.unit, purchases: model)
            #expect(isApproximatelyEqual(clv[i], value, absoluteTolerance: 1e-300, relativeTolerance: 1e-12))
        }
    }

    @Test func ifAliveTimesProbabilityAliveIsTheConditionalExpectation() throws {
        // Fader, Hardie & Lee's customer (x 2, tₓ 30.43, T 38.86): 1.226 purchases in 39 weeks.
        let model = try FittedBGNBD(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        let ifAlive = try model.expectedPurchasesIfAlive(within: 39, frequency: 2, age: 38.86)
        let alive = model.probabilityAlive(frequency: 2, recency: 30.43, age: 38.86)
        #expect(abs(ifAlive * alive - 1.226) < 0.0005)
        // The expectation if alive does not depend on recency; P(alive) does.
        #expect(alive < model.probabilityAlive(frequency: 2, recency: 38, age: 38.86))
        let bgbb = try FittedBGBB(alpha: 1.2035, beta: 0.7497, gamma: 0.6567, delta: 2.7834)
        let conditional = try bgbb.conditionalExpectedPurchases(within: 5, frequency: 3, recency: 5, age: 6)
        let product = try bgbb.expectedPurchasesIfAlive(within: 5, frequency: 3, age: 6)
            * bgbb.probabilityAlive(frequency: 3, recency: 5, age: 6)
        #expect(isApproximatelyEqual(conditional, product, relativeTolerance: 1e-12))
    }

    @Test func aFailingGroupNamesItsFirstCustomer() throws {
        // c = a + b + x − 1 = 0 at x = 0 makes the BG/NBD series undefined.
        let model = try FittedBGNBD(r: 0.5, alpha: 2, a: 0.5, b: 0.5)
        let summary = try CustomerSummary(
            customerIDs: ["a", "b", "c"], frequency: [1, 0, 0], recency: [2, 0, 0], age: [3, 4, 4], unit: .week)
        #expect {
            try model.conditionalExpectedPurchases(within: 10, for: summary)
        } throws: { error in
            (error as? ScoringError)?.message.hasPrefix("customer b:") == true
        }
    }
}

@Suite("CLV holdout validation")
struct CLVHoldoutValidationTests {
    /// lifetimes 0.11.3 on the same summary (Benchmarks/peers/bgnbd_cdnow_daily.py):
    /// calibration_and_holdout_data(freq='D', freq_multiplier=7), BetaGeoFitter.
    static let lifetimes = (r: 0.251624011424104, alpha: 4.788945170327024, a: 0.7234330357287222, b: 2.1610869813720113)

    @Test func tableMatchesLifetimesOnTheFullCDNOWFile() throws {
        let summary = try CLVBulkScoringTests.cdnowFromTransactions()
        let p = Self.lifetimes
        let model = try FittedBGNBD(r: p.r, alpha: p.alpha, a: p.a, b: p.b)
        let check = try HoldoutValidation(model: model, summary: summary)
        #expect(check.holdoutDuration == 39)
        #expect(check.rows.map(\.customers) == [14119, 4442, 2064, 1084, 605, 348, 272, 636])
        #expect(check.rows.last?.includesHigherFrequencies == true)
        let actual = [0.25072597209434094, 0.7841062584421432, 1.4026162790697674, 1.8367158671586716,
                      2.4512396694214877, 3.0632183908045976, 3.801470588235294, 6.591194968553459]
        let predicted = [0.23085730703559465, 0.5198027232627219, 1.037246437533405, 1.5791164674622336,
                         2.2669424673270115, 2.891590592465153, 3.532733557992216, 6.468526485991854]
        #expect(isApproximatelyEqual(check.rows.map(\.meanActual), actual, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(check.rows.map(\.meanPredicted), predicted, relativeTolerance: 1e-9))
        #expect(check.totalActual == 19_684)
        #expect(isApproximatelyEqual(check.totalPredicted, 16_873.737004341998, relativeTolerance: 1e-9))
        #expect(isApproximatelyEqual(check.meanAbsoluteError, 0.8187422923395608, relativeTolerance: 1e-9))
        #expect(isApproximatelyEqual(check.rootMeanSquaredError, 1.7329112330178682, relativeTolerance: 1e-9))
    }

    @Test func fitMatchesLifetimesToFourSignificantDigits() throws {
        let summary = try CLVBulkScoringTests.cdnowFromTransactions()
        let fitted = try BGNBDModel().fit(summary)
        let p = Self.lifetimes
        for (ours, theirs) in zip([fitted.r, fitted.alpha, fitted.a, fitted.b], [p.r, p.alpha, p.a, p.b]) {
            #expect(isApproximatelyEqual(ours, theirs, relativeTolerance: 5e-5))
        }
        #expect(abs((fitted.estimates?.logLikelihood ?? 0) - -95_368.44393316093) < 1e-3)
    }

    @Test func aSummaryWithoutHoldoutIsRefused() throws {
        let model = try FittedBGNBD(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        #expect(throws: ScoringError.self) { try HoldoutValidation(model: model, summary: CLVFixtures.sample()) }
    }
}
