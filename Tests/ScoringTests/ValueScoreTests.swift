import CustomerModel
import Foundation
import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("Value score (eRFM)")
struct ValueScoreTests {
    /// As of 2024-01-11:
    ///
    /// | customer | recency | frequency | monetary | s_R | s_F | s_M |
    /// |---|---|---|---|---|---|---|
    /// | A | 1 | 2 | 30.00 | 5 | 5 | 3 |
    /// | B | 10 | 1 | 10.00 | 1 | 1 | 1 |
    /// | C | 5 | 1 | 50.00 | 1 + 4·5/9 = 29/9 | 1 | 5 |
    static let csv = Array("""
        customer_id,order_id,date,item_id,quantity,amount
        A,O1,2024-01-10,I1,1,10.00
        B,O2,2024-01-01,I1,1,10.00
        A,O3,2024-01-05,I2,1,20.00
        C,O4,2024-01-06,I3,1,50.00
        B,O5,2024-01-11,I3,1,99.00
        """.utf8)

    static func snapshot() throws -> CustomerSnapshot {
        let (snapshot, report) = try SnapshotBuilder.build(csv: csv)
        try #require(report.rowsRejected == 0)
        return snapshot
    }

    static let asOf = CalendarDay(dayNumber: 19_733)  // 2024-01-11

    static func event(_ id: String, _ customer: String, _ kind: InteractionKind, day: CalendarDay = CalendarDay(dayNumber: 19_730), dwell: Double? = nil) -> InteractionEvent {
        InteractionEvent(
            id: EventID(id), customerID: CustomerID(customer), kind: kind, occurredAt: day.startUTC.addingTimeInterval(3_600),
            channel: .app, details: InteractionDetails(dwellSeconds: dwell))
    }

    static let events: [InteractionEvent] = [
        event("e1", "A", .like), event("e2", "A", .comment), event("e3", "A", .share, dwell: 20),
        event("e4", "A", .appUse, dwell: 40), event("e5", "C", .like), event("e6", "C", .comment),
        event("e7", "C", .browse, dwell: 60), event("e8", "Z", .like),
        event("e9", "A", .like, day: asOf, dwell: 1_000),  // at the as-of day: ignored
    ]

    @Test func asOfIsTheDayWeThinkItIs() throws {
        #expect(Self.asOf == (try CalendarDay(iso: "2024-01-11")))
    }

    @Test func workedCheckFromSeeds() throws {
        let score = try ValueScoreWeights.standard.combine([5, 4, 3, 2, 1, 1])
        #expect(isApproximatelyEqual(score, 3.30, absoluteTolerance: 1e-12))
        #expect(ValueTierThresholds.standard.tier(of: score) == .medium)
    }

    @Test func tierBoundariesAreInclusiveForMedium() throws {
        let t = ValueTierThresholds.standard
        #expect(t.tier(of: 4) == .medium && t.tier(of: 2) == .medium)
        #expect(t.tier(of: 4.001) == .high && t.tier(of: 1.999) == .low)
        #expect(t.tier(of: 5) == .high && t.tier(of: 1) == .low)
        // All sub-scores 4 is 4 up to rounding, and stays medium.
        #expect(t.tier(of: try ValueScoreWeights.standard.combine([4, 4, 4, 4, 4, 4])) == .medium)
        #expect(t.tier(of: try ValueScoreWeights.standard.combine([2, 2, 2, 2, 2, 2])) == .medium)
    }

    @Test func subScoreMapping() {
        #expect(ValueScoreAnalysis.subScore(10, range: 0...10, higherIsBetter: true) == 5)
        #expect(ValueScoreAnalysis.subScore(0, range: 0...10, higherIsBetter: true) == 1)
        #expect(ValueScoreAnalysis.subScore(5, range: 0...10, higherIsBetter: true) == 3)
        #expect(ValueScoreAnalysis.subScore(0, range: 0...10, higherIsBetter: false) == 5)
        #expect(ValueScoreAnalysis.subScore(7, range: 7...7, higherIsBetter: true) == 3)
    }

    @Test func transactionIndicatorsOnlyRenormaliseWeights() throws {
        let result = try ValueScoreAnalysis().run(on: Self.snapshot(), asOf: Self.asOf)
        #expect(result.customers == [0, 1, 2])
        #expect(result.indicators == [.recency, .frequency, .monetary])
        #expect(isApproximatelyEqual(result.weights, [0.25 / 0.7, 0.25 / 0.7, 0.2 / 0.7], relativeTolerance: 1e-12))
        #expect(result.ranges == [1...10, 1...2, 1_000...5_000])
        #expect(isApproximatelyEqual(result.subScores[0], [5, 1, 29.0 / 9], relativeTolerance: 1e-12))
        #expect(result.subScores[1] == [5, 1, 1])
        #expect(result.subScores[2] == [3, 1, 5])
        // A: 3.1/0.7; B: 1; C: (29/36 + 0.25 + 1)/0.7 = 37/12.6.
        #expect(isApproximatelyEqual(result.scores, [3.1 / 0.7, 1, 37 / 12.6], relativeTolerance: 1e-12))
        #expect(result.tiers == [.high, .low, .medium])
        #expect(result.tierCounts().map(\.customers) == [1, 1, 1])
        #expect(result[2].tier == .medium && result[2].customerIndex == 2)
    }

    @Test func derivedInteractionIndicators() throws {
        let snapshot = try Self.snapshot()
        let derived = try InteractionIndicators.derive(from: Self.events.reversed(), snapshot: snapshot, asOf: Self.asOf)
        #expect(derived.frequency == [4, nil, 2])
        #expect(derived.averageDurationSeconds == [30, nil, 60])
        #expect(derived.unmatchedEvents == 1)
        let since = try InteractionIndicators.derive(
            from: Self.events, snapshot: snapshot, asOf: Self.asOf, since: Self.asOf.adding(days: -1))
        #expect(since.frequency == [nil, nil, nil] && since.unmatchedEvents == 0)
    }

    @Test func missingInteractionsScoreTheMinimumAndEmptyColumnsAreDropped() throws {
        let snapshot = try Self.snapshot()
        let derived = try InteractionIndicators.derive(from: Self.events, snapshot: snapshot, asOf: Self.asOf)
        let result = try ValueScoreAnalysis().run(
            on: snapshot, asOf: Self.asOf, inputs: ValueIndicatorInputs(derived, socialInfluence: [nil, nil, nil]))
        #expect(result.indicators == [.recency, .frequency, .monetary, .interactionFrequency, .interactionDuration])
        #expect(result.subScores(of: .interactionFrequency) == [5, 1, 1])
        #expect(result.subScores(of: .interactionDuration) == [1, 1, 5])
        #expect(result.subScores(of: .socialInfluence) == nil)
        // A: (1.25 + 1.25 + 0.6 + 0.75 + 0.1)/0.95; C: (29/36 + 0.25 + 1 + 0.15 + 0.5)/0.95.
        let c = (29.0 / 36 + 1.9) / 0.95
        #expect(isApproximatelyEqual(result.scores, [3.95 / 0.95, 1, c], relativeTolerance: 1e-12))
        #expect(result.tiers == [.high, .low, .medium])
        #expect(isApproximatelyEqual(result.weights.reduce(0, +), 1, absoluteTolerance: 1e-12))
    }

    @Test func allSixIndicatorsWithSocialInfluenceAndACustomOne() throws {
        let snapshot = try Self.snapshot()
        let inputs = ValueIndicatorInputs(
            interactionFrequency: [4, 0, 2], interactionDuration: [30, 30, 30], socialInfluence: [100, 0, 50],
            custom: [CustomValueIndicator(ValueIndicator("complaints", higherIsBetter: false), weight: 0.5, values: [0, 2, 1])])
        let result = try ValueScoreAnalysis().run(on: snapshot, asOf: Self.asOf, inputs: inputs)
        #expect(result.indicators.map(\.name) == ["recency", "frequency", "monetary", "interactionFrequency", "interactionDuration", "socialInfluence", "complaints"])
        #expect(result.subScores(of: .interactionDuration) == [3, 3, 3])  // all equal: the constant 3
        #expect(result.subScores(of: .socialInfluence) == [5, 1, 3])
        #expect(result.subScores(of: ValueIndicator("complaints", higherIsBetter: false)) == [5, 1, 3])
        // A: 1.25 + 1.25 + 0.6 + 0.75 + 0.3 + 0.25 + 2.5 = 6.9 over 1.5.
        #expect(isApproximatelyEqual(result.scores[0], 6.9 / 1.5, relativeTolerance: 1e-12))
        // B: every sub-score 1 except duration (3): 1.7 over 1.5.
        #expect(isApproximatelyEqual(result.scores[1], 1.7 / 1.5, relativeTolerance: 1e-12))
    }

    @Test func allCustomersEqualGiveTheConstantThree() throws {
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array("""
            customer_id,order_id,date,item_id,quantity,amount
            A,O1,2024-01-10,I1,1,10.00
            B,O2,2024-01-10,I1,1,10.00
            """.utf8))
        let result = try ValueScoreAnalysis().run(on: snapshot)
        #expect(result.scores == [3, 3] && result.tiers == [.medium, .medium])
    }

    @Test(arguments: [
        ValueScoreWeights(recency: -0.1, frequency: 1, monetary: 1, interactionFrequency: 0, interactionDuration: 0, socialInfluence: 0),
        ValueScoreWeights(recency: .nan, frequency: 1, monetary: 1, interactionFrequency: 0, interactionDuration: 0, socialInfluence: 0),
        ValueScoreWeights(recency: .infinity, frequency: 1, monetary: 1, interactionFrequency: 0, interactionDuration: 0, socialInfluence: 0),
        ValueScoreWeights(recency: 0, frequency: 0, monetary: 0, interactionFrequency: 0, interactionDuration: 0, socialInfluence: 0),
    ])
    func invalidWeightsAreTyped(_ weights: ValueScoreWeights) throws {
        let error = #expect(throws: ScoringError.self) { try ValueScoreAnalysis(weights: weights).run(on: Self.snapshot()) }
        #expect(error?.code == .invalidParameter)
        #expect(throws: ScoringError.self) { try weights.combine([1, 1, 1, 1, 1, 1]) }
    }

    @Test func invalidInputsAreTyped() throws {
        let snapshot = try Self.snapshot()
        let short = #expect(throws: ScoringError.self) {
            try ValueScoreAnalysis().run(on: snapshot, inputs: ValueIndicatorInputs(socialInfluence: [1, 2]))
        }
        #expect(short?.code == .invalidParameter)
        let nan = #expect(throws: ScoringError.self) {
            try ValueScoreAnalysis().run(on: snapshot, inputs: ValueIndicatorInputs(socialInfluence: [1, .nan, 2]))
        }
        #expect(nan?.code == .invalidParameter && nan?.message.contains("B") == true)
        let zeroWeighted = #expect(throws: ScoringError.self) {
            try ValueScoreAnalysis(weights: ValueScoreWeights(
                recency: 0, frequency: 0, monetary: 0, interactionFrequency: 0, interactionDuration: 0, socialInfluence: 1)
            ).run(on: snapshot)
        }
        #expect(zeroWeighted?.code == .degenerateInput)
        let early = #expect(throws: ScoringError.self) { try ValueScoreAnalysis().run(on: snapshot, asOf: CalendarDay(dayNumber: 0)) }
        #expect(early?.code == .degenerateInput)
        let thresholds = #expect(throws: ScoringError.self) {
            try ValueScoreAnalysis(thresholds: ValueTierThresholds(highAbove: 2, lowBelow: 4)).run(on: snapshot)
        }
        #expect(thresholds?.code == .invalidParameter)
        let dwell = #expect(throws: ScoringError.self) {
            try InteractionIndicators.derive(from: [Self.event("bad", "A", .browse, dwell: -1)], snapshot: snapshot, asOf: Self.asOf)
        }
        #expect(dwell?.message.contains("bad") == true)
        #expect(throws: ScoringError.self) { try ValueScoreWeights.standard.combine([1, 2]) }
    }

    @Test func playbookIsDataAndCodable() throws {
        let playbook = ValueTierPlaybook.standard
        #expect(playbook.treatment(for: .high)?.actions == ["personalisedRecommendations", "exclusiveOffers", "priorityService"])
        #expect(playbook.treatment(for: .medium)?.actions == ["routineCare", "promotions"])
        #expect(playbook.treatment(for: .low)?.actions.contains("reactivation") == true)
        let data = try JSONEncoder().encode(playbook)
        #expect(try JSONDecoder().decode(ValueTierPlaybook.self, from: data) == playbook)
        let weights = try JSONDecoder().decode(ValueScoreWeights.self, from: JSONEncoder().encode(ValueScoreWeights.standard))
        #expect(weights == .standard)
    }

    /// 120,000 customers take the two-core path; every score must match the formula and
    /// two runs must agree bit for bit.
    @Test func largeInputIsDeterministicAndMatchesTheFormula() throws {
        var text = "customer_id,order_id,date,item_id,quantity,amount\n"
        for c in 0..<120_000 {
            let day = 1 + c % 28
            text += "C\(c),O\(c),2024-02-\(day < 10 ? "0" : "")\(day),I1,1,\(1 + c % 97).00\n"
        }
        let (snapshot, _) = try SnapshotBuilder.build(csv: Array(text.utf8))
        let social: [Double?] = (0..<snapshot.customerCount).map { $0 % 5 == 0 ? nil : Double($0 % 13) }
        let inputs = ValueIndicatorInputs(socialInfluence: social)
        let first = try ValueScoreAnalysis().run(on: snapshot, inputs: inputs)
        let second = try ValueScoreAnalysis().run(on: snapshot, inputs: inputs)
        #expect(first.scores == second.scores && first.tiers == second.tiers)
        #expect(first.count == 120_000)
        #expect(first.indicators == [.recency, .frequency, .monetary, .socialInfluence])
        for i in stride(from: 0, to: 120_000, by: 997) {
            let c = Int(first.customers[i])
            let recency = Double(28 - c % 28)  // as of 2024-02-29, the day after the last order
            let r = 1 + 4 * (28 - recency) / 27
            let m = 1 + 4 * Double(c % 97) / 96
            let s = social[c].map { 1 + 4 * $0 / 12 } ?? 1
            let expected = (0.25 * r + 0.25 * 3 + 0.2 * m + 0.05 * s) / 0.75
            #expect(isApproximatelyEqual(first.scores[i], expected, relativeTolerance: 1e-12))
        }
    }
}
