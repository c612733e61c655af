import Campaigns
import PrecisionMarketingTesting
import Testing

@Suite("Campaign measurement")
struct CampaignMeasurementTests {
    @Test func holdoutLiftOfResponsesAndRevenue() throws {
        let lift = try HoldoutLift(
            treated: ProportionCount(successes: 150, trials: 1000), holdout: ProportionCount(successes: 120, trials: 1000))
        #expect(isApproximatelyEqual(lift.incrementalResponses, 30, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(lift.incrementalResponsesInterval.upperBound, 60.008258570126566, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(lift.response.pValue, 0.04964038686536878, relativeTolerance: 1e-9))
        #expect(lift.revenueDifference == nil)

        // Hand-checked: means 15 and 5, variances 500/3 and 50/3, se = √(45.8333…).
        let revenue = try HoldoutLift(
            treated: ProportionCount(successes: 3, trials: 4), holdout: ProportionCount(successes: 3, trials: 4),
            treatedRevenue: [10, 0, 20, 30], holdoutRevenue: [0, 10, 5, 5])
        #expect(revenue.revenueDifference == 10)
        #expect(revenue.incrementalRevenue == 40)
        let half = 1.959963984540054 * (500.0 / 12 + 50.0 / 12).squareRoot()
        let interval = try #require(revenue.revenueDifferenceInterval)
        #expect(isApproximatelyEqual(interval.lowerBound, 10 - half, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(interval.upperBound, 10 + half, relativeTolerance: 1e-12))
        #expect(throws: CampaignError.self) {
            try HoldoutLift(
                treated: ProportionCount(successes: 1, trials: 2), holdout: ProportionCount(successes: 1, trials: 2),
                treatedRevenue: [1, 2], holdoutRevenue: nil)
        }
        #expect(throws: CampaignError.self) {
            try HoldoutLift(
                treated: ProportionCount(successes: 1, trials: 2), holdout: ProportionCount(successes: 1, trials: 2),
                treatedRevenue: [1, 2, 3], holdoutRevenue: [1, 2])
        }
    }

    @Test func campaignRates() throws {
        let metrics = try CampaignMetrics(
            targeted: 10_000, reached: 8_000, opened: 2_000, clicked: 400, responded: 500, converted: 160,
            matchedIntendedProfile: 6_000, revenue: 24_000, cost: 8_000)
        #expect(metrics.reachRate == 0.8)
        #expect(metrics.openRate == 0.25)
        #expect(metrics.clickThroughRate == 0.05)
        #expect(metrics.responseRate == 0.0625)
        #expect(metrics.conversionRate == 0.02)
        #expect(metrics.hitRate == 0.75)
        #expect(metrics.costPerAcquisition == 50)
        #expect(metrics.returnOnInvestment == 2)
        #expect(metrics.costPerContact == 1)
        let before = try CampaignMetrics(targeted: 10_000, reached: 10_000, responded: 300, converted: 100, revenue: 15_000, cost: 10_000)
        #expect(metrics.costReduction(comparedWith: before) == 0.5)
        let none = try CampaignMetrics(targeted: 0, reached: 0, responded: 0, converted: 0, revenue: 0, cost: 0)
        #expect(none.responseRate == nil && none.returnOnInvestment == nil && none.costPerAcquisition == nil)
        #expect(throws: CampaignError.self) {
            try CampaignMetrics(targeted: 10, reached: 5, responded: 6, converted: 0, revenue: 0, cost: 0)
        }
    }

    @Test func beforeAfterTable() throws {
        let table = try BeforeAfterComparison(rows: [
            .init(metric: "customers", before: 2_000, after: 2_600),
            .init(metric: "conversion rate", isRate: true, before: 0.02, after: 0.03, benchmark: 0.025),
            .init(metric: "complaints", before: 0, after: 4),
        ])
        #expect(table.rows[0].absoluteGrowth == 600 && table.rows[0].changeRate == 0.3)
        let conversion = table.rows[1]
        #expect(isApproximatelyEqual(conversion.absoluteGrowth, 0.01, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(conversion.changeRate ?? 0, 0.5, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(conversion.relativeToBenchmark ?? 0, 0.2, relativeTolerance: 1e-12))
        #expect(table.rows[2].changeRate == nil)
        #expect(throws: CampaignError.self) {
            try BeforeAfterComparison(rows: [.init(metric: "x", before: 1, after: 2), .init(metric: "x", before: 1, after: 2)])
        }
    }
}

@Suite("Result breakdowns")
struct ResultBreakdownTests {
    @Test func groupsByKeyWithRates() throws {
        let breakdown = try ResultBreakdown([
            .init(key: "north", responded: true, converted: true, revenue: 120, cost: 1),
            .init(key: "south", responded: false, converted: false, revenue: 0, cost: 1),
            .init(key: "north", responded: true, converted: false, revenue: 0, cost: 1),
            .init(key: "north", responded: false, converted: false, revenue: 0, cost: 1),
            .init(key: "south", responded: true, converted: true, revenue: 30, cost: 1),
        ])
        #expect(breakdown.groups.map(\.key) == ["north", "south"])
        let north = breakdown.groups[0].metrics
        #expect(north.reached == 3 && north.responded == 2 && north.converted == 1)
        #expect(north.costPerAcquisition == 3 && north.returnOnInvestment == 39)
        #expect(breakdown.groups[1].metrics.conversionRate == 0.5)
        #expect(throws: CampaignError.self) {
            try ResultBreakdown([.init(key: "x", responded: false, converted: false, revenue: .nan, cost: 0)])
        }
    }
}
