import CustomerModel
import PrecisionMarketingTesting
import Recommendation
import Testing

@Suite("Replenishment timing")
struct ReplenishmentTests {
    /// C1 buys A every 10, 10, 12 days, B once, D twice; C2 buys A after 3, 16 and 21 days
    /// (twice on 2024-01-04, which counts once) and again after the as-of day.
    static let csv = """
        customer_id,order_id,date,item_id,quantity,amount
        C1,O1,2024-01-01,A,1,1.00
        C1,O1,2024-01-01,D,1,1.00
        C1,O2,2024-01-05,B,1,1.00
        C1,O3,2024-01-11,A,1,1.00
        C1,O4,2024-01-15,D,1,1.00
        C1,O5,2024-01-21,A,1,1.00
        C1,O6,2024-02-02,A,2,2.00
        C2,O7,2024-01-01,A,1,1.00
        C2,O8,2024-01-04,A,1,1.00
        C2,O9,2024-01-04,A,1,1.00
        C2,O10,2024-01-20,A,1,1.00
        C2,O11,2024-02-10,A,1,1.00
        C2,O12,2024-03-05,A,1,1.00

        """

    static func day(_ text: String) throws -> CalendarDay { try CalendarDay(iso: text) }

    @Test func cycles_medianIntervalAndDeviation() throws {
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array(Self.csv.utf8))
        let cycles = try ReplenishmentAnalysis(minimumPurchases: 3).run(on: snapshot, asOf: try Self.day("2024-03-01"))
        #expect(cycles.count == 2)
        let c1 = cycles[0]
        #expect(snapshot.customerIDs[c1.customer] == "C1" && snapshot.itemIDs[c1.item] == "A")
        #expect(c1.purchases == 4)
        #expect(c1.cycleDays == 10)
        #expect(c1.lastPurchase == (try Self.day("2024-02-02")))
        #expect(c1.due == (try Self.day("2024-02-12")))
        let w1 = try Self.day("2024-02-11")...Self.day("2024-02-13")
        #expect(c1.window == w1)
        let c2 = cycles[1]
        #expect(snapshot.customerIDs[c2.customer] == "C2")
        #expect(c2.purchases == 4)
        #expect(c2.cycleDays == 16)  // intervals 3, 16, 21
        #expect(c2.due == (try Self.day("2024-02-26")))
        let w2 = try Self.day("2024-02-21")...Self.day("2024-03-02")
        #expect(c2.window == w2)  // deviations 13, 0, 5

        #expect(cycles.status(of: 0, on: try Self.day("2024-02-10")) == .notYetDue)
        #expect(cycles.status(of: 0, on: try Self.day("2024-02-11")) == .due)
        #expect(cycles.status(of: 0, on: try Self.day("2024-02-13")) == .due)
        #expect(cycles.status(of: 0, on: try Self.day("2024-02-14")) == .overdue)
        #expect(cycles.due(on: try Self.day("2024-02-12")) == [0])
        #expect(cycles.due(on: try Self.day("2024-02-22")) == [1])
        #expect(cycles.due(on: try Self.day("2024-02-18")).isEmpty)
        let reminder = cycles.explainedRecommendations(forCustomer: c1.customer, on: try Self.day("2024-02-12"))
        #expect(reminder.map(\.item) == [Int32(c1.item)])
        #expect(reminder.first?.source == .replenishment(cycleDays: 10, due: c1.due))
        #expect(cycles.explainedRecommendations(forCustomer: c1.customer, on: try Self.day("2024-02-20")).isEmpty)
    }

    @Test func twoPurchases_giveOneInterval() throws {
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array(Self.csv.utf8))
        let cycles = try ReplenishmentAnalysis(minimumPurchases: 2).run(on: snapshot, asOf: try Self.day("2024-03-01"))
        #expect(cycles.count == 3)  // B, bought once, never has a cycle
        let d = try #require((0..<cycles.count).first { snapshot.itemIDs[Int(cycles.items[$0])] == "D" })
        #expect(cycles[d].cycleDays == 14)
        #expect(cycles[d].due == (try Self.day("2024-01-29")))
        // Orders on or after the as-of day are not used: as of 2024-01-21, C1's A has 2 days.
        let early = try ReplenishmentAnalysis(minimumPurchases: 3).run(on: snapshot, asOf: try Self.day("2024-01-21"))
        #expect(early.count == 1)
        #expect(snapshot.customerIDs[Int(early.customers[0])] == "C2")
        #expect(early.cycleDays[0] == 9.5)  // intervals 3 and 16: the mean of the middle two
        #expect(early[0].due == (try Self.day("2024-01-30")))  // 2024-01-20 + 10 (9.5 rounds up)
        #expect(throws: RecommendationError.self) { try ReplenishmentAnalysis(minimumPurchases: 1) }
    }
}
