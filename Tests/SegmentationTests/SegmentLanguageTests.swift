#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Scoring
import Testing
@testable import Segmentation

@Suite("Segment language: JSON, builder, validation")
struct SegmentLanguageTests {
    static let vipJSON = """
        {"id": "lapsing-vips", "name": "VIPs going quiet",
         "condition": {"all": [
            {"tier": ["high"]},
            {"metric": "daysSinceLastPurchase", "op": ">", "value": 60},
            {"not": {"metric": "events", "kind": "complaint", "days": 90, "op": ">=", "value": 1}},
            {"any": [{"attribute": "gender", "op": "==", "value": "female"},
                     {"attribute": "age", "op": "between", "value": [20, 35]}]},
            {"metric": "spend", "days": 365, "category": "shoes", "op": ">=", "value": 199.99},
            {"consent": "marketing"}
         ]}}
        """

    @Test func readsJSONIntoTheTree() throws {
        let definition = try SegmentDefinition(json: Array(Self.vipJSON.utf8))
        #expect(definition.id == "lapsing-vips")
        #expect(definition.name == "VIPs going quiet")
        let expected: SegmentCondition = .all([
            .valueTier([.high]),
            .behaviour(.daysSinceLastPurchase, .greater(60)),
            .not(.behaviour(.events(kind: .complaint, days: 90, category: nil), .greaterOrEqual(1))),
            .any([.attribute(.gender, .equals(.string("female"))), .attribute("age", .numeric(.between(20, 35)))]),
            .behaviour(.spend(days: 365, category: "shoes"), .greaterOrEqual(199.99)),
            .consent("marketing"),
        ])
        #expect(definition.condition == expected)
    }

    @Test func builderGivesTheSameTreeAsJSON() throws {
        let built = SegmentDefinition(id: "lapsing-vips", name: "VIPs going quiet") {
            SegmentCondition.tier(.high)
            SegmentCondition.daysSinceLastPurchase(.greater(60))
            !SegmentCondition.events(.complaint, inLast: 90, .greaterOrEqual(1))
            SegmentCondition.attribute(.gender, equals: .string("female")) || .age(.between(20, 35))
            SegmentCondition.spend(inLast: 365, category: "shoes", .greaterOrEqual(199.99))
            SegmentCondition.consent("marketing")
        }
        #expect(built == (try SegmentDefinition(json: Array(Self.vipJSON.utf8))))
    }

    @Test func jsonRoundTrips() throws {
        let definition = try SegmentDefinition(json: Array(Self.vipJSON.utf8))
        let text = definition.json.text
        #expect(try SegmentDefinition(json: Array(text.utf8)) == definition)
        #expect(text.hasPrefix(#"{"id":"lapsing-vips","name":"VIPs going quiet","condition":{"all":[{"tier":["high"]}"#))
    }

    @Test func codableGoesThroughTheSameReader() throws {
        let definition = try SegmentDefinition(json: Array(Self.vipJSON.utf8))
        let encoded = try JSONEncoder().encode(definition)
        #expect(try JSONDecoder().decode(SegmentDefinition.self, from: encoded) == definition)
        let bad = Data(#"{"id": "x", "condition": {"tag": "t", "extra": 1}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SegmentDefinition.self, from: bad) }
    }

    @Test func everyKindOfClauseReads() throws {
        let json = """
            {"id": "x", "condition": {"any": [
              {"tag": "fashion-lover"}, {"score": "churnRisk", "op": "<", "value": 0.5},
              {"rfmSegment": ["Champions", "atRisk"]}, {"segment": "other"},
              {"metric": "orders", "days": 30, "op": "==", "value": 2},
              {"metric": "distinctCategoriesBrowsed", "days": 7, "op": "!=", "value": 0},
              {"metric": "browsesWithoutOrder", "days": 30, "category": "shoes", "op": "<=", "value": 3},
              {"attribute": "interests", "op": "contains", "value": "yoga"},
              {"attribute": "incomeLevel", "op": "in", "value": ["middle", "high"]},
              {"attribute": "email", "op": "exists"}
            ]}}
            """
        let condition = try SegmentDefinition(json: Array(json.utf8)).condition
        #expect(condition == .any([
            .tag("fashion-lover"), .score("churnRisk", .less(0.5)), .rfmSegment([.champions, .atRisk]), .segment("other"),
            .behaviour(.orders(days: 30), .equal(2)), .behaviour(.distinctCategoriesBrowsed(days: 7), .notEqual(0)),
            .behaviour(.browsesWithoutOrder(days: 30, category: "shoes"), .lessOrEqual(3)),
            .attribute(.interests, .contains("yoga")), .attribute(.incomeLevel, .oneOf([.string("middle"), .string("high")])),
            .attribute(.email, .exists),
        ]))
    }

    static func error(_ json: String, limits: SegmentLimits = .standard) -> SegmentDefinitionError? {
        do {
            _ = try SegmentDefinition(json: Array(json.utf8), limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        (#"{"id": "x", "condition": {"all": [{"tag": "t"}, {"tag": "u", "colour": "red"}]}}"#, "unknownField", "$.condition.all[1].colour"),
        (#"{"id": "x", "condition": {"tag": "t"}, "owner": "me"}"#, "unknownField", "$.owner"),
        (#"{"id": "x", "condition": {"metric": "orders", "days": "30", "op": ">", "value": 1}}"#, "wrongType", "$.condition.days"),
        (#"{"id": "x", "condition": {"score": "value", "op": ">", "value": "4"}}"#, "wrongType", "$.condition.value"),
        (#"{"id": "x", "condition": {"all": {"tag": "t"}}}"#, "wrongType", "$.condition.all"),
        (#"{"id": 7, "condition": {"tag": "t"}}"#, "wrongType", "$.id"),
        (#"{"id": "x", "condition": {"score": "value", "op": "=>", "value": 4}}"#, "unknownOperator", "$.condition.op"),
        (#"{"id": "x", "condition": {"metric": "visits", "op": ">", "value": 4}}"#, "unknownOperator", "$.condition.metric"),
        (#"{"id": "x", "condition": {"tier": ["high", "gold"]}}"#, "unknownOperator", "$.condition.tier[1]"),
        (#"{"id": "x", "condition": {"rfmSegment": "Winners"}}"#, "unknownOperator", "$.condition.rfmSegment"),
        (#"{"id": "x", "condition": {"any": [{"metric": "orders", "days": 0, "op": ">", "value": 1}]}}"#, "invalidWindow", "$.condition.any[0].days"),
        (#"{"id": "x", "condition": {"metric": "spend", "days": -7, "op": ">", "value": 1}}"#, "invalidWindow", "$.condition.days"),
        (#"{"id": "x", "condition": {"metric": "spend", "days": 1.5, "op": ">", "value": 1}}"#, "invalidWindow", "$.condition.days"),
        (#"{"id": "x", "condition": {"metric": "browsesWithoutOrder", "op": ">", "value": 1}}"#, "missingField", "$.condition"),
        (#"{"id": "x", "condition": {"metric": "events", "op": ">", "value": 1}}"#, "missingField", "$.condition"),
        (#"{"id": "x"}"#, "missingField", "$"),
        (#"{"id": "x", "condition": {}}"#, "missingField", "$.condition"),
        (#"{"id": "x", "condition": {"tag": "t", "consent": "m"}}"#, "unknownField", "$.condition.consent"),
        (#"{"id": "x", "condition": {"any": []}}"#, "invalidValue", "$.condition.any"),
        (#"{"id": "x", "condition": {"score": "value", "op": "between", "value": [5, 1]}}"#, "invalidValue", "$.condition.value"),
        (#"{"id": "x", "condition": {"tag": "t"}"#, "invalidJSON", "$"),
        (#"{"id": "x", "id": "y", "condition": {"tag": "t"}}"#, "invalidJSON", "$"),
    ])
    func invalidDefinitionsNameThePathAndReason(json: String, code: String, path: String) throws {
        let error = try #require(Self.error(json))
        #expect(error.code.description == code)
        #expect(error.path == path)
    }

    @Test func untrustedNestingIsRejectedNotCrashedOn() throws {
        // 100,000 nested arrays: the reader stops at the depth limit without recursing further.
        let deepJSON = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let deep = try #require(Self.error(deepJSON))
        #expect(deep.code == .tooDeep)
        // 40 nested `not`s in a valid shape: the JSON reader stops first.
        var condition = #"{"tag": "t"}"#
        for _ in 0..<40 { condition = #"{"not": \#(condition)}"# }
        let nested = try #require(Self.error(#"{"id": "x", "condition": \#(condition)}"#))
        #expect(nested.code == .tooDeep)
        // The same built in Swift: validation names the clause at depth 33.
        var built = SegmentCondition.tag("t")
        for _ in 0..<40 { built = .not(built) }
        do {
            try SegmentDefinition(id: "x", condition: built).validate()
            Issue.record("40 levels were accepted")
        } catch {
            #expect(error.code == .tooDeep)
            #expect(error.path == "$.condition" + String(repeating: ".not", count: 32))
        }
        // Too many clauses.
        let many = (0..<50).map { _ in #"{"tag": "t"}"# }.joined(separator: ",")
        let large = try #require(Self.error(#"{"id": "x", "condition": {"any": [\#(many)]}}"#, limits: SegmentLimits(maximumClauses: 20)))
        #expect(large.code == .tooLarge)
        #expect(large.path == "$.condition.any[19]")
        // Too many bytes.
        let bytes = try #require(Self.error(#"{"id": "x", "condition": {"tag": "t"}}"#, limits: SegmentLimits(maximumBytes: 10)))
        #expect(bytes.code == .tooLarge)
    }

    @Test func swiftBuiltDefinitionsAreValidatedToo() throws {
        let definition = SegmentDefinition(id: "x") { SegmentCondition.orders(inLast: 0, .greater(1)) }
        #expect(throws: SegmentDefinitionError(.invalidWindow, at: "$.condition.days", "a window is 1 to 36600 days, not 0")) {
            try definition.validate()
        }
        let nan = SegmentDefinition(id: "y", condition: .score("value", .greater(.nan)))
        #expect(throws: SegmentDefinitionError.self) { try nan.validate() }
    }

    @Test func catalogRejectsMissingAndCyclicReferences() throws {
        let a = SegmentDefinition(id: "a", condition: .all([.tag("t"), .segment("b")]))
        let b = SegmentDefinition(id: "b", condition: .any([.segment("c")]))
        let c = SegmentDefinition(id: "c", condition: .not(.segment("a")))
        do {
            _ = try SegmentCatalog([a, b, c])
            Issue.record("a cycle was accepted")
        } catch {
            #expect(error.code == .cyclicReference)
            #expect(error.path == "$.condition.not.segment")
            #expect(error.message.contains("a → b → c → a"))
        }
        do {
            _ = try SegmentCatalog([a, b])
            Issue.record("a missing reference was accepted")
        } catch {
            #expect(error.code == .missingReference)
            #expect(error.path == "$.condition.any[0].segment")
            #expect(error.message.contains("'c'"))
        }
        let selfLoop = SegmentDefinition(id: "s", condition: .segment("s"))
        #expect(throws: SegmentDefinitionError.self) { try SegmentCatalog([selfLoop]) }
        #expect(throws: SegmentDefinitionError.self) { try SegmentCatalog([a, a]) }
    }

    @Test func referencesCountTowardsTheLimits() throws {
        // Each level refers to the previous one twice: 2^k clauses once expanded.
        var definitions = [SegmentDefinition(id: "s0", condition: .tag("t"))]
        for k in 1...12 {
            definitions.append(SegmentDefinition(id: "s\(k)", condition: .any([.segment("s\(k - 1)"), .segment("s\(k - 1)")])))
        }
        #expect(throws: SegmentDefinitionError.self) { try SegmentCatalog(definitions, limits: SegmentLimits(maximumClauses: 1000)) }
        let catalog = try SegmentCatalog(Array(definitions.prefix(8)), limits: SegmentLimits(maximumClauses: 1000))
        #expect(catalog.ids.count == 8)
    }
}
