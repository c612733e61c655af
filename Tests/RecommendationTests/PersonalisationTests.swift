import CustomerModel
import Foundation
import PrecisionMarketingTesting
import Recommendation
import Testing

@Suite("New-item audience, content matching and category replenishment")
struct PersonalisationTests {
    /// All orders on one day, so affinity shares are quantity shares.
    static let csv = """
        customer_id,order_id,date,item_id,quantity,amount
        C1,O1,2024-05-01,A,1,1.00
        C1,O1,2024-05-01,C,1,1.00
        C2,O2,2024-05-01,B,1,1.00
        C3,O3,2024-05-01,D,1,1.00
        C4,O4,2024-05-01,N,1,1.00
        C4,O4,2024-05-01,A,1,1.00

        """

    static let newItem = CatalogItem(id: "N", category: "tech", attributes: ["brand": "acme", "os": "droid"], tags: ["technology"])

    static func catalog() throws -> ItemCatalog {
        try ItemCatalog(items: [
            CatalogItem(id: "A", category: "tech", attributes: ["brand": "acme", "os": "droid"], tags: ["technology"]),
            CatalogItem(id: "B", category: "tech", attributes: ["brand": "zen", "os": "droid"]),
            CatalogItem(id: "C", category: "food", attributes: ["brand": "acme"], tags: ["Healthy-Living"]),
            CatalogItem(id: "D", category: "food", attributes: ["diet": "vegan"]),
            newItem,
        ])
    }

    /// C5 never bought; it browsed item A (tech) and the food category.
    static func browsing() throws -> [InteractionEvent] {
        let time = Date(timeIntervalSince1970: Double(try CalendarDay(iso: "2024-05-01").dayNumber) * 86_400)
        return [
            InteractionEvent(id: "e1", customerID: "C5", kind: .browse, occurredAt: time, channel: .web, details: InteractionDetails(itemID: "A")),
            InteractionEvent(id: "e2", customerID: "C5", kind: .browse, occurredAt: time, channel: .web, details: InteractionDetails(categoryID: "food")),
        ]
    }

    static func setUp() throws -> (CustomerSnapshot, ItemCatalog, CategoryAffinity) {
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array(csv.utf8))
        let catalog = try catalog()
        let affinity = try CategoryAffinityAnalysis().run(
            snapshot: snapshot, catalog: catalog, browsing: try browsing(), asOf: try CalendarDay(iso: "2024-06-01"))
        return (snapshot, catalog, affinity)
    }

    @Test func newItem_ranksByCategoryAffinityAndAttributeOverlap() throws {
        let (snapshot, catalog, affinity) = try Self.setUp()
        let audience = try NewItemAudience(snapshot: snapshot, catalog: catalog, affinity: affinity).audience(for: Self.newItem, count: 10)
        // C2: a = 1 (tech), B shares os → o = 1/2: 0.6 + 0.2. C1: a = 0.5, A shares 2 of 2 and C 1 of 2
        // over 2 items → o = 3/4: 0.3 + 0.3. C5 (browsing only): a = 0.5, no purchases: 0.3.
        // C3 (food, vegan) scores 0; C4 bought N.
        #expect(audience.map(\.customerID) == ["C2", "C1", "C5"])
        #expect(isApproximatelyEqual(audience[0].score, 0.8, relativeTolerance: 1e-12))
        #expect(audience[1].categoryAffinity == 0.5)
        #expect(audience[1].attributeOverlap == 0.75)
        #expect(isApproximatelyEqual(audience[1].score, 0.6, relativeTolerance: 1e-12))
        #expect(audience[2] == CustomerInterest(customer: 4, customerID: "C5", score: 0.3, categoryAffinity: 0.5, attributeOverlap: 0))
        let categoryOnly = try NewItemAudience(
            snapshot: snapshot, catalog: catalog, affinity: affinity, weights: NewItemInterestWeights(category: 1, attributes: 0))
        #expect(try categoryOnly.audience(for: Self.newItem, count: 1).map(\.customerID) == ["C2"])
        #expect(throws: RecommendationError.self) {
            try NewItemAudience(snapshot: snapshot, catalog: catalog, affinity: affinity, weights: NewItemInterestWeights(category: -1))
        }
    }

    @Test func content_matchesStatedAndInferredInterests() throws {
        let (snapshot, catalog, affinity) = try Self.setUp()
        let contents = [
            ContentItem(id: "K1", tags: ["Technology"]), ContentItem(id: "K2", tags: ["healthy-living", "food"]),
            ContentItem(id: "K3", tags: ["gardening"]),
        ]
        let matcher = try ContentMatcher(contents: contents, catalog: catalog)
        // f(tech, technology) = 2/3 (A and N of A, B, N); f(food, healthy-living) = 1/2; f(food, food) = 1.
        // C1 (tech 0.5, food 0.5, states "gardening"): K3 1, K2 (0.25 + 0.5)/2, K1 0.5 · 2/3.
        let c1 = matcher.match(affinity: affinity, customer: 0, statedInterests: ["Gardening "], count: 5)
        #expect(c1.map(\.id) == ["K3", "K2", "K1"])
        #expect(c1[0].score == 1)
        #expect(c1[1].score == 0.375)
        #expect(isApproximatelyEqual(c1[2].score, 1.0 / 3, relativeTolerance: 1e-12))
        let profile = CustomerProfile(id: "C3", createdAt: Date(timeIntervalSince1970: 0)).setting(
            .interests, to: .list(["technology"]), provenance: Provenance(method: .customerUpdate, channel: .online, observedAt: Date(timeIntervalSince1970: 0)))
        let all = try matcher.matchAll(
            affinity: affinity, customerIDs: snapshot.customerIDs, statedInterests: ContentMatcher.statedInterests(of: [profile]), count: 2)
        #expect(all.customerCount == 5)
        #expect(all.contents(forCustomer: 0).map { $0 } == [1, 0])  // C1 states nothing here: K2, K1
        #expect(all.contents(forCustomer: 1).map { $0 } == [0])  // C2: tech only → K1 2/3
        // C3: food 1 → K2 (0.5 + 1)/2 = 0.75; states technology → K1 1.
        #expect(all.contents(forCustomer: 2).map { $0 } == [0, 1])
        #expect(all.scores[all.offsets[2]...].prefix(2) == [1, 0.75])
        #expect(throws: RecommendationError.self) { try ContentMatcher(contents: [ContentItem(id: "K", tags: [" "])], catalog: catalog) }
    }

    @Test func content_equalScoresGoToTheSmallerID() throws {
        let (_, catalog, affinity) = try Self.setUp()
        let matcher = try ContentMatcher(
            contents: [ContentItem(id: "K2", tags: ["technology"]), ContentItem(id: "K1", tags: ["TECHNOLOGY"]), ContentItem(id: "K0", tags: ["food"])],
            catalog: catalog)
        // C2 (tech only): K1 and K2 both 2/3; K0 0 (not listed); one slot keeps K1.
        #expect(matcher.match(affinity: affinity, customer: 1, statedInterests: [], count: 5).map(\.id) == ["K1", "K2"])
        #expect(matcher.match(affinity: affinity, customer: 1, statedInterests: [], count: 1).map(\.id) == ["K1"])
    }

    @Test func categoryReplenishment_findsACycleAcrossItemsOfACategory() throws {
        let csv = """
            customer_id,order_id,date,item_id,quantity,amount
            C1,O1,2024-01-01,P1,1,1.00
            C1,O2,2024-01-31,P2,1,1.00
            C1,O3,2024-03-01,P3,1,1.00
            C1,O4,2024-03-31,P1,1,1.00
            C1,O1,2024-01-01,X,1,1.00
            C1,O2,2024-01-31,X,1,1.00
            C1,O3,2024-03-01,X,1,1.00

            """
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array(csv.utf8))
        let catalog = try ItemCatalog(items: ["P1", "P2", "P3"].map { CatalogItem(id: $0, category: "pet food") })
        let analysis = try ReplenishmentAnalysis(minimumPurchases: 3)
        let asOf = try CalendarDay(iso: "2024-04-15")
        let byCategory = analysis.runByCategory(on: snapshot, catalog: catalog, asOf: asOf)
        #expect(byCategory.count == 1)
        #expect(byCategory.category(of: 0) == "pet food")
        let entry = byCategory[0]
        #expect(entry.purchases == 4)
        #expect(entry.cycleDays == 30)
        #expect(entry.due == (try CalendarDay(iso: "2024-04-30")))
        #expect(byCategory.due(on: try CalendarDay(iso: "2024-04-30")) == [0])
        #expect(byCategory.due(on: asOf).isEmpty)
        // Per item, only X has three purchase days.
        let perItem = analysis.run(on: snapshot, asOf: asOf)
        #expect(perItem.count == 1 && snapshot.itemIDs[perItem[0].item] == "X")
    }
}
