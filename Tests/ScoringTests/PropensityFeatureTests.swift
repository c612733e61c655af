import CustomerModel
import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("Propensity: features and temporal split")
struct PropensityFeatureTests {
    /// Cut-off 2024-03-01, horizon 30 days (labels from orders in [03-01, 03-31)):
    ///
    /// | customer | orders | recency | F | M | first | AOV | last 90 d | label |
    /// |---|---|---|---|---|---|---|---|---|
    /// | A | 01-10, 02-10, 03-05 | 20 | 2 | 30 | 51 | 15 | 2 | true (03-05) |
    /// | B | 01-01 | 60 | 1 | 5 | 60 | 5 | 1 | false |
    /// | C | 02-20, 04-15 | 10 | 1 | 7.5 | 10 | 7.5 | 1 | false (after horizon) |
    /// | D | 03-10 | no row: first order after the cut-off |
    /// | E | 2023-11-01, 03-31 | 121 | 1 | 2 | 121 | 2 | 0 | false (03-31 excluded) |
    static let csv = Array("""
        customer_id,order_id,date,item_id,quantity,amount
        A,A1,2024-01-10,I1,1,10.00
        B,B1,2024-01-01,I1,1,5.00
        A,A2,2024-02-10,I1,1,12.00
        A,A2,2024-02-10,I2,1,8.00
        C,C1,2024-02-20,I2,1,7.50
        A,A3,2024-03-05,I1,1,1.00
        D,D1,2024-03-10,I1,1,9.00
        E,E1,2023-11-01,I1,1,2.00
        E,E2,2024-03-31,I1,1,2.00
        C,C2,2024-04-15,I1,1,3.00
        """.utf8)

    @Test func featuresAndLabelsFromOneSnapshot() throws {
        let (snapshot, report) = try SnapshotBuilder.build(csv: Self.csv)
        try #require(report.rowsRejected == 0)
        let cutoff = try CalendarDay(iso: "2024-03-01")
        let data = try PropensityFeatures.temporalSplit(snapshot, cutoff: cutoff, horizonDays: 30)
        let ids = data.features.customers.map { snapshot.customerID(at: Int($0)).rawValue }
        #expect(ids == ["A", "B", "C", "E"])
        #expect(data.labels == [true, false, false, false])
        #expect(data.horizonIsComplete)
        #expect(data.cutoff == cutoff)
        let m = data.features.matrix
        #expect(m.columnCount == PropensityFeatures.featureNames.count)
        #expect(Array(m.row(0)) == [20, 2, 30, 51, 15, 2])
        #expect(Array(m.row(1)) == [60, 1, 5, 60, 5, 1])
        #expect(Array(m.row(2)) == [10, 1, 7.5, 10, 7.5, 1])
        #expect(Array(m.row(3)) == [121, 1, 2, 121, 2, 0])
        let longer = try PropensityFeatures.temporalSplit(snapshot, cutoff: cutoff, horizonDays: 31)
        #expect(longer.labels == [true, false, false, true])
        let late = try PropensityFeatures.temporalSplit(snapshot, cutoff: cutoff, horizonDays: 60)
        #expect(!late.horizonIsComplete && late.labels == [true, false, true, true])
    }

    @Test func degenerateSplits() throws {
        let (snapshot, _) = try SnapshotBuilder.build(csv: Self.csv)
        func code(_ body: () throws -> Void) -> ScoringError.Code? {
            do { try body() } catch { return (error as? ScoringError)?.code }
            return nil
        }
        let early = try CalendarDay(iso: "2023-01-01")
        let cutoff = try CalendarDay(iso: "2024-03-01")
        #expect(code { _ = try PropensityFeatures.temporalSplit(snapshot, cutoff: early, horizonDays: 30) } == .degenerateInput)
        #expect(code { _ = try PropensityFeatures.temporalSplit(snapshot, cutoff: cutoff, horizonDays: 0) } == .invalidParameter)
        #expect(code { _ = try PropensityFeatures.derive(from: snapshot, asOf: cutoff, recentWindowDays: 0) } == .invalidParameter)
    }
}
