import CustomerModel
import Foundation
import PrecisionMarketingTesting
import Recommendation
import Testing

@Suite("Category affinity")
struct CategoryAffinityTests {
    static let catalog = try? ItemCatalog(items: [
        CatalogItem(id: "A", category: "tech"), CatalogItem(id: "B", category: "tech"),
        CatalogItem(id: "C", category: "food"), CatalogItem(id: "H", category: "home"),
    ])

    /// C1: 2 × A (tech) 90 days before the as-of day, 1 × C (food) 30 days before, and an order
    /// on the as-of day (not counted); C2: B 30 days before and Z (not in the catalogue).
    static let csv = """
        customer_id,order_id,date,item_id,quantity,amount
        C1,O1,2024-01-01,A,2,10.00
        C1,O2,2024-03-01,C,1,4.00
        C2,O3,2024-03-01,B,1,5.00
        C2,O3,2024-03-01,Z,1,1.00
        C1,O4,2024-03-31,A,1,1.00

        """

    static func event(_ id: String, _ customer: String, _ kind: InteractionKind, _ time: String, item: String? = nil, category: String? = nil, dwell: Double? = nil) throws -> InteractionEvent {
        InteractionEvent(
            id: EventID(id), customerID: CustomerID(customer), kind: kind, occurredAt: try Self.instant(time),
            channel: .web, details: InteractionDetails(dwellSeconds: dwell, itemID: item.map(ItemID.init), categoryID: category.map(CategoryID.init)))
    }

    /// "YYYY-MM-DDTHH" as an instant (UTC).
    static func instant(_ text: String) throws -> Date {
        let parts = text.split(separator: "T")
        let day = try CalendarDay(iso: parts[0])
        let hour = Double(parts.count > 1 ? parts[1].prefix(2) : "0") ?? 0
        return Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + hour * 3_600)
    }

    static func events() throws -> [InteractionEvent] {
        [
            try event("e1", "C1", .browse, "2024-03-21T12:00:00Z", item: "B", dwell: 120),  // tech, 10 days
            try event("e2", "C3", .browse, "2024-03-30T08:00:00Z", category: "home"),  // browsing-only customer
            try event("e3", "C1", .click, "2024-03-21T12:00:00Z", item: "B"),  // not a browse
            try event("e4", "C1", .browse, "2024-03-21T12:00:00Z", category: "garden"),  // unknown category
            try event("e5", "C1", .browse, "2024-03-31T00:00:00Z", item: "A"),  // on the as-of day
            try event("e6", "C2", .browse, "2024-03-21T12:00:00Z", item: "A", dwell: -5),  // invalid dwell
        ]
    }

    @Test func affinity_decayedPurchasesAndBrowsing_normalisedShares() throws {
        let catalog = try #require(Self.catalog)
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array(Self.csv.utf8))
        let asOf = try CalendarDay(iso: "2024-03-31")
        let analysis = try CategoryAffinityAnalysis(weights: CategoryAffinityWeights(halfLifeDays: 30))
        let affinity = analysis.run(snapshot: snapshot, catalog: catalog, browsing: try Self.events(), asOf: asOf)
        let food: Int32 = 0, home: Int32 = 1, tech: Int32 = 2
        #expect(affinity.categoryNames == ["food", "home", "tech"])
        #expect(affinity.customerCount == 3)
        #expect(affinity.browsingOnlyCustomerIDs == [CustomerID("C3")])
        #expect(affinity.ignoredEvents == 4)
        // C1: tech = 2 · 0.5^(90/30) + 0.5^(10/30) · (0.25 + 0.25 · 2 minutes); food = 1 · 0.5^(30/30).
        let c1Tech = 2 * 0.125 + pow(0.5, 1.0 / 3) * 0.75
        #expect(isApproximatelyEqual(affinity.score(customer: 0, category: tech), c1Tech, relativeTolerance: 1e-12))
        #expect(affinity.score(customer: 0, category: food) == 0.5)
        #expect(isApproximatelyEqual(affinity.share(customer: 0, category: tech), c1Tech / (c1Tech + 0.5), relativeTolerance: 1e-12))
        #expect(affinity.topCategories(ofCustomer: 0).map(\.category) == [tech, food])
        // C2: B only (Z has no category).
        #expect(affinity.score(customer: 1, category: tech) == 0.5)
        #expect(affinity.share(customer: 1, category: tech) == 1)
        // C3 browsed home one day before: 0.25 · 0.5^(1/30).
        #expect(isApproximatelyEqual(affinity.score(customer: 2, category: home), 0.25 * pow(0.5, 1.0 / 30), relativeTolerance: 1e-12))
        #expect(affinity.topCategories(ofCustomer: 2, count: 1).map(\.share) == [1])
    }

    @Test func affinity_amountWeightUsesCurrencyUnits() throws {
        let catalog = try #require(Self.catalog)
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array(Self.csv.utf8))
        let weights = CategoryAffinityWeights(quantity: 0, amount: 1, browse: 0, dwellPerMinute: 0, halfLifeDays: 30)
        let affinity = try CategoryAffinityAnalysis(weights: weights).run(snapshot: snapshot, catalog: catalog, asOf: try CalendarDay(iso: "2024-03-31"))
        #expect(affinity.score(customer: 0, category: 2) == 10 * 0.125)
        #expect(affinity.score(customer: 0, category: 0) == 4 * 0.5)
    }

    @Test func weights_validateAndRoundTrip() throws {
        #expect(throws: RecommendationError.self) { try CategoryAffinityAnalysis(weights: CategoryAffinityWeights(halfLifeDays: 0)) }
        #expect(throws: RecommendationError.self) { try CategoryAffinityAnalysis(weights: CategoryAffinityWeights(browse: -1)) }
        #expect(throws: RecommendationError.self) {
            try CategoryAffinityAnalysis(weights: CategoryAffinityWeights(quantity: 0, amount: 0, browse: 0, dwellPerMinute: 0))
        }
        let json = #"{"quantity":1,"amount":0.5,"browse":0.1,"dwellPerMinute":0,"maximumDwellSeconds":300,"halfLifeDays":60}"#
        let weights = try JSONDecoder().decode(CategoryAffinityWeights.self, from: Data(json.utf8))
        #expect(weights == CategoryAffinityWeights(quantity: 1, amount: 0.5, browse: 0.1, dwellPerMinute: 0, maximumDwellSeconds: 300, halfLifeDays: 60))
    }
}
