/// What a variant of an A/B test produced.
public struct VariantOutcome: Sendable, Hashable, Codable {
    /// The variant's name.
    public var name: String
    /// Customers who received it.
    public var contacted: Int
    /// Of them, customers who clicked.
    public var clicks: Int
    /// Of them, customers who converted.
    public var conversions: Int

    /// Creates an outcome.
    public init(name: String, contacted: Int, clicks: Int, conversions: Int) {
        self.name = name
        self.contacted = contacted
        self.clicks = clicks
        self.conversions = conversions
    }
}

/// The verdict of an A/B test on clicks and conversions: keep the best version.
///
/// The rule: each variant is compared with the control on conversions (two-proportion
/// z-test, Bonferroni-corrected: α / number of variants). A variant qualifies when its
/// conversion rate is significantly higher and its click-through rate is not significantly
/// lower (at the same corrected α). The winner is the qualifying variant with the highest
/// conversion rate (ties: more clicks, then the earlier variant). With no qualifier the
/// control is kept when every variant converts significantly worse; otherwise the test is
/// inconclusive, and the readout says how many customers per arm would detect the largest
/// observed difference at 80 % power.
public struct ExperimentReadout: Sendable, Hashable, Codable {
    /// The decision.
    public enum Decision: Sendable, Hashable, Codable {
        /// This variant beats the control.
        case winner(String)
        /// Every variant is significantly worse: keep the control.
        case keepControl
        /// No significant difference yet; the size per arm that would detect the largest
        /// observed difference (nil when no variant differs at all).
        case inconclusive(neededPerArm: Int?)
    }

    /// One variant against the control.
    public struct Comparison: Sendable, Hashable, Codable {
        /// The variant.
        public var name: String
        /// Conversions against the control's.
        public var conversions: ProportionComparison
        /// Clicks against the control's.
        public var clicks: ProportionComparison
    }

    /// The control's outcome.
    public let control: VariantOutcome
    /// Each variant against the control.
    public let comparisons: [Comparison]
    /// The family-wise significance level.
    public let significance: Double
    /// The decision.
    public let decision: Decision

    /// Reads an experiment.
    /// - Throws: ``CampaignError`` `.invalidParameter` for invalid counts (clicks or
    ///   conversions above contacted), no variants, or α outside (0, 1); `.degenerateInput`
    ///   when a group has no contacts.
    public init(control: VariantOutcome, variants: [VariantOutcome], significance: Double = 0.05) throws(CampaignError) {
        guard !variants.isEmpty else { throw CampaignError(.invalidParameter, "an A/B test needs at least one variant besides the control") }
        guard significance > 0, significance < 1 else {
            throw CampaignError(.invalidParameter, "the significance \(significance) must be between 0 and 1")
        }
        let alpha = significance / Double(variants.count)
        let level = 1 - alpha
        func counts(_ v: VariantOutcome) throws(CampaignError) -> (ProportionCount, ProportionCount) {
            (try ProportionCount(successes: v.conversions, trials: v.contacted),
             try ProportionCount(successes: v.clicks, trials: v.contacted))
        }
        let (controlConversions, controlClicks) = try counts(control)
        var comparisons: [Comparison] = []
        for variant in variants {
            let (conversions, clicks) = try counts(variant)
            comparisons.append(Comparison(
                name: variant.name,
                conversions: try ProportionComparison(control: controlConversions, treatment: conversions, level: level),
                clicks: try ProportionComparison(control: controlClicks, treatment: clicks, level: level)))
        }
        self.control = control
        self.comparisons = comparisons
        self.significance = significance

        let qualifying = comparisons.indices.filter { i in
            let c = comparisons[i]
            return c.conversions.pValue < alpha && c.conversions.difference > 0
                && !(c.clicks.pValue < alpha && c.clicks.difference < 0)
        }
        if let best = qualifying.max(by: { i, j in
            let (a, b) = (comparisons[i], comparisons[j])
            if a.conversions.treatment.rate != b.conversions.treatment.rate {
                return a.conversions.treatment.rate < b.conversions.treatment.rate
            }
            if a.clicks.treatment.successes != b.clicks.treatment.successes {
                return a.clicks.treatment.successes < b.clicks.treatment.successes
            }
            return i > j
        }) {
            decision = .winner(comparisons[best].name)
        } else if comparisons.allSatisfy({ $0.conversions.pValue < alpha && $0.conversions.difference < 0 }) {
            decision = .keepControl
        } else {
            let largest = comparisons.max { abs($0.conversions.difference) < abs($1.conversions.difference) }
            var needed: Int?
            if let largest, largest.conversions.difference != 0 {
                let p0 = largest.conversions.control.rate, p1 = largest.conversions.treatment.rate
                if p0 > 0, p0 < 1, p1 > 0, p1 < 1 {
                    needed = try SampleSizeCalculator(significance: alpha, power: 0.8).sizePerArm(baseline: p0, expected: p1)
                }
            }
            decision = .inconclusive(neededPerArm: needed)
        }
    }
}
