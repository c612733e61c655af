import CustomerModel
import Foundation
import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("Engagement and lead points")
struct EngagementTests {
    static let asOf = Date(timeIntervalSince1970: 20_000 * 86_400)

    static func event(_ id: String, _ lead: String, _ kind: InteractionKind, daysAgo: Double, response: String? = nil) -> InteractionEvent {
        InteractionEvent(
            id: EventID(id), customerID: CustomerID(lead), kind: kind, occurredAt: asOf.addingTimeInterval(-daysAgo * 86_400),
            channel: .web, details: InteractionDetails(response: response))
    }

    /// With a 30-day half-life:
    /// - L1: share 30 days ago 6·½ = 3, comment 60 days ago 4·¼ = 1, conversion 30 days ago
    ///   20·½ = 10, a future click (ignored): 14, warm.
    /// - L2: four conversions 30 days ago: 40, hot; last contact 10 days ago.
    /// - L3: seven conversions 30 days ago: 70, sales-ready; previously hot; contacted 2 days ago.
    /// - L4: no events, previously warm: 0, cold.
    static func events() -> [InteractionEvent] {
        var events = [
            event("a1", "L1", .share, daysAgo: 30), event("a2", "L1", .comment, daysAgo: 60),
            event("a3", "L1", .campaignResponse, daysAgo: 30, response: "converted"), event("a4", "L1", .click, daysAgo: -1),
        ]
        for i in 0..<4 { events.append(event("b\(i)", "L2", .campaignResponse, daysAgo: 30, response: "converted")) }
        for i in 0..<7 { events.append(event("c\(i)", "L3", .campaignResponse, daysAgo: 30, response: "converted")) }
        return events
    }

    static let history: [CustomerID: LeadHistory] = [
        "L2": LeadHistory(previousStage: .warm, lastContact: asOf.addingTimeInterval(-10 * 86_400)),
        "L3": LeadHistory(previousStage: .hot, lastContact: asOf.addingTimeInterval(-2 * 86_400)),
        "L4": LeadHistory(previousStage: .warm),
    ]

    @Test func decayedPointsStagesAndFlags() throws {
        let result = try EngagementScoring().evaluate(events: Self.events(), asOf: Self.asOf, history: Self.history)
        #expect(result.map(\.customerID) == ["L1", "L2", "L3", "L4"])
        #expect(result.map(\.points) == [14, 40, 70, 0])
        #expect(result.map(\.stage) == [.warm, .hot, .salesReady, .cold])
        #expect(result.map(\.events) == [3, 4, 7, 0])
        #expect(result[0].flags == [])
        #expect(result[1].flags == [.hotWithoutRecentContact])
        #expect(result[2].flags == [.becameSalesReady])
        #expect(result[3].flags == [.cooledDown])
    }

    @Test func flagsWithoutHistory() throws {
        // Never evaluated and never contacted: sales-ready and hot without contact both fire.
        let result = try EngagementScoring().evaluate(events: Self.events(), asOf: Self.asOf)
        #expect(result.map(\.customerID) == ["L1", "L2", "L3"])
        #expect(result[2].flags == [.becameSalesReady, .hotWithoutRecentContact])
        #expect(result[1].flags == [.hotWithoutRecentContact])
    }

    @Test func inputOrderDoesNotMatter() throws {
        let scoring = EngagementScoring()
        let forward = try scoring.evaluate(events: Self.events(), asOf: Self.asOf, history: Self.history)
        let backward = try scoring.evaluate(events: Self.events().reversed(), asOf: Self.asOf, history: Self.history)
        #expect(forward == backward)
    }

    @Test func pointsTable() {
        let table = EngagementPointsTable.standard
        #expect(table.points(for: Self.event("x", "L", .browse, daysAgo: 1)) == 1)
        #expect(table.points(for: Self.event("x", "L", .share, daysAgo: 1)) == 6)
        #expect(table.points(for: Self.event("x", "L", .campaignResponse, daysAgo: 1, response: "unsubscribed")) == -10)
        #expect(table.points(for: Self.event("x", "L", .campaignResponse, daysAgo: 1, response: "bounced")) == 3)
        #expect(table.points(for: Self.event("x", "L", .campaignResponse, daysAgo: 1)) == 3)
        #expect(table.points(for: Self.event("x", "L", InteractionKind("webinar"), daysAgo: 1)) == 0)
        #expect(InteractionKind.predefined.allSatisfy { table.points[$0.name] != nil })
    }

    @Test func decayAndNoDecay() throws {
        let scoring = EngagementScoring()
        #expect(scoring.decay(ageDays: 0) == 1 && scoring.decay(ageDays: 30) == 0.5 && scoring.decay(ageDays: 90) == 0.125)
        let flat = EngagementScoring(halfLifeDays: .infinity)
        let result = try flat.evaluate(events: Self.events(), asOf: Self.asOf)
        #expect(result[0].points == 30)  // 6 + 4 + 20
        let custom = EngagementScoring(
            points: EngagementPointsTable(points: [InteractionKindPoints(.share, 100)]),
            halfLifeDays: 60, stages: LeadStageThresholds(warm: 1, hot: 2, salesReady: 3))
        let one = try custom.evaluate(events: [Self.event("s", "L9", .share, daysAgo: 60)], asOf: Self.asOf)
        #expect(one == [LeadEvaluation(customerID: "L9", points: 50, stage: .salesReady, flags: [.becameSalesReady, .hotWithoutRecentContact], events: 1)])
    }

    @Test func invalidSettingsAreTyped() {
        let bad: [EngagementScoring] = [
            EngagementScoring(halfLifeDays: 0), EngagementScoring(halfLifeDays: .nan), EngagementScoring(halfLifeDays: -5),
            EngagementScoring(stages: LeadStageThresholds(warm: 10, hot: 10, salesReady: 60)),
            EngagementScoring(stages: LeadStageThresholds(warm: 10, hot: 30, salesReady: .infinity)),
            EngagementScoring(contactGapDays: -1),
            EngagementScoring(points: EngagementPointsTable(points: [InteractionKindPoints(.like, .nan)])),
            EngagementScoring(points: EngagementPointsTable(points: [], responsePoints: ["opened": .infinity])),
        ]
        for scoring in bad {
            let error = #expect(throws: ScoringError.self) { try scoring.evaluate(events: Self.events(), asOf: Self.asOf) }
            #expect(error?.code == .invalidParameter)
        }
    }

    @Test func stagesAndSettingsAreCodable() throws {
        let scoring = EngagementScoring(halfLifeDays: 14)
        #expect(try JSONDecoder().decode(EngagementScoring.self, from: JSONEncoder().encode(scoring)) == scoring)
        let stages = LeadStageThresholds()
        #expect(stages.stage(of: 9.99) == .cold && stages.stage(of: 10) == .warm && stages.stage(of: 30) == .hot && stages.stage(of: 60) == .salesReady)
        let history = LeadHistory(previousStage: .hot, lastContact: Self.asOf)
        #expect(try JSONDecoder().decode(LeadHistory.self, from: JSONEncoder().encode(history)) == history)
    }
}
