import CustomerModel
import Foundation
import PrecisionMarketingTesting
import Recommendation
import Testing

@Suite("Association rules")
struct AssociationRulesTests {
    /// Five baskets over items 0, 1, 2: n(0) = 4, n(1) = n(2) = 3, every pair 2, the triple 1.
    static let small = [[0, 1, 2], [0, 1], [0, 2], [1, 2], [0]]

    @Test func smallBasketsByHand() throws {
        let baskets = try BasketSet(baskets: Self.small, itemCount: 3)
        #expect(baskets.itemBasketCounts == [4, 3, 3])
        let itemsets = try FPGrowth(minimumSupport: 0.4).frequentItemsets(in: baskets)
        #expect(itemsets.minimumCount == 2)
        #expect(itemsets.count == 6)
        #expect(itemsets.basketCount(of: [1, 0]) == 2)
        #expect(itemsets.basketCount(of: [0, 1, 2]) == nil)
        #expect(itemsets.countsBySize() == [1: 3, 2: 3])
        // Ordered by count, then size, then ids.
        #expect((0..<itemsets.count).map { Array(itemsets.items(at: $0)) } == [[0], [1], [2], [0, 1], [0, 2], [1, 2]])
        #expect(isApproximatelyEqual(itemsets.support(at: 0), 0.8, absoluteTolerance: 1e-15))

        let rules = try AssociationRules(itemsets: itemsets, minimumConfidence: 0.5)
        let listed = rules.rules.map { "\($0.antecedent)->\($0.consequent)" }
        #expect(listed == ["[1]->[2]", "[2]->[1]", "[1]->[0]", "[2]->[0]", "[0]->[1]", "[0]->[2]"])
        let top = rules[0]
        #expect(top.count == 2 && top.antecedentCount == 3 && top.consequentCount == 3 && top.basketCount == 5)
        #expect(isApproximatelyEqual(top.support, 0.4, absoluteTolerance: 1e-15))
        #expect(isApproximatelyEqual(top.confidence, 2.0 / 3, absoluteTolerance: 1e-15))
        #expect(isApproximatelyEqual(top.lift, 10.0 / 9, absoluteTolerance: 1e-15))
        #expect(isApproximatelyEqual(top.leverage, 0.04, absoluteTolerance: 1e-15))
        #expect(isApproximatelyEqual(top.conviction, 1.2, absoluteTolerance: 1e-12))
        #expect(isApproximatelyEqual(rules[4].lift, 5.0 * 2 / 12, absoluteTolerance: 1e-15))

        // A stricter confidence keeps the four rules at 2/3.
        #expect(try AssociationRules(itemsets: itemsets, minimumConfidence: 0.6).count == 4)
        // A lower support finds the triple and its six rules.
        let all = try FPGrowth(minimumSupport: 0.2).frequentItemsets(in: baskets)
        #expect(all.count == 7)
        #expect(all.basketCount(of: [2, 1, 0]) == 1)
        let allRules = try AssociationRules(itemsets: all, minimumConfidence: 0)
        #expect(allRules.count == 12)
        let pairToOne = try #require(allRules.rules(withAntecedent: [2, 1]).first)
        #expect(pairToOne.consequent == [0] && pairToOne.count == 1 && pairToOne.antecedentCount == 2)
        #expect(allRules.rules(withAntecedent: [0]).map(\.consequent) == [[1], [2], [1, 2]])
    }

    @Test func conviction_isInfiniteAtFullConfidence() throws {
        let baskets = try BasketSet(baskets: [[0, 1], [0, 1], [1]], itemCount: 2)
        let rules = try AssociationRules(
            itemsets: try FPGrowth(minimumSupport: 0.5).frequentItemsets(in: baskets), minimumConfidence: 0.5)
        let rule = try #require(rules.rules(withAntecedent: [0]).first)
        #expect(rule.confidence == 1)
        #expect(rule.conviction == .infinity)
        #expect(rule.lift == 1)
    }

    @Test func minimumCount_followsTheSupportDivision() throws {
        // 0.001 · 26,851 = 26.851: 27 baskets are needed; 0.5 of 4 is exactly 2.
        #expect(try FPGrowth(minimumSupport: 0.001).minimumCount(basketCount: 26_851) == 27)
        #expect(try FPGrowth(minimumSupport: 0.5).minimumCount(basketCount: 4) == 2)
        #expect(try FPGrowth(minimumSupport: 1).minimumCount(basketCount: 7) == 7)
        #expect(try FPGrowth(minimumSupport: 1e-9).minimumCount(basketCount: 7) == 1)
    }

    @Test func invalidParameters_throw() throws {
        for support in [0, -0.1, 1.5, .nan, .infinity] {
            #expect(throws: RecommendationError.self) { try FPGrowth(minimumSupport: support) }
        }
        #expect(throws: RecommendationError.self) { try FPGrowth(minimumSupport: 0.1, maximumLength: 0) }
        let itemsets = try FPGrowth(minimumSupport: 0.5).frequentItemsets(in: try BasketSet(baskets: [[0]], itemCount: 1))
        #expect(throws: RecommendationError.self) { try AssociationRules(itemsets: itemsets, minimumConfidence: 1.01) }
        #expect(throws: RecommendationError.self) { try BasketSet(baskets: [[0, 3]], itemCount: 3) }
    }

    @Test func firedRules_needAnUnboughtConsequent() throws {
        let baskets = try BasketSet(baskets: Self.small, itemCount: 3)
        let rules = try AssociationRules(
            itemsets: try FPGrowth(minimumSupport: 0.4).frequentItemsets(in: baskets), minimumConfidence: 0.5)
        #expect(rules.rules(firedBy: [1]).map(\.consequent) == [[2], [0]])
        #expect(rules.rules(firedBy: [0, 1, 2]).isEmpty)
    }

    @Test func snapshotBaskets_countRepeatedItemsOnce() throws {
        let csv = """
            customer_id,order_id,date,item_id,quantity,amount
            C1,O1,2024-01-01,B,1,1.00
            C1,O1,2024-01-01,A,2,2.00
            C1,O1,2024-01-01,B,1,1.00
            C2,O2,2024-01-02,A,1,1.00
            C1,O3,2024-01-03,C,1,1.00

            """
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array(csv.utf8))
        let baskets = BasketSet(snapshot: snapshot)
        #expect(baskets.count == 3)
        let names = (0..<baskets.count).map { b in baskets.items(ofBasket: b).map { snapshot.itemIDs[Int($0)] } }
        #expect(Set(names) == [["B", "A"], ["A"], ["C"]])
        #expect(baskets.itemOrder.items.map { snapshot.itemIDs[Int($0)] } == ["A", "B", "C"])
        let a = try #require((0..<snapshot.itemCount).first { snapshot.itemIDs[$0] == "A" })
        #expect(baskets.itemBasketCounts[a] == 2)
    }
}
