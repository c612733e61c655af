#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Scoring
import Testing
@testable import Segmentation

/// Customers built to land in known levels of every ready-made scheme (as of day D).
enum LadderFixture {
    static let asOf = SegmentFixture.asOf
    static let histories: [(String, [(Int, Int64)])] = [
        ("loyal", [(-400, 10), (-300, 10), (-200, 10), (-100, 10), (-10, 10)]),
        ("longStanding", [(-800, 10), (-100, 600)]),
        ("new", [(-20, 10)]),
        ("regular", [(-300, 10), (-200, 10)]),
        ("oneTime", [(-200, 10)]),
        ("typeC", [(-360, 10), (-300, 10), (-240, 10), (-180, 10), (-120, 10), (-60, 10)]),
        ("typeB", [(-10, 10), (-20, 10)]),
        ("typeA", [(-50, 10)]),
        ("hot", [(-5, 10), (-15, 10), (-25, 10)]),
        ("waning", [(-300, 10), (-200, 10), (-100, 10)]),
    ]

    static var interactions: [InteractionEvent] {
        var events: [InteractionEvent] = []
        func add(_ customer: String, _ kind: InteractionKind, _ offsets: [Int], _ category: String? = nil) {
            for offset in offsets {
                events.append(InteractionEvent(
                    id: EventID("e\(events.count)"), customerID: CustomerID(customer), kind: kind,
                    occurredAt: SegmentFixture.day(offset).startUTC, channel: .web,
                    details: InteractionDetails(categoryID: category.map(CategoryID.init))))
            }
        }
        add("typeA", .browse, Array(-12 ... -1), "shoes")
        add("typeB", .browse, [-3], "shoes")
        add("typeC", .campaignResponse, [-30, -60, -90])
        add("loyal", .campaignResponse, [-40, -50])
        add("longStanding", .campaignResponse, [-70])
        add("new", .complaint, [-5])
        return events
    }

    static func population() throws -> SegmentPopulation {
        var orders: [Order] = []
        for (customer, history) in histories {
            for (k, (offset, dollars)) in history.enumerated() {
                orders.append(SegmentFixture.order("\(customer)-\(k)", customer, offset, k == 0 && customer == "typeA" ? "b1" : "s1", dollars))
            }
        }
        let events = interactions
        let prospect = CustomerProfile(id: "prospect", lifecycle: .prospect, createdAt: Date(timeIntervalSince1970: 0))
        return try SegmentPopulation(
            snapshot: try CustomerSnapshot(orders: orders, currency: .usd), asOf: asOf,
            inputs: SegmentInputs(profiles: [prospect], interactions: events, itemCategories: SegmentFixture.itemCategories))
    }

    static func levels(_ result: SegmentSchemeResult, _ population: SegmentPopulation) -> [String: String] {
        var out: [String: String] = [:]
        for c in 0..<population.customerCount { out[population.customerID(at: c).rawValue] = result.segment(ofCustomer: c) ?? "-" }
        return out
    }

    static func members(_ result: SegmentSchemeResult, _ population: SegmentPopulation) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for m in result.members { out[m.segmentID] = m.customers.map { population.customerID(at: Int($0)).rawValue }.sorted() }
        return out
    }
}

@Suite("Ready-made segmentations")
struct ReadyMadeSegmentTests {
    @Test func loyaltyLadder() throws {
        let population = try LadderFixture.population()
        let levels = LadderFixture.levels(try SegmentScheme.loyalty().evaluate(on: population), population)
        #expect(levels == [
            "loyal": "loyal", "longStanding": "longStanding", "new": "new", "regular": "regular", "oneTime": "potential",
            "typeC": "regular", "typeB": "new", "typeA": "new", "hot": "new", "waning": "regular", "prospect": "potential",
        ])
    }

    @Test func relationshipLevels() throws {
        let population = try LadderFixture.population()
        let levels = LadderFixture.levels(try SegmentScheme.relationship().evaluate(on: population), population)
        #expect(levels == [
            "typeC": "partner", "loyal": "proactive", "longStanding": "responsible", "new": "passive",
            "regular": "basic", "oneTime": "basic", "typeB": "basic", "typeA": "basic", "hot": "basic", "waning": "basic",
            "prospect": "-",
        ])
    }

    @Test func behaviourTypesWithTreatments() throws {
        let population = try LadderFixture.population()
        let scheme = SegmentScheme.behaviourTypes()
        let levels = LadderFixture.levels(try scheme.evaluate(on: population), population)
        #expect(levels["typeC"] == "typeC")
        #expect(levels["typeB"] == "typeB")
        #expect(levels["typeA"] == "typeA")
        #expect(levels["hot"] == "typeB")  // 3 orders, no browsing in 90 days
        #expect(levels["loyal"] == "-")
        #expect(scheme.treatments["typeA"] == ["personalised recommendations", "tailored discounts"])
        #expect(scheme.treatments["typeC"] == ["dedicated service", "member privileges"])
    }

    @Test func behaviourSegmentsOverlap() throws {
        let population = try LadderFixture.population()
        let members = LadderFixture.members(try SegmentScheme.behaviour(categories: ["shoes"]).evaluate(on: population), population)
        #expect(members == ["highFrequencyActive": ["hot"], "potentialBuyers": ["typeA"], "churnWarning": ["waning"]])
        // Without categories: browsing anything with no order at all in the window.
        let any = LadderFixture.members(try SegmentScheme.behaviour().evaluate(on: population), population)
        #expect(any["potentialBuyers"] == ["typeA"])
    }

    @Test func caseStudySegments() throws {
        let population = try LadderFixture.population()
        let members = LadderFixture.members(try SegmentScheme.caseStudy().evaluate(on: population), population)
        #expect(members["highFrequencyBuyers"] == ["typeC"])
        #expect(members["newCustomers"] == ["hot", "new", "typeB"])
        #expect(members["lowFrequencyHighValue"] == ["longStanding"])
        // Potential high-value: medium tier, r ≥ 4, m ≥ 3, straight from the Scoring results.
        let snapshot = population.snapshot
        let rfm = try RFMAnalysis().run(on: snapshot, asOf: LadderFixture.asOf)
        let events = try InteractionIndicators.derive(from: LadderFixture.interactions, snapshot: snapshot, asOf: LadderFixture.asOf)
        let value = try ValueScoreAnalysis().run(on: snapshot, asOf: LadderFixture.asOf, inputs: ValueIndicatorInputs(events))
        let expected = (0..<rfm.count).filter { i in
            value.tiers[i] == .medium && rfm.r[i] >= 4 && rfm.m[i] >= 3
        }.map { snapshot.customerID(at: Int(rfm.customers[$0])).rawValue }.sorted()
        #expect(value.customers == rfm.customers)
        #expect(expected == ["hot", "loyal"])
        #expect(members["potentialHighValue"] == expected)
    }

    @Test func scoreSchemesFollowScoring() throws {
        let population = try LadderFixture.population()
        let snapshot = population.snapshot
        let rfm = try RFMAnalysis().run(on: snapshot, asOf: LadderFixture.asOf)
        let rfmLevels = LadderFixture.levels(try SegmentScheme.rfmSegments().evaluate(on: population), population)
        for i in 0..<rfm.count {
            let id = snapshot.customerID(at: Int(rfm.customers[i])).rawValue
            #expect(rfmLevels[id] == SegmentCondition.caseName(rfm.segments[i]))
        }
        #expect(rfmLevels["prospect"] == "-")
        let events = population.hasInteractions
        #expect(events)
        let importance = LadderFixture.levels(try SegmentScheme.importance().evaluate(on: population), population)
        let tiers = LadderFixture.levels(try SegmentScheme.valueTiers().evaluate(on: population), population)
        let valueEvaluator = try SegmentEvaluator(definition: SegmentDefinition(id: "v", condition: .score("value", .greater(-1))), population: population)
        for c in 0..<population.customerCount {
            let id = population.customerID(at: c).rawValue
            let score = valueEvaluator.explain(customerIndex: c)?.observed
            let expected = score.map { $0 > 4 ? "vip" : $0 >= 3 ? "important" : "ordinary" } ?? "ordinary"
            #expect(importance[id] == expected)
            let tier = score.map { $0 > 4 + 1e-9 ? "high" : $0 < 2 - 1e-9 ? "low" : "medium" } ?? "-"
            #expect(tiers[id] == tier)
        }
        #expect(Set(importance.values).count >= 2)
    }

    @Test func readyMadeSchemesWriteEditableJSON() throws {
        for scheme in [SegmentScheme.loyalty(), .relationship(), .behaviour(), .behaviourTypes(), .caseStudy(), .importance()] {
            for definition in scheme.segments {
                #expect(try SegmentDefinition(json: Array(definition.json.text.utf8)) == definition)
            }
        }
    }
}

@Suite("Example segment files")
struct ExampleSegmentFileTests {
    /// Examples/segments, found from this file's path.
    static func exampleFile(_ name: String) throws -> [UInt8] {
        let here = URL(fileURLWithPath: #filePath)
        let url = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/segments/\(name)")
        return Array(try Data(contentsOf: url))
    }

    @Test func demographicExamplesSelectTheDescribedCustomers() throws {
        let young = try SegmentDefinition(json: try Self.exampleFile("young-white-collar.json"))
        let older = try SegmentDefinition(json: try Self.exampleFile("older-families.json"))
        let fashion = try SegmentDefinition(json: try Self.exampleFile("young-fashion-active.json"))
        let p = SegmentFixture.provenance
        func person(_ id: String, born: String, income: String, occupation: String, interests: [String], tags: Set<CustomerModel.Tag> = []) -> CustomerProfile {
            var profile = CustomerProfile(id: CustomerID(id), tags: tags, createdAt: Date(timeIntervalSince1970: 0))
            profile.set(.birthDate, to: .string(born), provenance: p)
            profile.set(.incomeLevel, to: .string(income), provenance: p)
            profile.set(.occupation, to: .string(occupation), provenance: p)
            profile.set(.interests, to: .list(interests), provenance: p)
            return profile
        }
        let profiles = [
            person("ana", born: "1994-06-01", income: "medium", occupation: "engineer", interests: ["health", "travel"]),
            person("ben", born: "1994-06-01", income: "low", occupation: "engineer", interests: ["health"]),
            person("cai", born: "1970-06-01", income: "medium", occupation: "retired", interests: ["community"]),
            person("dee", born: "1970-06-01", income: "high", occupation: "manager", interests: ["education"]),
            person("eve", born: "2003-06-01", income: "low", occupation: "student", interests: ["fashion"]),
        ]
        let orders = (0..<3).map { SegmentFixture.order("eve-\($0)", "eve", -10 * ($0 + 1), "s1", 20) }
        let population = try SegmentPopulation(
            snapshot: try CustomerSnapshot(orders: orders, currency: .usd), asOf: SegmentFixture.asOf,
            inputs: SegmentInputs(profiles: profiles, interactions: [SegmentFixture.event("eve", .browse, -1, "shoes")],
                                  consents: ["marketing": ["eve", "ana"]]))
        func ids(_ definition: SegmentDefinition) throws -> [String] {
            try SegmentEvaluator(definition: definition, population: population).members().customers
                .map { population.customerID(at: Int($0)).rawValue }.sorted()
        }
        #expect(try ids(young) == ["ana"])
        #expect(try ids(older) == ["cai"])
        #expect(try ids(fashion) == ["eve"])
    }

    @Test func catalogExampleReads() throws {
        let json = try SegmentJSON.parse(try Self.exampleFile("lapsing-vips.json"))
        guard case .array(let items) = json else {
            Issue.record("expected an array")
            return
        }
        var definitions: [SegmentDefinition] = []
        for (i, item) in items.enumerated() { definitions.append(try SegmentDefinition(jsonValue: item, path: "$[\(i)]")) }
        let catalog = try SegmentCatalog(definitions)
        #expect(catalog.ids == ["vip", "lapsing-vips"])
        #expect(try catalog.expandedCondition(of: "lapsing-vips") == .all([
            .valueTier([.high]), .daysSinceLastPurchase(.greater(60)), .orders(inLast: 365, .greaterOrEqual(2)),
        ]))
    }
}
