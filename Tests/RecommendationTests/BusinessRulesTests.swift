import CustomerModel
import Foundation
import PrecisionMarketingTesting
import Recommendation
import Testing

@Suite("Business rules and explanations")
struct BusinessRulesTests {
    static let csv = """
        customer_id,order_id,date,item_id,quantity,amount
        C1,O1,2024-01-01,A,1,1.00
        C1,O1,2024-01-01,B,1,1.00
        C2,O2,2024-01-02,D,1,1.00
        C3,O3,2024-01-03,E,1,1.00
        C1,O4,2024-03-10,C,1,1.00

        """

    static func setUp() throws -> (CustomerSnapshot, BusinessRuleContext, (String) -> Int32) {
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array(csv.utf8))
        let context = BusinessRuleContext(
            snapshot: snapshot, asOf: try CalendarDay(iso: "2024-03-15"), categories: ["A": "x", "D": "x", "B": "y"])
        let item: (String) -> Int32 = { id in Int32((0..<snapshot.itemCount).first { snapshot.itemIDs[$0] == id } ?? -1) }
        return (snapshot, context, item)
    }

    /// C1's candidates: D 0.9, E 0.8, C 0.7, B 0.6, A 0.5.
    static func candidates(_ item: (String) -> Int32) -> [ExplainedRecommendation] {
        zip(["D", "E", "C", "B", "A"], [0.9, 0.8, 0.7, 0.6, 0.5]).map {
            ExplainedRecommendation(item: item($0), score: $1, source: .popularity(share: $1))
        }
    }

    @Test func filtersBoostsAndDiversity() throws {
        let (snapshot, context, item) = try Self.setUp()
        let c1 = try #require((0..<snapshot.customerCount).first { snapshot.customerIDs[$0] == "C1" })
        let rules = BusinessRules([
            .excludeItems(itemIDs: ["E"], reason: "out of stock"),
            .excludeBoughtWithin(days: 30),
            .boost(itemIDs: ["A"], factor: 2, reason: "high margin"),
            .boost(itemIDs: ["D"], factor: 10, reason: "new", customerIDs: ["C2"]),
        ])
        let result = try rules.apply(to: Self.candidates(item), customer: c1, context: context, count: 10)
        #expect(result.map { snapshot.itemIDs[Int($0.item)] } == ["A", "D", "B"])  // C was bought 5 days ago
        #expect(result[0].score == 1.0)
        #expect(result[0].adjustments == ["high margin ×2.0"])
        #expect(result[1].adjustments.isEmpty)  // the "new" boost is for C2 only
        #expect(try rules.apply(to: Self.candidates(item), customer: c1, context: context, count: 2).count == 2)

        let diverse = BusinessRules(rules.rules + [.maximumPerCategory(limit: 1)])
        let limited = try diverse.apply(to: Self.candidates(item), customer: c1, context: context, count: 10)
        #expect(limited.map { snapshot.itemIDs[Int($0.item)] } == ["A", "B"])  // D shares category x with A

        let notForC1 = BusinessRules([.excludeItems(itemIDs: ["D"], reason: "not allowed", customerIDs: ["C3"])])
        #expect(try notForC1.apply(to: Self.candidates(item), customer: c1, context: context, count: 10).count == 5)
    }

    @Test func rules_roundTripThroughJSON() throws {
        let rules = BusinessRules([
            .excludeItems(itemIDs: ["I1"], reason: "out of stock"),
            .excludeBoughtWithin(days: 30),
            .boost(itemIDs: ["I2"], factor: 1.5, reason: "high margin", customerIDs: ["C7"]),
            .maximumPerCategory(limit: 2),
        ])
        let data = try JSONEncoder().encode(rules)
        #expect(try JSONDecoder().decode(BusinessRules.self, from: data) == rules)
        let text = #"{"rules":[{"excludeBoughtWithin":{"days":7}},{"boost":{"itemIDs":["A"],"factor":2,"reason":"new"}}]}"#
        let decoded = try JSONDecoder().decode(BusinessRules.self, from: Data(text.utf8))
        #expect(decoded.rules == [.excludeBoughtWithin(days: 7), .boost(itemIDs: ["A"], factor: 2, reason: "new")])
    }

    @Test func invalidRules_throw() throws {
        let (_, context, item) = try Self.setUp()
        for rule in [BusinessRule.excludeBoughtWithin(days: -1), .boost(itemIDs: [], factor: 0, reason: "x"), .maximumPerCategory(limit: 0)] {
            #expect(throws: RecommendationError.self) { try BusinessRules([rule]).validate() }
            #expect(throws: RecommendationError.self) {
                try BusinessRules([rule]).apply(to: Self.candidates(item), customer: 0, context: context, count: 5)
            }
        }
        #expect(throws: RecommendationError.self) {
            try BusinessRules([]).apply(to: [], customer: 9, context: context, count: 5)
        }
    }

    @Test func explanations_nameTheirSource() throws {
        let matrix = try PurchaseMatrix(purchases: ItemItemTests.purchases, itemCount: 4)
        let model = try ItemItemRecommender(matrix: matrix, neighborCount: 2)
        let explained = try model.explainedRecommendations(forCustomer: 1)
        #expect(explained.map(\.item) == [1])
        guard case .collaborativeFiltering(let because) = explained[0].source else {
            Issue.record("expected a CF explanation")
            return
        }
        #expect(because.map(\.item) == [0, 2])  // sim(0,1) ≈ 0.632 contributes more than sim(2,1) = 0.5
        #expect(isApproximatelyEqual(because[0].score, ItemItemTests.sim01, relativeTolerance: 1e-15))

        let baskets = try BasketSet(baskets: AssociationRulesTests.small, itemCount: 3)
        let rules = try AssociationRules(
            itemsets: try FPGrowth(minimumSupport: 0.4).frequentItemsets(in: baskets), minimumConfidence: 0.5)
        let fromRules = AssociationRuleRecommender(rules: rules).explainedRecommendations(forItems: [0, 1])
        #expect(fromRules.count == 1)
        guard case .associationRule(let antecedent, let confidence, _) = fromRules[0].source else {
            Issue.record("expected a rule explanation")
            return
        }
        #expect(antecedent == [1] && isApproximatelyEqual(confidence, 2.0 / 3, relativeTolerance: 1e-15))

        let popular = try PopularityRecommender(matrix: matrix).explainedRecommendations(forCustomer: 3, count: 1)
        #expect(popular.map(\.item) == [0])
        #expect(popular[0].source == .popularity(share: 0.5))
    }
}
