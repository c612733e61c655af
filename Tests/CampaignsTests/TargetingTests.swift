import Campaigns
import CustomerModel
import PrecisionMarketingTesting
import Testing

@Suite("Targeting, channels, A/B readouts and test cells")
struct TargetingTests {
    @Test func greedySelectionUnderBudget() throws {
        let candidates = [
            TargetingCandidate(customerID: "a", responseProbability: 0.10, value: 200, contactCost: 1),   // EV 19, ratio 19
            TargetingCandidate(customerID: "b", responseProbability: 0.50, value: 100, contactCost: 10),  // EV 40, ratio 4
            TargetingCandidate(customerID: "c", responseProbability: 0.01, value: 50, contactCost: 1),    // EV −0.5
            TargetingCandidate(customerID: "d", responseProbability: 0.20, value: 50, contactCost: 0),    // EV 10, free
            TargetingCandidate(customerID: "e", responseProbability: 0.30, value: 100, contactCost: 5),   // EV 25, ratio 5
        ]
        let selection = try BudgetTargeting(budget: 8).select(candidates)
        // d (free), a (19), e (5) fit: 0 + 1 + 5 = 6; b (10) does not fit in the 2 left.
        #expect(selection.selected == [3, 0, 4])
        #expect(selection.excluded == [1: .overBudget, 2: .notProfitable])
        #expect(selection.totalCost == 6 && selection.totalExpectedValue == 54)
        #expect(throws: CampaignError.self) {
            try BudgetTargeting(budget: 8).select([TargetingCandidate(customerID: "x", responseProbability: 1.5, value: 1, contactCost: 1)])
        }
        #expect(throws: CampaignError.self) { try BudgetTargeting(budget: -1) }
    }

    @Test func budgetAllocationAddsUpExactly() throws {
        let split = try BudgetAllocation.proportional(
            totalMinorUnits: 100_000, contributions: [("vip", 5), ("potential", 3), ("new", 1), ("lapsed", 0)])
        #expect(split.map(\.1) == [55_556, 33_333, 11_111, 0])
        #expect(split.map(\.1).reduce(0, +) == 100_000)
        #expect(throws: CampaignError.self) { try BudgetAllocation.proportional(totalMinorUnits: 10, contributions: [("a", 0)]) }
    }

    @Test func channelChoiceFollowsConsentPreferenceHistoryAgeAndCost() throws {
        let chooser = try ChannelChoice(costs: [.email: 0.01, .sms: 0.05, .directMail: 0.8, .socialMedia: 0.02, .phone: 2])
        #expect(chooser.choose(for: ChannelFacts(consented: [])).reason == .noConsentedChannel)
        #expect(chooser.choose(for: ChannelFacts(consented: [.wechat])).channel == nil)
        let preferring = ChannelFacts(consented: [.email, .sms], preferred: .sms, age: 70)
        #expect(chooser.choose(for: preferring) == .init(channel: .sms, reason: .preference))
        // Email: 1/40 responses; SMS: 6/20. Shrunk: (1+0.4)/60 ≈ 0.023 vs (6+0.4)/40 = 0.16.
        let history = ChannelFacts(
            consented: [.email, .sms],
            history: [.email: try ProportionCount(successes: 1, trials: 40), .sms: try ProportionCount(successes: 6, trials: 20)])
        #expect(chooser.choose(for: history) == .init(channel: .sms, reason: .pastResponse))
        #expect(chooser.choose(for: ChannelFacts(consented: [.email, .socialMedia, .directMail], age: 24))
            == .init(channel: .socialMedia, reason: .ageRule))
        #expect(chooser.choose(for: ChannelFacts(consented: [.email, .socialMedia, .directMail], age: 68))
            == .init(channel: .directMail, reason: .ageRule))
        #expect(chooser.choose(for: ChannelFacts(consented: [.phone, .sms])) == .init(channel: .sms, reason: .cheapest))
    }

    @Test func readoutPicksTheSignificantWinner() throws {
        let control = VariantOutcome(name: "control", contacted: 5000, clicks: 400, conversions: 100)
        let readout = try ExperimentReadout(control: control, variants: [
            VariantOutcome(name: "B", contacted: 5000, clicks: 420, conversions: 150),
            VariantOutcome(name: "C", contacted: 5000, clicks: 300, conversions: 160),
        ])
        // C converts more but loses clicks significantly; B qualifies.
        #expect(readout.decision == .winner("B"))
        let flat = try ExperimentReadout(control: control, variants: [
            VariantOutcome(name: "B", contacted: 5000, clicks: 405, conversions: 110),
        ])
        // 2 % → 2.2 %: about 80,000 per arm are needed to tell.
        guard case .inconclusive(let needed?) = flat.decision else {
            Issue.record("expected an inconclusive readout, got \(flat.decision)")
            return
        }
        #expect(needed == (try SampleSizeCalculator().sizePerArm(baseline: 0.02, expected: 0.022)))
        let worse = try ExperimentReadout(control: control, variants: [
            VariantOutcome(name: "B", contacted: 5000, clicks: 380, conversions: 40),
        ])
        #expect(worse.decision == .keepControl)
        #expect(throws: CampaignError.self) {
            try ExperimentReadout(control: control, variants: [VariantOutcome(name: "B", contacted: 10, clicks: 11, conversions: 1)])
        }
    }

    @Test func testCellProjection() throws {
        let projection = try TestCellProjection(
            cell: ProportionCount(successes: 4, trials: 100), responderRevenue: [50, 70, 30, 50], rolloutSize: 10_000,
            costPerContact: 0.5, fixedCost: 1_000)
        #expect(projection.expectedResponses == 400)
        #expect(projection.expectedRevenue == 20_000)
        #expect(projection.cost == 6_000)
        let wilson = try ProportionCount(successes: 4, trials: 100).wilsonInterval()
        #expect(isApproximatelyEqual(projection.responses.lowerBound, wilson.lowerBound * 10_000, relativeTolerance: 1e-12))
        // Mean 50, s = √(800/3), half-width 1.96·s/2.
        let half = 1.959963984540054 * (800.0 / 3).squareRoot() / 2
        #expect(isApproximatelyEqual(projection.revenue.upperBound, wilson.upperBound * 10_000 * (50 + half), relativeTolerance: 1e-12))
        #expect(projection.profit.lowerBound == projection.revenue.lowerBound - 6_000)
        #expect(throws: CampaignError.self) {
            try TestCellProjection(cell: ProportionCount(successes: 2, trials: 10), responderRevenue: [1], rolloutSize: 5, costPerContact: 1)
        }
    }
}
