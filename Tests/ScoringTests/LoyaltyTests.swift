import CustomerModel
import Foundation
import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("Loyalty, satisfaction, acquisition cost")
struct LoyaltyTests {
    /// I1 is a book, I2 music, I3 uncategorised.
    static let csv = Array("""
        customer_id,order_id,date,item_id,quantity,amount
        A,O1,2024-01-05,I1,1,30.00
        A,O1,2024-01-05,I2,1,10.00
        A,O2,2024-01-20,I1,1,20.00
        A,O3,2024-02-10,I1,1,5.00
        B,O4,2024-01-10,I2,1,15.00
        C,O5,2024-02-15,I3,1,40.00
        D,O6,2023-12-01,I1,1,10.00
        D,O7,2024-02-01,I1,1,10.00
        """.utf8)

    static func snapshot() throws -> CustomerSnapshot {
        let (snapshot, report) = try SnapshotBuilder.build(csv: csv)
        try #require(report.rowsRejected == 0)
        return snapshot
    }

    static func day(_ text: String) throws -> CalendarDay { try CalendarDay(iso: text) }
    static func january() throws -> Range<CalendarDay> { try day("2024-01-01")..<day("2024-02-01") }
    static func february() throws -> Range<CalendarDay> { try day("2024-02-01")..<day("2024-03-01") }

    @Test func repeatPurchases() throws {
        let summary = try RepeatPurchaseSummary.compute(snapshot: Self.snapshot(), period: Self.january())
        #expect(summary.customers == [0, 1] && summary.orders == [2, 1])
        #expect(summary.buyers == 2 && summary.repeatBuyers == 1 && summary.repeatPurchases == 1)
        #expect(summary.repeatPurchaseRate == 0.5 && summary.averageRepeatPurchases == 0.5)
        #expect(summary.repeatPurchaseCount(at: 0) == 1 && summary.repeatPurchaseCount(at: 1) == 0)
        let empty = #expect(throws: ScoringError.self) {
            try RepeatPurchaseSummary.compute(snapshot: Self.snapshot(), period: Self.day("2020-01-01")..<Self.day("2020-02-01"))
        }
        #expect(empty?.code == .degenerateInput)
    }

    @Test func retentionBetweenPeriods() throws {
        let retention = try RetentionSummary.compute(snapshot: Self.snapshot(), base: Self.january(), next: Self.february())
        #expect(retention.baseCustomers == 2 && retention.retainedCustomers == 1 && retention.newCustomers == 2)
        #expect(retention.retentionRate == 0.5)
        let empty = #expect(throws: ScoringError.self) {
            try RetentionSummary.compute(snapshot: Self.snapshot(), base: Self.day("2020-01-01")..<Self.day("2020-02-01"), next: Self.february())
        }
        #expect(empty?.code == .degenerateInput)
    }

    static let categories: [ItemID: CategoryID] = ["I1": "books", "I2": "music"]

    static func need(_ c: String, _ k: String, _ minor: Int64, _ currency: Currency = .usd) -> CategoryNeed {
        CategoryNeed(customerID: CustomerID(c), categoryID: CategoryID(k), spend: Money(minorUnits: minor, currency: currency))
    }

    @Test func needSatisfaction() throws {
        let needs = [Self.need("A", "books", 10_000), Self.need("A", "music", 500), Self.need("B", "music", 3_000), Self.need("E", "books", 1_000)]
        let result = try NeedSatisfaction.compute(snapshot: Self.snapshot(), period: Self.january(), itemCategories: Self.categories, needs: needs)
        #expect(result.rows.map(\.wonMinorUnits) == [5_000, 1_000, 1_500, 0])
        #expect(result.rows.map(\.share) == [0.5, 1, 0.5, 0])
        #expect(result.rows.map(\.exceedsNeed) == [false, true, false, false])
        #expect(result.customers.map(\.customerID) == ["A", "B", "E"])
        // A: (min(5000, 10000) + min(1000, 500)) / (10000 + 500).
        #expect(isApproximatelyEqual(result.customers[0].share, 5_500.0 / 10_500, relativeTolerance: 1e-15))
        #expect(result.customers[1].share == 0.5 && result.customers[2].share == 0)
    }

    @Test func invalidNeedsAreTyped() throws {
        let snapshot = try Self.snapshot()
        for needs in [[Self.need("A", "books", 0)], [Self.need("A", "books", 100, .eur)], [Self.need("A", "books", 100), Self.need("A", "books", 200)]] {
            let error = #expect(throws: ScoringError.self) {
                try NeedSatisfaction.compute(snapshot: snapshot, period: Self.january(), itemCategories: Self.categories, needs: needs)
            }
            #expect(error?.code == .invalidParameter && error?.message.contains("A") == true)
        }
    }

    @Test func csatAndNPS() throws {
        let csat = try CustomerSatisfactionScore.compute([5, 4, 3, 2, 1, 4])
        #expect(csat.responses == 6 && csat.satisfied == 3 && csat.score == 0.5)
        let nps = try NetPromoterScore.compute([10, 9, 8, 7, 6, 0, 10])
        #expect(nps.promoters == 3 && nps.passives == 2 && nps.detractors == 2)
        #expect(isApproximatelyEqual(nps.score, 100.0 / 7, relativeTolerance: 1e-15))
        #expect(try NetPromoterScore.compute([0, 6]).score == -100)
        for bad in [[6], [0], [3, -1]] {
            let error = #expect(throws: ScoringError.self) { try CustomerSatisfactionScore.compute(bad) }
            #expect(error?.code == .invalidRating)
        }
        let position = #expect(throws: ScoringError.self) { try NetPromoterScore.compute([10, 11]) }
        #expect(position?.code == .invalidRating && position?.message.contains("position 1") == true)
        #expect((#expect(throws: ScoringError.self) { try NetPromoterScore.compute([]) })?.code == .degenerateInput)
    }

    static let delivery = SatisfactionFactor(area: .customerCare, name: "delivery")
    static let price = SatisfactionFactor(area: .product, name: "price")
    static let staff = SatisfactionFactor(area: .marketingAndService, name: "staff")

    static func responses() throws -> [SurveyResponse] {
        let d = try day("2024-03-01")
        return [
            SurveyResponse(customerID: "A", day: d, rating: 1, factors: [delivery, price, delivery]),
            SurveyResponse(customerID: "B", day: d, rating: 2, factors: [delivery]),
            SurveyResponse(customerID: "C", day: d, rating: 5, factors: [staff]),
            SurveyResponse(customerID: "D", day: d, rating: 5, factors: [staff, price]),
            SurveyResponse(customerID: "E", day: d, rating: 3, factors: [delivery]),
            SurveyResponse(customerID: "F", day: d, rating: 4),
        ]
    }

    @Test func factorsOfDissatisfactionAndDelight() throws {
        let analysis = SatisfactionAnalysis()
        // P(low) = 2/6; delivery: 2 of 3 low → lift 2; price: 1 of 2 → 1.5; staff: never low.
        let low = try analysis.dissatisfactionFactors(Self.responses())
        #expect(low.map(\.factor) == [Self.delivery, Self.price])
        #expect(isApproximatelyEqual(low.map(\.lift), [2, 1.5], relativeTolerance: 1e-15))
        #expect(low.map(\.mentions) == [3, 2] && low.map(\.mentionsInGroup) == [2, 1])
        // P(high) = 2/6; staff: 2 of 2 → 3; price: 1 of 2 → 1.5.
        let high = try analysis.delightFactors(Self.responses().reversed())
        #expect(high.map(\.factor) == [Self.staff, Self.price])
        #expect(isApproximatelyEqual(high.map(\.lift), [3, 1.5], relativeTolerance: 1e-15))
        #expect(try SatisfactionAnalysis(minimumSupport: 2).dissatisfactionFactors(Self.responses()).map(\.factor) == [Self.delivery])
        #expect(try analysis.delightFactors([SurveyResponse(customerID: "A", day: CalendarDay(dayNumber: 0), rating: 3, factors: [Self.price])]).isEmpty)
        #expect((#expect(throws: ScoringError.self) { try analysis.delightFactors([]) })?.code == .degenerateInput)
    }

    @Test func lowSatisfactionFlagsUseTheLatestResponse() throws {
        let d1 = try Self.day("2024-03-01"), d2 = try Self.day("2024-03-02")
        let responses = [
            SurveyResponse(customerID: "A", day: d1, rating: 1), SurveyResponse(customerID: "A", day: d2, rating: 4),
            SurveyResponse(customerID: "C", day: d1, rating: 2), SurveyResponse(customerID: "C", day: d1, rating: 1),
            SurveyResponse(customerID: "B", day: d2, rating: 2),
        ]
        let flags = try SatisfactionAnalysis().lowSatisfactionFlags(responses)
        #expect(flags.map(\.customerID) == ["B", "C"] && flags.map(\.rating) == [2, 1])
        let off = #expect(throws: ScoringError.self) {
            try SatisfactionAnalysis().lowSatisfactionFlags([SurveyResponse(customerID: "Q", day: d1, rating: 9)])
        }
        #expect(off?.code == .invalidRating && off?.message.contains("Q") == true)
        let overlap = #expect(throws: ScoringError.self) {
            try SatisfactionAnalysis(lowRatings: 1...3, highRatings: 3...5).lowSatisfactionFlags(responses)
        }
        #expect(overlap?.code == .invalidParameter)
        let nps = try SatisfactionAnalysis(scale: 0...10, lowRatings: 0...6, highRatings: 9...10)
            .lowSatisfactionFlags([SurveyResponse(customerID: "N", day: d1, rating: 6)])
        #expect(nps.map(\.customerID) == ["N"])
    }

    @Test func acquisitionCostByChannelAndCampaign() throws {
        let web = AcquisitionSource.channel(.web), app = AcquisitionSource.channel(.app), spring = AcquisitionSource.campaign("spring")
        let usd = { (minor: Int64) in Money(minorUnits: minor, currency: .usd) }
        let cac = try AcquisitionCost.compute(
            snapshot: Self.snapshot(), period: Self.day("2024-01-01")..<Self.day("2024-03-01"),
            spend: [web: usd(10_000), app: usd(5_000), spring: usd(3_000)], attribution: ["A": web, "B": spring, "D": web])
        // New customers: A (web), B (spring), C (unattributed); D first bought in 2023.
        #expect(cac.rows.map(\.source) == [spring, app, web])
        #expect(cac.rows.map(\.newCustomers) == [1, 0, 1])
        #expect(cac.rows.map(\.costPerCustomerMinorUnits) == [3_000, nil, 10_000])
        #expect(cac.unattributedNewCustomers == 1)
        #expect(cac.row(for: web)?.spend == usd(10_000))
        let direct = try AcquisitionCost.compute(spend: [web: usd(1_000)], newCustomers: [web: 3, spring: 2], currency: .usd)
        #expect(direct.rows.map(\.costPerCustomerMinorUnits) == [0, 1_000.0 / 3])
        for (spend, count) in [(usd(-1), 1), (Money(minorUnits: 1, currency: .eur), 1), (usd(1), -1)] {
            let error = #expect(throws: ScoringError.self) {
                try AcquisitionCost.compute(spend: [web: spend], newCustomers: [web: count], currency: .usd)
            }
            #expect(error?.code == .invalidParameter)
        }
        #expect(try JSONDecoder().decode([AcquisitionSource].self, from: JSONEncoder().encode([web, spring])) == [web, spring])
    }
}
