import CustomerModel
import PrecisionMarketingTesting
import Recommendation
import Testing

@Suite("Item-item collaborative filtering")
struct ItemItemTests {
    /// x: u0 = {0: 2, 1: 1}, u1 = {0: 1, 2: 1}, u2 = {1: 1, 2: 1}, u3 = {3: 1}.
    /// Squared norms 5, 2, 2, 1; dots (0,1) = 2, (0,2) = 1, (1,2) = 1, item 3 alone.
    static let purchases = [[0, 0, 1], [0, 2], [1, 2], [3]]
    static let sim01 = 2 / 10.0.squareRoot()
    static let sim02 = 1 / 10.0.squareRoot()
    static let sim12 = 0.5

    @Test func matrix_countsLinesPerCustomerAndItem() throws {
        let matrix = try PurchaseMatrix(purchases: Self.purchases, itemCount: 4)
        #expect(matrix.entryCount == 7)
        #expect(matrix.count(customer: 0, item: 0) == 2)
        #expect(matrix.count(customer: 0, item: 2) == 0)
        #expect(Array(matrix.customers(ofItem: 2)) == [1, 2])
        #expect(Array(matrix.items(ofCustomer: 1)) == [0, 2])
        #expect(Array(matrix.columnCounts[matrix.columnOffsets[0]..<matrix.columnOffsets[1]]) == [2, 1])
        #expect(throws: RecommendationError.self) { try PurchaseMatrix(purchases: [[4]], itemCount: 4) }
    }

    @Test func neighbors_keepTheKMostSimilarIncludingItself() throws {
        let matrix = try PurchaseMatrix(purchases: Self.purchases, itemCount: 4)
        let two = try ItemNeighbors(matrix: matrix, neighborCount: 2)
        #expect(two.neighbors(of: 0).map(\.item) == [0, 1])
        #expect(two.neighbors(of: 2).map(\.item) == [2, 1])
        #expect(two.neighbors(of: 3).map(\.item) == [3])
        #expect(two.similarity(of: 0, to: 0) == 1)
        #expect(isApproximatelyEqual(two.similarity(of: 0, to: 1), Self.sim01, relativeTolerance: 1e-15))
        #expect(two.similarity(of: 2, to: 0) == 0)  // cut by K = 2
        let three = try ItemNeighbors(matrix: matrix, neighborCount: 3)
        #expect(three.neighbors(of: 2).map(\.item) == [2, 1, 0])
        #expect(isApproximatelyEqual(three.similarity(of: 2, to: 0), Self.sim02, relativeTolerance: 1e-15))
        #expect(three.entryCount == 3 + 3 + 3 + 1)
        #expect(throws: RecommendationError.self) { try ItemNeighbors(matrix: matrix, neighborCount: 0) }
    }

    @Test func scores_sumCountTimesSimilarityOverBoughtItems() throws {
        let matrix = try PurchaseMatrix(purchases: Self.purchases, itemCount: 4)
        let model = try ItemItemRecommender(matrix: matrix, neighborCount: 2)
        let all = try model.recommendAll(count: 10)
        #expect(all.customerCount == 4)
        #expect(all.recommendations(forCustomer: 0).isEmpty)  // both neighbours bought
        let u1 = all.recommendations(forCustomer: 1)
        #expect(u1.map(\.item) == [1])
        #expect(isApproximatelyEqual(u1[0].score, Self.sim01 + Self.sim12, relativeTolerance: 1e-15))
        #expect(all.recommendations(forCustomer: 2).map(\.item) == [0])
        #expect(all.recommendations(forCustomer: 3).isEmpty)
        #expect(try model.recommend(forCustomer: 1) == u1)
        let some = try model.recommend(forCustomers: [2, 1, 2])
        #expect(some.customerCount == 3)
        #expect(some.recommendations(forCustomer: 1) == u1)
        #expect(Array(some.items(forCustomer: 0)) == [0] && Array(some.items(forCustomer: 2)) == [0])
        #expect(throws: RecommendationError.self) { try model.recommend(forCustomers: [0, 4]) }

        // With K = 3, item 2 is a neighbour of items 0 and 1: 2 · sim(0,2) + 1 · sim(1,2).
        let wider = try ItemItemRecommender(matrix: matrix, neighborCount: 3)
        let u0 = try wider.recommend(forCustomer: 0)
        #expect(u0.map(\.item) == [2])
        #expect(isApproximatelyEqual(u0[0].score, 2 * Self.sim02 + Self.sim12, relativeTolerance: 1e-15))
        #expect(try wider.recommend(forCustomer: 1, count: 0).isEmpty)

        // Any weighted basket, the basket's items excluded.
        let basket = try wider.recommend(forItems: [(item: 1, weight: 2)])
        #expect(basket.map(\.item) == [0, 2])
        #expect(isApproximatelyEqual(basket[0].score, 2 * Self.sim01, relativeTolerance: 1e-15))
        #expect(try wider.alsoBought(item: 2).map(\.item) == [1, 0])
        #expect(try wider.alsoBought(item: 2, count: 1).map(\.item) == [1])

        #expect(throws: RecommendationError.self) { try wider.recommend(forCustomer: 4) }
        #expect(throws: RecommendationError.self) { try wider.recommend(forItems: [(item: 9, weight: 1)]) }
        #expect(throws: RecommendationError.self) { try wider.recommend(forItems: [(item: 1, weight: 0)]) }
        #expect(throws: RecommendationError.self) { try wider.alsoBought(item: -1) }
        #expect(throws: RecommendationError.self) { try wider.recommendAll(count: -1) }
    }

    @Test func equalScores_goToTheSmallerID() throws {
        // Items appear as Z, B, A; B and A are bought with Z exactly alike, so they tie.
        let csv = """
            customer_id,order_id,date,item_id,quantity,amount
            C1,O1,2024-01-01,Z,1,1.00
            C2,O2,2024-01-01,Z,1,1.00
            C2,O2,2024-01-01,B,1,1.00
            C2,O2,2024-01-01,A,1,1.00

            """
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array(csv.utf8))
        #expect((0..<snapshot.itemCount).map { snapshot.itemIDs[$0] } == ["Z", "B", "A"])
        let model = try ItemItemRecommender(snapshot: snapshot, neighborCount: 50)
        let customer = try #require((0..<snapshot.customerCount).first { snapshot.customerIDs[$0] == "C1" })
        let recommended = try model.recommend(forCustomer: customer)
        #expect(recommended.map { snapshot.itemIDs[Int($0.item)] } == ["A", "B"])
        #expect(recommended[0].score == recommended[1].score)
        #expect(isApproximatelyEqual(recommended[0].score, 1 / 2.0.squareRoot(), relativeTolerance: 1e-15))
        // The neighbours of Z: itself, then A before B.
        let z = try #require((0..<snapshot.itemCount).first { snapshot.itemIDs[$0] == "Z" })
        #expect(model.neighbors.neighbors(of: z).map { snapshot.itemIDs[Int($0.item)] } == ["Z", "A", "B"])
    }
}

@Suite("Empty inputs")
struct EmptyInputTests {
    @Test func noOrders_giveEmptyResults() throws {
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array("customer_id,order_id,date,item_id,quantity,amount\n".utf8))
        let baskets = BasketSet(snapshot: snapshot)
        #expect(baskets.count == 0)
        let itemsets = try FPGrowth(minimumSupport: 0.1).frequentItemsets(in: baskets)
        #expect(itemsets.count == 0)
        #expect(try AssociationRules(itemsets: itemsets, minimumConfidence: 0.2).count == 0)
        let model = try ItemItemRecommender(snapshot: snapshot)
        #expect(model.neighbors.entryCount == 0)
        #expect(try model.recommendAll().customerCount == 0)
        #expect(try PopularityRecommender(matrix: model.matrix).recommendAll().customerCount == 0)
        let split = TemporalSplit(snapshot: snapshot, splitDay: try CalendarDay(iso: "2024-01-01"))
        #expect(throws: RecommendationError.self) {
            try RecommendationMetrics(evaluating: try model.recommendAll(), on: split, k: 10)
        }
        #expect(try ReplenishmentAnalysis().run(on: snapshot, asOf: try CalendarDay(iso: "2024-01-01")).count == 0)
    }
}
