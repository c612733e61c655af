import CustomerModel
import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("Churn risk")
struct ChurnRiskTests {
    /// As of 2024-07-01 with 30-day windows: recent [06-01, 07-01), previous [05-02, 06-01).
    ///
    /// | customer | orders | r | q | trend | P(alive) | risk | warning |
    /// |---|---|---|---|---|---|---|---|
    /// | A | 05-15, 06-10, 06-20 | 2 | 1 | 1/3 | 0.9 | 0.1 | none (gap 18, 11 days since) |
    /// | B | 05-05, 05-20 | 0 | 2 | −1 | 0.4 | 1 − 0.4·0.5 = 0.8 | both (gap 15, 42 days since) |
    /// | C | 01-01, 06-25 | 1 | 0 | 1 | 0.3 | 0.7 | none (gap 176) |
    /// | D | 06-30, 07-05 (ignored) | 1 | 0 | 1 | 1 | 0 | none (one order) |
    static let csv = Array("""
        customer_id,order_id,date,item_id,quantity,amount
        A,A1,2024-05-15,I1,1,1.00
        A,A2,2024-06-10,I1,1,1.00
        A,A3,2024-06-20,I1,1,1.00
        B,B1,2024-05-05,I1,1,1.00
        B,B2,2024-05-20,I1,1,1.00
        C,C1,2024-01-01,I1,1,1.00
        C,C2,2024-06-25,I1,1,1.00
        D,D1,2024-06-30,I1,1,1.00
        D,D2,2024-07-05,I1,1,1.00
        """.utf8)

    @Test func valuesByHand() throws {
        let (snapshot, report) = try SnapshotBuilder.build(csv: Self.csv)
        try #require(report.rowsRejected == 0)
        let asOf = try CalendarDay(iso: "2024-07-01")
        let result = try ChurnRiskAnalysis(windowDays: 30)
            .run(on: snapshot, asOf: asOf, probabilityAlive: [0.9, 0.4, 0.3, 1])
        #expect(result.recentOrders == [2, 0, 1, 1] && result.previousOrders == [1, 2, 0, 0])
        #expect(isApproximatelyEqual(result.trend, [1.0 / 3, -1, 1, 1], absoluteTolerance: 1e-15))
        #expect(isApproximatelyEqual(result.risk, [0.1, 0.8, 0.7, 0], absoluteTolerance: 1e-15))
        #expect(result.warnings == [[], [.inactiveAndFalling, .overdue], [], []])
        #expect(result.flaggedCustomers == [1])
    }

    /// B with interactions 3 recent, 1 previous: interaction trend 0.5, combined
    /// (−1 + 0.5)/2 = −0.25, risk 1 − 0.4·(1 − 0.5·0.25) = 0.65.
    @Test func interactionsJoinTheTrend() throws {
        let (snapshot, _) = try SnapshotBuilder.build(csv: Self.csv)
        let asOf = try CalendarDay(iso: "2024-07-01")
        let interactions = ChurnInteractionCounts(recent: [0, 3, 0, 0], previous: [0, 1, 0, 0])
        let result = try ChurnRiskAnalysis(windowDays: 30)
            .run(on: snapshot, asOf: asOf, probabilityAlive: [0.9, 0.4, 0.3, 1], interactions: interactions)
        #expect(isApproximatelyEqual(result.trend[1], -0.25, absoluteTolerance: 1e-15))
        #expect(isApproximatelyEqual(result.risk[1], 0.65, absoluteTolerance: 1e-15))
        #expect(isApproximatelyEqual(result.trend[0], 1.0 / 6, absoluteTolerance: 1e-15))
    }

    @Test func alignsAColumnByCustomerID() throws {
        let (snapshot, _) = try SnapshotBuilder.build(csv: Self.csv)
        let column = try ChurnRiskAnalysis.alignedColumn([0.2, 0.7], customerIDs: ["C", "A"], snapshot: snapshot, missing: 1)
        #expect(column == [0.7, 1, 0.2, 1])
    }

    @Test func invalidInputsAreTypedErrors() throws {
        let (snapshot, _) = try SnapshotBuilder.build(csv: Self.csv)
        let asOf = try CalendarDay(iso: "2024-07-01")
        func code(_ body: () throws -> Void) -> ScoringError.Code? {
            do { try body() } catch { return (error as? ScoringError)?.code }
            return nil
        }
        let analysis = ChurnRiskAnalysis()
        #expect(code { _ = try analysis.run(on: snapshot, asOf: asOf, probabilityAlive: [1, 1]) } == .invalidParameter)
        #expect(code { _ = try analysis.run(on: snapshot, asOf: asOf, probabilityAlive: [1, .nan, 1, 1]) } == .nonFiniteInput)
        #expect(code { _ = try analysis.run(on: snapshot, asOf: asOf, probabilityAlive: [1, 1.5, 1, 1]) } == .nonFiniteInput)
        #expect(code { _ = try ChurnRiskAnalysis(windowDays: 0).run(on: snapshot, asOf: asOf, probabilityAlive: [1, 1, 1, 1]) }
            == .invalidParameter)
        let badCounts = ChurnInteractionCounts(recent: [0, 0, 0], previous: [0, 0, 0])
        #expect(code {
            _ = try analysis.run(on: snapshot, asOf: asOf, probabilityAlive: [1, 1, 1, 1], interactions: badCounts)
        } == .invalidParameter)
    }
}
