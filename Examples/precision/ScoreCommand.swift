import PrecisionMarketing

/// `precision score --input FILE [--as-of D] [--weights r,f,m,if,id,si] [--currency CODE]
/// [--format json|table]`: the eRFM value score (1…5) and value tier of every customer with
/// an order before the as-of day, and a tier summary with the playbook's treatment per tier.
///
/// A transactions CSV carries only the transaction indicators (recency, frequency,
/// monetary): the interaction and social columns are absent, so ``ValueScoreAnalysis`` drops
/// them and renormalises the weights of the indicators used by their sum (its documented
/// rule). With the default weights 0.25/0.25/0.20 that is 0.3571/0.3571/0.2857.
enum ScoreCommand {
    static func run(_ arguments: inout CommandLineArguments) throws {
        let path = try arguments.required("input")
        let asOf = try arguments.day("as-of")
        let weights = try parseWeights(arguments.string("weights"))
        let format = try arguments.format()
        let currency = try SnapshotLoading.currency(&arguments)
        try arguments.rejectUnknown()

        let (snapshot, report) = try SnapshotLoading.load(path: path, currency: currency)
        SnapshotLoading.warn(about: report)
        let result: ValueScoreResult
        do {
            result = try ValueScoreAnalysis(weights: weights).run(on: snapshot, asOf: asOf)
        } catch {
            throw UsageError(error.message)
        }
        switch format {
        case .json: writeJSON(result, snapshot: snapshot)
        case .table: writeTable(result, snapshot: snapshot)
        }
    }

    /// Six comma-separated non-negative weights in the order r, f, m, if, id, si.
    static func parseWeights(_ text: String?) throws(UsageError) -> ValueScoreWeights {
        guard let text else { return .standard }
        let fields = text.split(separator: ",", omittingEmptySubsequences: false)
        let values = fields.compactMap { Double($0.trimmingPrefix(" ")) }
        guard fields.count == 6, values.count == 6, values.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw UsageError("--weights needs six non-negative numbers r,f,m,if,id,si, not '\(text)'")
        }
        let weights = ValueScoreWeights(
            recency: values[0], frequency: values[1], monetary: values[2],
            interactionFrequency: values[3], interactionDuration: values[4], socialInfluence: values[5])
        guard weights.recency + weights.frequency + weights.monetary > 0 else {
            throw UsageError("--weights: recency, frequency and monetary are all zero, and a transactions file has no other indicator")
        }
        return weights
    }

    /// A tier's row of the summary: customers, share, mean score and the treatment.
    struct TierRow {
        var tier: ValueTier
        var customers: Int
        var share: Double
        var meanScore: Double
        var treatment: ValueTierTreatment?
    }

    /// Tiers from high to low.
    static func tierRows(_ result: ValueScoreResult, playbook: ValueTierPlaybook = .standard) -> [TierRow] {
        var sums: [ValueTier: Double] = [:]
        for i in 0..<result.count { sums[result.tiers[i], default: 0] += result.scores[i] }
        return result.tierCounts().reversed().map { tier, customers in
            TierRow(
                tier: tier, customers: customers, share: Double(customers) / Double(max(result.count, 1)),
                meanScore: customers == 0 ? 0 : (sums[tier] ?? 0) / Double(customers),
                treatment: playbook.treatment(for: tier))
        }
    }

    static let note = "only the transaction indicators (recency, frequency, monetary) come from a transactions file; "
        + "the weights are renormalised over the indicators used"
}
