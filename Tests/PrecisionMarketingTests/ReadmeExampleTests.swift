import PrecisionMarketing
import Testing

/// The usage example of README.md, verbatim between the markers, so that it is proven to
/// compile and to print what the README says. `print` is shadowed to collect the lines.
@Suite struct ReadmeExampleTests {
    @Test func usageExamplePrintsTheChampions() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        // README example: begin
        let csv = Array("""
            customer_id,order_id,date,item_id,quantity,amount
            alice,A1,2024-01-15,tea,2,30.00
            alice,A2,2024-04-02,cake,1,40.00
            alice,A3,2024-06-30,tea,1,15.00
            alice,A3,2024-06-30,cake,1,35.00
            bob,B1,2024-05-01,tea,2,30.00
            bob,B2,2024-06-20,cake,1,30.00
            carol,C1,2024-06-10,cake,1,40.00
            dave,D1,2024-03-01,tea,1,15.00
            erin,E1,2023-12-01,mug,1,5.00
            """.utf8)

        // CSV bytes → columnar snapshot (parallel import; bad rows are reported, not dropped).
        let (snapshot, report) = try SnapshotBuilder.build(csv: csv, format: TransactionCSVFormat(currency: .usd))
        print("\(report.rowsKept) rows kept, \(report.rowsRejected) rejected")

        // Quintile scores and named segments, as of the day after the last order.
        let rfm = try RFMAnalysis().run(on: snapshot)
        print("as of \(rfm.asOf): \(rfm.count) customers, \(rfm.count(of: .champions)) champions")
        for i in 0..<rfm.count where rfm.segments[i] == .champions {
            let entry = rfm[i]
            let id = snapshot.customerID(at: entry.customerIndex)
            print("\(id): RFM \(entry.code), \(entry.recencyDays) days, \(entry.frequency) orders, \(entry.monetary)")
        }
        // README example: end

        #expect(printed == [
            "9 rows kept, 0 rejected",
            "as of 2024-07-01: 5 customers, 1 champions",
            "alice: RFM 555, 1 days, 3 orders, 120.00 USD",
        ])
        let segments = (0..<rfm.count).map { "\(snapshot.customerID(at: rfm[$0].customerIndex)) \(rfm.segments[$0])" }
        #expect(segments == ["alice Champions", "bob Loyal", "carol Need attention", "dave About to sleep", "erin Lost"])
    }
}
