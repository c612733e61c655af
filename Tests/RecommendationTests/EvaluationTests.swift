import CustomerModel
import PrecisionMarketingTesting
import Recommendation
import Testing

@Suite("Popularity, rule recommendations and offline evaluation")
struct EvaluationTests {
    /// Split at 2024-01-15. C1 trains on {A, B} and then buys C (and A again); C2 trains on {A}
    /// and then buys B and D; C3 buys only after the split; C4 only before it.
    static let csv = """
        customer_id,order_id,date,item_id,quantity,amount
        C1,O1,2024-01-01,A,1,1.00
        C1,O1,2024-01-01,B,1,1.00
        C2,O3,2024-01-02,A,1,1.00
        C3,O5,2024-02-03,A,1,1.00
        C4,O6,2024-01-03,B,1,1.00
        C4,O6,2024-01-03,C,1,1.00
        C1,O2,2024-02-01,C,1,1.00
        C1,O2,2024-02-01,A,1,1.00
        C2,O4,2024-02-02,B,1,1.00
        C2,O4,2024-02-02,D,1,1.00

        """

    static func split() throws -> (CustomerSnapshot, TemporalSplit) {
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array(csv.utf8))
        return (snapshot, TemporalSplit(snapshot: snapshot, splitDay: try CalendarDay(iso: "2024-01-15")))
    }

    static func names(_ items: some Sequence<Int32>, _ snapshot: CustomerSnapshot) -> [String] {
        items.map { snapshot.itemIDs[Int($0)] }
    }

    @Test func split_keepsTrainingAndNewHeldOutItems() throws {
        let (snapshot, split) = try Self.split()
        #expect((0..<snapshot.customerCount).map { snapshot.customerIDs[$0] } == ["C1", "C2", "C3", "C4"])
        #expect(Self.names(split.training.items(ofCustomer: 0), snapshot) == ["A", "B"])
        #expect(Self.names(split.heldOut(ofCustomer: 0), snapshot) == ["C"])
        #expect(Self.names(split.heldOut(ofCustomer: 1), snapshot) == ["B", "D"])
        #expect(split.training.items(ofCustomer: 2).isEmpty && Self.names(split.heldOut(ofCustomer: 2), snapshot) == ["A"])
        #expect(split.heldOut(ofCustomer: 3).isEmpty)
        #expect(split.evaluatedCustomers == [0, 1])
        #expect(split.trainingBaskets.count == 3)
    }

    @Test func popularity_ranksByBuyersThenID() throws {
        let (snapshot, split) = try Self.split()
        let popular = try PopularityRecommender(matrix: split.training)
        #expect(Self.names(popular.rankedItems[0], snapshot) == ["A", "B", "C"])
        let c2 = try popular.recommend(forCustomer: 1)
        #expect(Self.names(c2.map(\.item), snapshot) == ["B", "C"])
        #expect(isApproximatelyEqual(c2[0].score, 2.0 / 3, relativeTolerance: 1e-15))
        #expect(Self.names(try popular.recommend(forCustomer: 2, count: 1).map(\.item), snapshot) == ["A"])
        // Per group: C1 and C3 in group 0, C2 and C4 in group 1.
        let grouped = try PopularityRecommender(matrix: split.training, groups: [0, 1, 0, 1])
        #expect(Self.names(grouped.rankedItems[1], snapshot) == ["A", "B", "C"])
        #expect(grouped.shares[1] == [0.5, 0.5, 0.5])
        #expect(Self.names(grouped.rankedItems[0], snapshot) == ["A", "B"])
        #expect(try grouped.recommend(forCustomer: 0).isEmpty)
        #expect(throws: RecommendationError.self) { try PopularityRecommender(matrix: split.training, groups: [0, 1]) }
        #expect(throws: RecommendationError.self) { try PopularityRecommender(matrix: split.training, groups: [0, -1, 0, 0]) }
    }

    @Test func metrics_byHand() throws {
        let (_, split) = try Self.split()
        let lists = try PopularityRecommender(matrix: split.training).recommendAll(count: 2)
        let metrics = try RecommendationMetrics(evaluating: lists, on: split, k: 2)
        // C1: [C] against {C}; C2: [B, C] against {B, D}.
        #expect(metrics.customers == 2)
        #expect(isApproximatelyEqual(metrics.precision, 0.5, relativeTolerance: 1e-15))
        #expect(isApproximatelyEqual(metrics.recall, 0.75, relativeTolerance: 1e-15))
        #expect(isApproximatelyEqual(metrics.meanAveragePrecision, 0.75, relativeTolerance: 1e-15))
        #expect(isApproximatelyEqual(metrics.ndcg, (1 + 1 / (1 + 1 / Double.log2Of3)) / 2, relativeTolerance: 1e-12))
        #expect(metrics.hitRate == 1)
        #expect(metrics.coverage == 0.5)
        let rare = 1.584962500721156  // −log₂(1/3)
        let common = 0.5849625007211562  // −log₂(2/3)
        #expect(isApproximatelyEqual(metrics.novelty, (2 * rare + common) / 3, relativeTolerance: 1e-12))
        #expect(throws: RecommendationError.self) { try RecommendationMetrics(evaluating: lists, on: split, k: 0) }
    }

    @Test func fallback_fillsShortListsWithoutRepeats() throws {
        let (snapshot, split) = try Self.split()
        let popular = try PopularityRecommender(matrix: split.training).recommendAll(count: 3)
        let cf = try ItemItemRecommender(matrix: split.training, neighborCount: 50).recommendAll(count: 3)
        // C2 bought A; A's neighbour through C1 is B: CF gives [B], popularity adds C.
        #expect(Self.names(cf.items(forCustomer: 1), snapshot) == ["B"])
        let filled = try cf.filled(from: popular)
        #expect(Self.names(filled.items(forCustomer: 1), snapshot) == ["B", "C"])
        #expect(Self.names(filled.items(forCustomer: 2), snapshot) == ["A", "B", "C"])  // cold start
        #expect(filled.requestedCount == 3)
    }

    @Test func ruleRecommendations_scoreTheBestConfidence() throws {
        let baskets = try BasketSet(baskets: AssociationRulesTests.small, itemCount: 3)
        let rules = try AssociationRules(
            itemsets: try FPGrowth(minimumSupport: 0.4).frequentItemsets(in: baskets), minimumConfidence: 0.5)
        let recommender = AssociationRuleRecommender(rules: rules)
        let one = recommender.recommend(forItems: [1])
        #expect(one.map(\.item) == [0, 2])  // equal confidence 2/3: smaller id first
        #expect(isApproximatelyEqual(one[0].score, 2.0 / 3, relativeTolerance: 1e-15))
        let two = recommender.recommend(forItems: [0, 1])
        #expect(two.map(\.item) == [2])
        #expect(isApproximatelyEqual(two[0].score, 2.0 / 3, relativeTolerance: 1e-15))  // max(2/3, 1/2)
        #expect(recommender.recommend(forItems: [0, 1, 2]).isEmpty)
        let matrix = try PurchaseMatrix(purchases: [[1], [0], []], itemCount: 3)
        let all = try recommender.recommendAll(matrix: matrix, count: 1)
        #expect(Array(all.items(forCustomer: 0)) == [0] && Array(all.items(forCustomer: 1)) == [1])
        #expect(all.items(forCustomer: 2).isEmpty)
    }
}

extension Double {
    /// log₂(3), the NDCG discount of the second position.
    fileprivate static var log2Of3: Double { 1.584962500721156 }
}
