import Campaigns
import PrecisionMarketingTesting
import Testing

/// Reference values computed with scipy 1.x (`norm.ppf`, `norm.sf`) from the formulas in
/// the types' documentation; the sample size 3,841 is the textbook value for 10 % → 12 %.
@Suite("A/B test statistics")
struct ExperimentStatisticsTests {
    @Test func wilsonIntervals() throws {
        let interval = try ProportionCount(successes: 12, trials: 100).wilsonInterval()
        #expect(isApproximatelyEqual(interval.lowerBound, 0.0699940643701949, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(interval.upperBound, 0.19812099426711421, relativeTolerance: 1e-12))
        let zero = try ProportionCount(successes: 0, trials: 20).wilsonInterval()
        #expect(zero.lowerBound == 0)
        #expect(isApproximatelyEqual(zero.upperBound, 0.16112515805281938, relativeTolerance: 1e-12))
        #expect(throws: CampaignError.self) { try ProportionCount(successes: 0, trials: 0).wilsonInterval() }
        #expect(throws: CampaignError.self) { try ProportionCount(successes: 5, trials: 4) }
    }

    @Test func twoProportionComparison() throws {
        let comparison = try ProportionComparison(
            control: ProportionCount(successes: 120, trials: 1000), treatment: ProportionCount(successes: 150, trials: 1000))
        #expect(isApproximatelyEqual(comparison.difference, 0.03, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(comparison.z, 1.963049807622355, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(comparison.pValue, 0.04964038686536878, relativeTolerance: 1e-9))
        #expect(comparison.isSignificant)
        #expect(isApproximatelyEqual(comparison.differenceInterval.lowerBound, 1.3782434204051563e-05, relativeTolerance: 1e-6))
        #expect(isApproximatelyEqual(comparison.differenceInterval.upperBound, 0.060008258570126566, relativeTolerance: 1e-12))
        #expect(isApproximatelyEqual(comparison.relativeLift ?? 0, 0.25, relativeTolerance: 1e-12))
        let katz = try #require(comparison.relativeLiftInterval)
        #expect(isApproximatelyEqual(katz.lowerBound, -0.00032667224198601463, relativeTolerance: 1e-6))
        #expect(isApproximatelyEqual(katz.upperBound, 0.5630105921743935, relativeTolerance: 1e-12))
        // Equal rates: z = 0, p = 1; no successes anywhere: no ratio.
        let same = try ProportionComparison(
            control: ProportionCount(successes: 0, trials: 50), treatment: ProportionCount(successes: 0, trials: 80))
        #expect(same.pValue == 1 && same.relativeLift == nil && same.relativeLiftInterval == nil)
        #expect(throws: CampaignError.self) {
            try ProportionComparison(
                control: ProportionCount(successes: 0, trials: 0), treatment: ProportionCount(successes: 1, trials: 2))
        }
    }

    @Test func sampleSizeAndPower() throws {
        let calculator = try SampleSizeCalculator()
        #expect(try calculator.sizePerArm(baseline: 0.10, expected: 0.12) == 3841)
        #expect(try calculator.sizePerArm(baseline: 0.05, expected: 0.06) == 8158)
        #expect(isApproximatelyEqual(
            try calculator.power(baseline: 0.10, expected: 0.12, sizePerArm: 3000), 0.6970453004045685, relativeTolerance: 1e-9))
        // The size the calculator asks for has at least the requested power.
        #expect(try calculator.power(baseline: 0.10, expected: 0.12, sizePerArm: 3841) >= 0.8)
        #expect(throws: CampaignError.self) { try calculator.sizePerArm(baseline: 0.1, expected: 0.1) }
        #expect(throws: CampaignError.self) { try SampleSizeCalculator(significance: 0, power: 0.8) }
    }

    @Test func assignmentIsStableWeightedAndIndependentAcrossExperiments() throws {
        // Reference fractions from the same FNV-1a + fmix64 written in Python.
        #expect(StableBucket.fraction(experimentID: "spring-subject", customerID: "C-1042") == 0.43034123023073567)
        #expect(StableBucket.fraction(experimentID: "exp", customerID: "c1") == 0.8855261577150689)
        let test = try ExperimentAssignment(
            experimentID: "spring-subject",
            variants: [Variant(name: "control", weight: 1), Variant(name: "B", weight: 3), Variant(name: "off", weight: 0)])
        let other = try ExperimentAssignment(
            experimentID: "autumn", variants: [Variant(name: "control", weight: 1), Variant(name: "B", weight: 1)])
        var counts = [0, 0, 0]
        var agree = 0
        let n = 40_000
        for i in 0..<n {
            let id = "C-\(i)"
            let arm = test.index(for: id)
            counts[arm] += 1
            #expect(arm == test.index(for: id))
            if (arm == 1) == (other.index(for: id) == 1) { agree += 1 }
        }
        #expect(counts[2] == 0)
        // 25 % ± 4 standard errors (0.0022 each).
        #expect(abs(Double(counts[0]) / Double(n) - 0.25) < 0.009)
        // Independent experiments: P(same side) = 0.75·0.5 + 0.25·0.5 = 0.5.
        #expect(abs(Double(agree) / Double(n) - 0.5) < 0.01)
        #expect(throws: CampaignError.self) {
            try ExperimentAssignment(experimentID: "x", variants: [Variant(name: "a", weight: -1)])
        }
        #expect(throws: CampaignError.self) {
            try ExperimentAssignment(experimentID: "x", variants: [Variant(name: "a", weight: 1), Variant(name: "a", weight: 1)])
        }
    }
}
