import CustomerModel
import Foundation
import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("CLV customer summaries")
struct CLVSummaryTests {
    @Test func fromTheFullCDNOWTransactions() throws {
        let (snapshot, _) = try SnapshotBuilder.build(csv: CLVFixtures.bytes("cdnow"))
        let summary = try CustomerSummary(
            snapshot: snapshot, calibrationEnd: CalendarDay(iso: "1997-09-30"),
            holdoutEnd: CalendarDay(iso: "1998-06-30"), unit: .week)
        // lifetimes calibration_and_holdout_data(freq='D', freq_multiplier=7).
        #expect(summary.count == 23_570)
        #expect(summary.frequency.reduce(0, +) == 24_337)
        #expect(summary.holdoutFrequency?.reduce(0, +) == 19_684)
        #expect(summary.holdoutDuration == 39)
        #expect(isApproximatelyEqual(summary.recency.reduce(0, +), 161_377.7142857143, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(summary.age.reduce(0, +), 771_390.8571428572, relativeTolerance: 1e-12))
        let monetary = try #require(summary.monetaryValue)
        #expect(isApproximatelyEqual(monetary.reduce(0, +), 336_714.2874382242, relativeTolerance: 1e-10))
        let index = Dictionary(uniqueKeysWithValues: summary.customerIDs.enumerated().map { ($1, $0) })
        // Hand-checked rows: (id, x, tₓ, T, monetary, holdout).
        let rows: [(String, Double, Double, Double, Double, Double)] = [
            ("00001", 0, 0, 272.0 / 7, 0, 0),
            ("00003", 2, 90.0 / 7, 271.0 / 7, 20.15, 3),
            ("00004", 2, 213.0 / 7, 272.0 / 7, 22.345, 1),
            ("00005", 7, 257.0 / 7, 272.0 / 7, 33.125714285714, 3),
        ]
        for (id, x, tx, t, m, holdout) in rows {
            let i = try #require(index[id])
            #expect(summary.frequency[i] == x)
            #expect(isApproximatelyEqual(summary.recency[i], tx, relativeTolerance: 1e-12))
            #expect(isApproximatelyEqual(summary.age[i], t, relativeTolerance: 1e-12))
            #expect(isApproximatelyEqual(monetary[i], m, relativeTolerance: 1e-9))
            #expect(summary.holdoutFrequency?[i] == holdout)
        }
        // lifetimes' BetaGeoFitter on the same summary: r 0.251624, α 4.788945, a 0.723433, b 2.161087.
        let fitted = try BGNBDModel().fit(summary)
        #expect(isApproximatelyEqual(
            [fitted.r, fitted.alpha, fitted.a, fitted.b], [0.251624, 4.788945, 0.723433, 2.161087],
            relativeTolerance: 1e-4))
    }

    @Test func parsesTheLifetimesSampleHeaders() throws {
        let (plain, report) = try CustomerSummary.parse(csv: CLVFixtures.bytes("cdnow_customers_summary"), unit: .week)
        #expect(report == ImportReport(rowsRead: 2_357, rowsKept: 2_357))
        #expect(plain.monetaryValue == nil)
        let sample = try CLVFixtures.sample()
        #expect(sample.count == 2_357)
        #expect(sample.frequency == plain.frequency)
        #expect(sample.customerIDs.prefix(2) == ["1", "2"])
        // The unnamed pandas index form and the canonical header.
        let unnamed = Array(",frequency,recency,T\n0,2,30.43,38.86\n1,0,0,38.86\n".utf8)
        let (u, _) = try CustomerSummary.parse(csv: unnamed, unit: .week)
        #expect(u.customerIDs == ["0", "1"])
        let canonical = Array("customer_id,frequency,recency,T,monetary_value\r\nA,1,2.5,3,10\r\n".utf8)
        let (c, _) = try CustomerSummary.parse(csv: canonical, unit: .day)
        #expect(c.monetaryValue == [10])
    }

    @Test func rejectsBadRowsAndKeepsTheRest() throws {
        let csv = """
            customer_id,frequency,recency,T
            a,1,2,3
            b,1.5,2,3
            c,1,4,3
            d,0,1,3
            e,x,1,3
            f,1,2
            a,1,2,3
            ,1,2,3
            """
        let (summary, report) = try CustomerSummary.parse(csv: Array(csv.utf8), unit: .week)
        #expect(summary.customerIDs == ["a"])
        #expect(report.rowsRead == 8)
        #expect(report.rejections.map(\.line) == [3, 4, 5, 6, 7, 8, 9])
        #expect(report.rejectionsByReason[.invalidField] == 4)
        #expect(throws: ImportError.self) { try CustomerSummary.parse(csv: Array("id,x,T\n".utf8), unit: .week) }
    }
}
