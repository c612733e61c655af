import CustomerModel
import Foundation
import PrecisionMarketingTesting
import Recommendation
import Testing

/// FP-growth and the rules against mlxtend 0.25.0 and efficient-apriori 2.0.6 on tx_10k.csv
/// (../shared/peers: fpgrowth_mlxtend.py, apriori_efficient.py; every itemset and rule from
/// Fixtures/make_references.py).
@Suite("Association rules against the reference tools")
struct AssociationRulesReferenceTests {
    struct Case: Sendable, CustomStringConvertible {
        let minimumSupport: String
        let itemsets: Int
        let bySize: [Int: Int]
        let rules: Int
        /// The peers' top 10 by lift (both peers print the same list).
        let top10: [(String, String)]
        var description: String { minimumSupport }
    }

    static let cases = [
        Case(
            minimumSupport: "0.005", itemsets: 62, bySize: [1: 55, 2: 7], rules: 8,
            top10: [
                ("I00908", "I00372"), ("I00372", "I00908"), ("I00428", "I01416"), ("I01416", "I00428"),
                ("I00606", "I00473"), ("I01857", "I00473"), ("I00473", "I01857"), ("I01076", "I00813"),
            ]),
        Case(
            minimumSupport: "0.001", itemsets: 367, bySize: [1: 281, 2: 84, 3: 2], rules: 66,
            top10: [
                ("I01817", "I00446"), ("I00445", "I01608"), ("I01980", "I00441"), ("I00441", "I01980"),
                ("I01918", "I00441"), ("I00750", "I01969"), ("I00325", "I01716"), ("I01619", "I00471"),
                ("I00171", "I01608"), ("I00916", "I00285"),
            ]),
    ]

    @Test(arguments: cases) func matchesTheReferenceTools(_ reference: Case) throws {
        let snapshot = try #require(Fixture.tx10k)
        let baskets = BasketSet(snapshot: snapshot)
        #expect(baskets.count == 26_851)
        let itemsets = try FPGrowth(minimumSupport: Double(reference.minimumSupport)!).frequentItemsets(in: baskets)
        let rules = try AssociationRules(itemsets: itemsets, minimumConfidence: 0.2)
        #expect(itemsets.count == reference.itemsets)
        #expect(itemsets.countsBySize() == reference.bySize)
        #expect(rules.count == reference.rules)

        func names(_ items: some Sequence<Int32>) -> String { items.map { snapshot.itemIDs[Int($0)] }.joined(separator: ";") }
        let top = rules.rules.prefix(10).map { (names($0.antecedent), names($0.consequent)) }
        #expect(top.map(\.0) == reference.top10.map(\.0))
        #expect(top.map(\.1) == reference.top10.map(\.1))

        // Every itemset with its count, every rule with every measure.
        let rows = try Fixture.rows("rules_tx_10k_\(reference.minimumSupport)")
        var expectedItemsets: [String: Int] = [:]
        var expectedRules: [String: [Double]] = [:]
        for row in rows {
            if row[0] == "itemset" {
                expectedItemsets[String(row[1])] = Int(row[3])
            } else {
                expectedRules["\(row[1])->\(row[2])"] = row[3...8].map { Double($0)! }
            }
        }
        var foundItemsets: [String: Int] = [:]
        for k in 0..<itemsets.count { foundItemsets[names(itemsets.items(at: k))] = itemsets.counts[k] }
        #expect(foundItemsets == expectedItemsets)
        #expect(expectedRules.count == rules.count)
        for rule in rules.rules {
            let key = "\(names(rule.antecedent))->\(names(rule.consequent))"
            let expected = try #require(expectedRules[key], "rule \(key) is not in the reference")
            #expect(Double(rule.count) == expected[0], "\(key)")
            for (value, reference) in zip([rule.support, rule.confidence, rule.lift, rule.leverage, rule.conviction], expected[1...]) {
                #expect(isApproximatelyEqual(value, reference, absoluteTolerance: 1e-15, relativeTolerance: 1e-12), "\(key)")
            }
        }
    }

    @Test func maximumLength_dropsLongerItemsets() throws {
        let snapshot = try #require(Fixture.tx10k)
        let baskets = BasketSet(snapshot: snapshot)
        let pairs = try FPGrowth(minimumSupport: 0.001, maximumLength: 2).frequentItemsets(in: baskets)
        #expect(pairs.countsBySize() == [1: 281, 2: 84])
        let singles = try FPGrowth(minimumSupport: 0.001, maximumLength: 1).frequentItemsets(in: baskets)
        #expect(singles.count == 281)
        #expect(try AssociationRules(itemsets: singles, minimumConfidence: 0.2).count == 0)
    }
}
