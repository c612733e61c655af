import CustomerModel
import Foundation
import Recommendation
import Testing

@Suite("Fallback chain, group popularity and category-affinity popularity")
struct FallbackChainTests {
    /// Items A, B (tech), C, D (food), E (home); every order on one day, so affinity shares are
    /// quantity shares. Buyers: A 3 (C1, C2, C5), C 2, E 2, B 1, D 1 of 5 customers.
    static let csv = """
        customer_id,order_id,date,item_id,quantity,amount
        C1,O1,2024-05-01,A,1,1.00
        C1,O1,2024-05-01,B,1,1.00
        C2,O2,2024-05-01,A,1,1.00
        C2,O2,2024-05-01,C,1,1.00
        C3,O3,2024-05-01,C,1,1.00
        C3,O3,2024-05-01,D,1,1.00
        C4,O4,2024-05-01,E,1,1.00
        C5,O5,2024-05-01,A,1,1.00
        C5,O5,2024-05-01,E,1,1.00

        """

    struct Setup {
        let snapshot: CustomerSnapshot
        let matrix: PurchaseMatrix
        let affinityPopularity: AffinityPopularity
        let segments: GroupPopularity
        let regions: GroupPopularity
        let overall: PopularityRecommender
        let item: (String) -> Int32
    }

    static func setUp() throws -> Setup {
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array(csv.utf8))
        let catalog = try ItemCatalog(items: [
            CatalogItem(id: "A", category: "tech"), CatalogItem(id: "B", category: "tech"), CatalogItem(id: "C", category: "food"),
            CatalogItem(id: "D", category: "food"), CatalogItem(id: "E", category: "home"),
        ])
        let matrix = PurchaseMatrix(snapshot: snapshot)
        let overall = try PopularityRecommender(matrix: matrix)
        let affinity = try CategoryAffinityAnalysis().run(snapshot: snapshot, catalog: catalog, asOf: try CalendarDay(iso: "2024-06-01"))
        let segments = CustomerGroups(snapshot: snapshot, members: ["s1": ["C3", "C4"], "s2": ["C1"]])
        let profiles = ["C4", "C5"].map {
            CustomerProfile(id: CustomerID($0), createdAt: Date(timeIntervalSince1970: 0)).setting(
                .region, to: .string("north"), provenance: Provenance(method: .customerUpdate, channel: .online, observedAt: Date(timeIntervalSince1970: 0)))
        }
        let regions = CustomerGroups(snapshot: snapshot, profiles: profiles)
        let item: (String) -> Int32 = { id in Int32((0..<snapshot.itemCount).first { snapshot.itemIDs[$0] == id } ?? -1) }
        return Setup(
            snapshot: snapshot, matrix: matrix,
            affinityPopularity: try AffinityPopularity(affinity: affinity, popularity: overall, itemCategories: catalog.categoryIndices(for: snapshot)),
            segments: try GroupPopularity(matrix: matrix, groups: segments), regions: try GroupPopularity(matrix: matrix, groups: regions),
            overall: overall, item: item)
    }

    static func recommender(_ s: Setup, _ chain: FallbackChain) throws -> FallbackChainRecommender {
        try FallbackChainRecommender(
            chain: chain, matrix: s.matrix, affinityPopularity: s.affinityPopularity, segments: s.segments, regions: s.regions, overall: s.overall)
    }

    static let coldStartChain = FallbackChain(levels: [.categoryAffinity, .segmentPopularity, .regionPopularity, .overallPopularity])

    @Test func groups_fromSegmentsAndProfileRegions() throws {
        let s = try Self.setUp()
        #expect(s.segments.groups.names == ["s1", "s2"])
        #expect(s.segments.groups.groupOfCustomer == [1, -1, 0, 0, -1])
        #expect(s.regions.groups.names == ["north"])
        #expect(s.regions.groups.groupOfCustomer == [-1, -1, -1, 0, 0])
        // Segment s1 (C3, C4): C, D, E one buyer each of 2 → 0.5, id order.
        #expect(try s.segments.recommend(forCustomer: 3, count: 5) == [ScoredItem(item: s.item("C"), score: 0.5), ScoredItem(item: s.item("D"), score: 0.5)])
        #expect(try s.segments.recommend(forCustomer: 1).isEmpty)
    }

    @Test func affinityPopularity_scoresAffinityTimesPopularity() throws {
        let s = try Self.setUp()
        // C2 bought A (tech) and C (food): shares 0.5 each. Candidates: B 0.5·0.2, D 0.5·0.2 (tie: id order).
        let list = try s.affinityPopularity.recommend(forCustomer: 1, count: 5)
        #expect(list.map(\.item) == [s.item("B"), s.item("D")])
        #expect(list.map(\.score) == [0.1, 0.1])
        #expect(list[0].source == .categoryAffinity(category: "tech", affinity: 0.5, popularity: 0.2))
    }

    @Test func chain_fillsFromEachLevelInOrder() throws {
        let s = try Self.setUp()
        let recommender = try Self.recommender(s, Self.coldStartChain)
        // C4 bought E (home: nothing else there) → segment s1: C, D; region north: E bought, A 0.5; overall: B 0.2.
        let c4 = try recommender.recommend(forCustomer: 3, count: 4)
        #expect(c4.map(\.item) == ["C", "D", "A", "B"].map(s.item))
        #expect(c4.map(\.source) == [
            .segmentPopularity(segment: "s1", share: 0.5), .segmentPopularity(segment: "s1", share: 0.5),
            .regionPopularity(region: "north", share: 0.5), .popularity(share: 0.2),
        ])
        // C2: affinity B, D; no segment or region; overall E 0.4; nothing else unbought.
        let c2 = try recommender.recommend(forCustomer: 1, count: 4)
        #expect(c2.map(\.item) == ["B", "D", "E"].map(s.item))
        #expect(c2[2].source == .popularity(share: 0.4))
        // The parallel path gives the same lists and levels.
        let all = try recommender.recommendAll(count: 4)
        #expect(all.recommendations.items(forCustomer: 3).map { $0 } == c4.map(\.item))
        #expect(all.entries(ofCustomer: 3).map(\.level) == [.segmentPopularity, .segmentPopularity, .regionPopularity, .overallPopularity])
        #expect(all.entries(ofCustomer: 1).map(\.level) == [.categoryAffinity, .categoryAffinity, .overallPopularity])
        #expect(all.countsByLevel[.categoryAffinity, default: 0] >= 2)
    }

    @Test func chain_categoryLimitSkipsItemsOfAFullCategory() throws {
        let s = try Self.setUp()
        var chain = Self.coldStartChain
        chain.maximumPerCategory = 1
        let recommender = try Self.recommender(s, chain)
        // C4: segment C (food), D skipped (food full); region A (tech); overall B (tech full), D (food full).
        #expect(try recommender.recommend(forCustomer: 3, count: 4).map(\.item) == ["C", "A"].map(s.item))
        #expect(try recommender.recommendAll(count: 4).recommendations.items(forCustomer: 3).map { $0 } == ["C", "A"].map(s.item))
    }

    @Test func chain_collaborativeFilteringComesFirstForCustomersWithHistory() throws {
        let s = try Self.setUp()
        let cf = try ItemItemRecommender(matrix: s.matrix, neighborCount: 50)
        let chain = FallbackChain(levels: [.collaborativeFiltering, .overallPopularity], minimumHistoryItems: 2)
        let recommender = try FallbackChainRecommender(chain: chain, matrix: s.matrix, itemItem: cf, overall: s.overall)
        let expected = try cf.recommend(forCustomer: 0, count: 3)
        let c1 = try recommender.recommend(forCustomer: 0, count: 3)
        #expect(Array(c1.prefix(expected.count).map(\.item)) == expected.map(\.item))
        #expect(c1.first.map { if case .collaborativeFiltering = $0.source { true } else { false } } == true)
        // C4 bought one item, fewer than minimumHistoryItems: popularity only (A 0.6, C 0.4; E bought).
        let c4 = try recommender.recommend(forCustomer: 3, count: 2)
        #expect(c4 == [
            ExplainedRecommendation(item: s.item("A"), score: 0.6, source: .popularity(share: 0.6)),
            ExplainedRecommendation(item: s.item("C"), score: 0.4, source: .popularity(share: 0.4)),
        ])
    }

    @Test func chain_replenishmentRecommendsADueRepurchase() throws {
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array(ReplenishmentTests.csv.utf8))
        let matrix = PurchaseMatrix(snapshot: snapshot)
        let cycles = try ReplenishmentAnalysis(minimumPurchases: 3).run(on: snapshot, asOf: try CalendarDay(iso: "2024-02-12"))
        let recommender = try FallbackChainRecommender(
            chain: FallbackChain(levels: [.replenishment, .overallPopularity]), matrix: matrix, replenishment: cycles,
            overall: try PopularityRecommender(matrix: matrix))
        // C1 buys A every 10 days, last on 2024-02-02: due 2024-02-12; C1 bought every other item.
        let c1 = try recommender.recommend(forCustomer: 0, count: 3)
        #expect(c1 == [ExplainedRecommendation(item: 0, score: 1, source: .replenishment(cycleDays: 10, due: try CalendarDay(iso: "2024-02-12")))])
    }

    @Test func chain_isCodableAndValidated() throws {
        let json = #"{"levels":["replenishment","collaborativeFiltering","categoryAffinity","segmentPopularity","regionPopularity","overallPopularity"],"minimumHistoryItems":1}"#
        let chain = try JSONDecoder().decode(FallbackChain.self, from: Data(json.utf8))
        #expect(chain == .standard)
        let s = try Self.setUp()
        #expect(throws: RecommendationError.self) { try Self.recommender(s, .standard) }  // no CF or replenishment source
        #expect(throws: RecommendationError.self) {
            try Self.recommender(s, FallbackChain(levels: [.overallPopularity, .overallPopularity]))
        }
        #expect(throws: RecommendationError.self) {
            try FallbackChainRecommender(chain: FallbackChain(levels: [.overallPopularity], maximumPerCategory: 2), matrix: s.matrix, overall: s.overall)
        }
    }
}
