import Foundation
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

/// The MarketingEngine example of README.md.
@Suite struct ReadmeEngineExampleTests {
    @Test func engineExamplePlansOnlyWithConsent() async throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }
        let csv = Array("""
            customer_id,order_id,date,item_id,quantity,amount
            alice,A1,2024-01-15,tea,2,30.00
            bob,B1,2024-05-01,tea,2,30.00
            carol,C1,2024-06-10,cake,1,40.00
            dave,D1,2024-03-01,tea,1,15.00
            erin,E1,2023-12-01,mug,1,5.00
            """.utf8)

        let engine = try MarketingEngine(configuration: try MarketingEngineConfiguration(
            pseudonymKey: Array("a-secret-of-at-least-16-bytes".utf8),
            contactPolicy: try ContactPolicy(caps: [FrequencyCap.perDays(7, limit: 1)]),
            channels: try ChannelChoice(costs: [.email: 0.05])))
        _ = try await engine.ingest(transactionsCSV: csv)
        try await engine.recordConsents([ConsentRecord(
            id: "k1", customerID: "alice", purpose: .marketing, channel: .email, decision: .granted,
            recordedAt: Date(timeIntervalSince1970: 1_700_000_000), method: .form)], actor: "crm")
        let analysis = try await engine.analyze(asOf: try CalendarDay(iso: "2024-07-01"))
        let campaign = try Campaign(
            id: "summer", goal: "repeat purchase", offer: Offer(id: "TEA10", description: "10% off tea"),
            content: ["default": [.email: try ContentTemplate("Hi {{segment}} customer: {{offer.description}}")]],
            holdoutShare: 0, budget: 100, sendAt: Date(timeIntervalSince1970: 1_719_828_000))
        let buyers = SegmentDefinition(id: "buyers") { SegmentCondition.orders(.greaterOrEqual(1)) }
        let plan = try await engine.plan(campaign, audience: buyers, in: analysis, actor: "marketing")
        print(plan.messages.map(\.customerID), plan.suppressions.count)   // [alice] 4: no consent
        let sent = try await engine.deliver(plan, via: RecordingMessageDelivery(), actor: "marketing")
        print(sent.sent)                                                   // [alice]

        #expect(printed == ["[alice] 4", "[alice]"])
        #expect(plan.messages.first?.content == "Hi buyers customer: 10% off tea")
    }
}
