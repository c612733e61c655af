import CustomerModel
import PrecisionMarketingTesting
import Scoring
import Testing
@testable import Segmentation

@Suite("Segment evaluation over a population")
struct SegmentEvaluationTests {
    @Test func populationJoinsCustomersWithoutOrders() throws {
        let population = try SegmentFixture.population()
        #expect(population.customerCount == 4)
        #expect((0..<4).map { population.customerID(at: $0).rawValue } == ["a", "b", "d", "c"])
    }

    @Test(arguments: [
        // Hand-computed per customer (see SegmentFixture).
        (#"{"metric": "orders", "days": 30, "op": ">=", "value": 1}"#, ["a", "d"]),
        (#"{"metric": "spend", "days": 90, "op": "==", "value": 80}"#, ["a"]),
        (#"{"metric": "spend", "days": 90, "op": ">=", "value": 9.99}"#, ["a", "d"]),
        (#"{"metric": "spend", "days": 90, "op": "<", "value": 10}"#, ["b", "c"]),
        (#"{"metric": "spend", "category": "shoes", "op": "==", "value": 150}"#, ["a"]),
        (#"{"metric": "daysSinceLastPurchase", "op": "==", "value": 100}"#, ["b"]),
        (#"{"metric": "daysSinceLastPurchase", "op": "!=", "value": 5}"#, ["a", "b", "d"]),
        (#"{"metric": "daysSinceFirstPurchase", "op": "==", "value": 200}"#, ["a"]),
        (#"{"metric": "daysSinceFirstPurchase", "op": "<", "value": 100}"#, ["d"]),
        (#"{"metric": "events", "kind": "browse", "days": 7, "op": "==", "value": 5}"#, ["b"]),
        (#"{"metric": "events", "kind": "browse", "days": 7, "category": "shoes", "op": "==", "value": 2}"#, ["a"]),
        (#"{"metric": "events", "kind": "browse", "days": 3, "op": ">=", "value": 2}"#, ["b", "c"]),
        (#"{"metric": "distinctCategoriesBrowsed", "days": 7, "op": "==", "value": 2}"#, ["b"]),
        (#"{"metric": "distinctCategoriesBrowsed", "days": 7, "op": "==", "value": 1}"#, ["a", "c"]),
        (#"{"metric": "browsesWithoutOrder", "days": 30, "category": "shoes", "op": ">=", "value": 3}"#, ["b"]),
        (#"{"metric": "browsesWithoutOrder", "days": 30, "op": ">=", "value": 2}"#, ["b", "c"]),
        (#"{"attribute": "age", "op": "between", "value": [20, 30]}"#, ["a", "c"]),
        (#"{"attribute": "age", "op": "==", "value": 24}"#, ["c"]),
        (#"{"attribute": "gender", "op": "==", "value": "female"}"#, ["a", "c"]),
        (#"{"attribute": "gender", "op": "!=", "value": "female"}"#, ["b"]),
        (#"{"attribute": "interests", "op": "contains", "value": "yoga"}"#, ["a"]),
        (#"{"attribute": "incomeLevel", "op": "in", "value": ["low", "middle"]}"#, ["b"]),
        (#"{"attribute": "birthDate", "op": "==", "value": "1970-01-01"}"#, ["b"]),
        // More than 8 values: a set look-up, the same answers (a day equals its text).
        (#"{"attribute": "birthDate", "op": "in", "value": ["1970-01-01", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "2000-02-29"]}"#, ["b", "c"]),
        (#"{"attribute": "incomeLevel", "op": "in", "value": ["low", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", 3]}"#, ["b"]),
        (#"{"attribute": "incomeLevel", "op": "exists"}"#, ["b"]),
        (#"{"tag": "fashion-lover"}"#, ["a"]),
        (#"{"consent": "marketing"}"#, ["a"]),
        (#"{"consent": "profiling"}"#, []),
        (#"{"not": {"consent": "marketing"}}"#, ["b", "d", "c"]),
        (#"{"score": "churnRisk", "op": ">", "value": 0.5}"#, ["b"]),
        (#"{"any": [{"metric": "spend", "days": 90, "op": ">", "value": 50}, {"metric": "daysSinceLastPurchase", "op": "<=", "value": 1}]}"#, ["a", "d"]),
        (#"{"all": [{"attribute": "age", "op": "between", "value": [20, 35]}, {"attribute": "gender", "op": "==", "value": "female"}, {"tag": "fashion-lover"}]}"#, ["a"]),
    ])
    func clausesSelectTheHandComputedMembers(condition: String, expected: [String]) throws {
        let population = try SegmentFixture.population()
        let members = try SegmentFixture.memberIDs(#"{"id": "s", "condition": \#(condition)}"#, population: population)
        #expect(members == expected)
    }

    @Test func rfmAndValueClausesFollowTheScoringModule() throws {
        let population = try SegmentFixture.population()
        let snapshot = try SegmentFixture.snapshot()
        let rfm = try RFMAnalysis().run(on: snapshot, asOf: SegmentFixture.asOf)
        for segment in Set(rfm.segments) {
            let expected = (0..<rfm.count).filter { rfm.segments[$0] == segment }.map { snapshot.customerID(at: Int(rfm.customers[$0])).rawValue }
            let members = try SegmentFixture.memberIDs(#"{"id": "s", "condition": {"rfmSegment": "\#(segment.rawValue)"}}"#, population: population)
            #expect(members == expected)
        }
        let r4 = (0..<rfm.count).filter { rfm.r[$0] == 4 }.map { snapshot.customerID(at: Int(rfm.customers[$0])).rawValue }
        #expect(try SegmentFixture.memberIDs(#"{"id": "s", "condition": {"score": "rfm.r", "op": "==", "value": 4}}"#, population: population) == r4)
        // Of three customers the best gets 1 + floor(5 · 2 / 3) = 4: d is the most recent
        // (1 day), a the biggest spender ($180 before the as-of day).
        #expect(r4 == ["d"])
        #expect(rfm.m[0] == 4)
        let value = try ValueScoreAnalysis().run(
            on: snapshot, asOf: SegmentFixture.asOf,
            inputs: ValueIndicatorInputs(try InteractionIndicators.derive(from: SegmentFixture.interactions, snapshot: snapshot, asOf: SegmentFixture.asOf)))
        let high = (0..<value.count).filter { value.tiers[$0] == .high }.map { snapshot.customerID(at: Int(value.customers[$0])).rawValue }
        #expect(try SegmentFixture.memberIDs(#"{"id": "s", "condition": {"tier": "high"}}"#, population: population) == high)
        let above3 = (0..<value.count).filter { value.scores[$0] > 3 }.map { snapshot.customerID(at: Int(value.customers[$0])).rawValue }
        #expect(try SegmentFixture.memberIDs(#"{"id": "s", "condition": {"score": "value", "op": ">", "value": 3}}"#, population: population) == above3)
    }

    @Test func referencesEvaluateTheReferencedSegment() throws {
        let population = try SegmentFixture.population()
        let young = try SegmentDefinition(json: Array(#"{"id": "young", "condition": {"attribute": "age", "op": "<", "value": 30}}"#.utf8))
        let members = try SegmentFixture.memberIDs(
            #"{"id": "s", "condition": {"all": [{"segment": "young"}, {"metric": "orders", "days": 30, "op": ">=", "value": 1}]}}"#,
            population: population, catalog: [young])
        #expect(members == ["a"])
    }

    @Test func explainSaysWhichClausesHeld() throws {
        let population = try SegmentFixture.population()
        let definition = try SegmentDefinition(json: Array("""
            {"id": "s", "condition": {"all": [
              {"metric": "browsesWithoutOrder", "days": 30, "category": "shoes", "op": ">=", "value": 3},
              {"not": {"consent": "marketing"}},
              {"metric": "spend", "days": 365, "op": ">", "value": 25}]}}
            """.utf8))
        let evaluator = try SegmentEvaluator(definition: definition, population: population)
        let explanation = try #require(evaluator.explain(customerIndex: 1))  // b
        #expect(explanation.held == false)
        #expect(explanation.children.map(\.held) == [true, true, false])
        #expect(explanation.children[0].observed == 4)
        #expect(explanation.children[2].observed == 20)
        #expect(explanation.children[2].path == "$.condition.all[2]")
        #expect(explanation.heldClauses.map(\.clause) == [
            #"{"metric":"browsesWithoutOrder","days":30,"category":"shoes","op":">=","value":3}"#, #"{"consent":"marketing"}"#,
        ] || explanation.heldClauses.count == 1)
        #expect(explanation.description.hasPrefix("✗ all\n  ✓ {\"metric\":\"browsesWithoutOrder\""))
        #expect(evaluator.explain(customerIndex: 99) == nil)
        #expect(evaluator.contains(customerIndex: 1) == false)
    }

    @Test func bindingErrorsNameThePath() throws {
        let population = try SegmentFixture.population()
        let unknownScore = try SegmentDefinition(json: Array(#"{"id": "s", "condition": {"any": [{"tag": "x"}, {"score": "clv", "op": ">", "value": 1}]}}"#.utf8))
        do {
            _ = try SegmentEvaluator(definition: unknownScore, population: population)
            Issue.record("an unknown score was accepted")
        } catch {
            #expect(error.code == .unknownScore)
            #expect(error.path == "$.condition.any[1].score")
        }
        let bare = try SegmentPopulation(snapshot: try SegmentFixture.snapshot(), asOf: SegmentFixture.asOf)
        let needsEvents = try SegmentDefinition(json: Array(#"{"id": "s", "condition": {"metric": "events", "kind": "browse", "op": ">", "value": 1}}"#.utf8))
        #expect(throws: SegmentDefinitionError.self) { try SegmentEvaluator(definition: needsEvents, population: bare) }
        let needsCategories = try SegmentDefinition(json: Array(#"{"id": "s", "condition": {"metric": "spend", "category": "shoes", "op": ">", "value": 1}}"#.utf8))
        #expect(throws: SegmentDefinitionError.self) { try SegmentEvaluator(definition: needsCategories, population: bare) }
    }

    @Test func allCustomersAtOnceEqualsOneByOneOnSyntheticData() throws {
        let dataset = try SyntheticDataGenerator(configuration: .init(customers: 600, seed: 7)).generate()
        let snapshot = try CustomerSnapshot(orders: dataset.orders, currency: .usd)
        let asOf = try CalendarDay(iso: "2024-10-01")
        var categories: [ItemID: CategoryID] = [:]
        for order in dataset.orders { for line in order.lines { if let c = line.categoryID { categories[line.itemID] = c } } }
        let population = try SegmentPopulation(
            snapshot: snapshot, asOf: asOf,
            inputs: SegmentInputs(profiles: dataset.profiles, interactions: dataset.interactions, itemCategories: categories))
        let definition = SegmentDefinition(id: "mixed") {
            SegmentCondition.anyOf {
                SegmentCondition.orders(inLast: 90, .greaterOrEqual(2))
                SegmentCondition.events(.browse, inLast: 30, .greaterOrEqual(3))
            }
            !SegmentCondition.daysSinceLastPurchase(.greater(300))
            SegmentCondition.tier(.medium, .high) || .browsesWithoutOrder(inLast: 60, .greaterOrEqual(1))
        }
        let evaluator = try SegmentEvaluator(definition: definition, population: population)
        let members = evaluator.members()
        let oneByOne = (0..<population.customerCount).filter { evaluator.contains(customerIndex: $0) }.map(Int32.init)
        #expect(members.customers == oneByOne)
        #expect(members.count > 0 && members.count < population.customerCount)
        for c in 0..<population.customerCount {
            #expect(evaluator.explain(customerIndex: c)?.held == evaluator.contains(customerIndex: c))
        }
    }
}
