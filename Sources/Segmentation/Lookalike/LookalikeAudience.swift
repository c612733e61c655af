import CustomerModel
import Scoring

/// Finds the candidates (other customers, or prospects) most similar to a seed audience,
/// such as the best customers: "focus on people similar to existing customers rather than
/// the mass market".
///
/// Both matrices hold the same features in the same columns, in original units. Features
/// are standardised with the mean and population standard deviation of seed and candidates
/// together, so every feature weighs the same. Two ways to score a candidate:
///
/// - ``Method/centroidDistance``: the Euclidean distance d from the candidate to the seed's
///   mean in standardised space; score = 1 / (1 + d), so 1 is "at the seed centre".
/// - ``Method/logisticRegression(penalty:)``: a seed-versus-population model, the L2-penalised
///   logistic regression of Scoring's propensity models fitted with the seed rows as
///   positives and the candidates as negatives, each class weighted to half the total
///   weight (balanced); score = the fitted probability of "looks like the seed". Unlike the
///   distance it learns which features separate the seed, and that the direction matters
///   (more spend is more seed-like, not just different spend).
///
/// The result lists the top N candidates with their scores (ties: the lower index first)
/// and a side-by-side profile of seed, lookalikes and all candidates.
///
/// ```swift
/// let best = try FeatureMatrix(rows: ...)        // the seed audience
/// let prospects = try FeatureMatrix(rows: ...)   // whom to choose from
/// let ranking = try LookalikeAudience(method: .logisticRegression()).rank(
///     seed: best, candidates: prospects, count: 1_000, featureNames: ["age", "visits", "spend"])
/// ranking.candidates[0]; ranking.scores[0]; ranking.profile.features[2].lookalikeMean
/// ```
public struct LookalikeAudience: Sendable, Hashable {
    /// How a candidate's similarity to the seed is measured.
    public enum Method: Sendable, Hashable {
        /// 1 / (1 + distance to the seed centroid), in standardised features.
        case centroidDistance
        /// The probability of a seed-versus-candidates logistic regression (balanced
        /// classes; `penalty` is the L2 λ on standardised coefficients, scikit-learn's 1/C).
        case logisticRegression(penalty: Double = 1)
    }

    /// The similarity measure.
    public var method: Method

    /// Creates a configuration.
    public init(method: Method = .logisticRegression()) {
        self.method = method
    }

    /// Scores every candidate and returns the `count` most similar to the seed.
    /// - Parameters:
    ///   - seed: the seed audience, one row per member.
    ///   - candidates: whom to rank, with the same columns.
    ///   - count: how many to return (at most the number of candidates).
    ///   - featureNames: a name per column, for the profile.
    /// - Throws: ``ClusteringError``: `.emptyInput` for an empty seed or no candidates,
    ///   `.dimensionMismatch` for different columns or names, `.invalidParameter` for
    ///   count < 1 or a negative penalty, `.constantFeature` for a feature equal in every row,
    ///   `.modelDidNotFit` when the logistic regression fails.
    /// - Complexity: O((s + c) · d) for the distance; O(iterations · (s + c) · d²) for the
    ///   logistic fit; plus O(c log c) to rank c candidates.
    public func rank(seed: FeatureMatrix, candidates: FeatureMatrix, count: Int, featureNames: [String])
        throws(ClusteringError) -> LookalikeRanking
    {
        let d = seed.columnCount
        guard seed.rowCount > 0, candidates.rowCount > 0 else {
            throw ClusteringError(
                .emptyInput, "lookalikes need a seed and candidates (got \(seed.rowCount) seed rows, \(candidates.rowCount) candidates)")
        }
        guard candidates.columnCount == d, featureNames.count == d, d > 0 else {
            throw ClusteringError(
                .dimensionMismatch,
                "the seed has \(d) features, the candidates \(candidates.columnCount), and there are \(featureNames.count) names")
        }
        guard count >= 1 else { throw ClusteringError(.invalidParameter, "the lookalike count must be at least 1, not \(count)") }
        let combined = try FeatureMatrix.checked(
            rowCount: seed.rowCount + candidates.rowCount, columnCount: d, values: seed.values + candidates.values)
        let scaler = try FeatureStandardization(fitting: combined)
        var scores = [Double](repeating: 0, count: candidates.rowCount)
        var model: FittedLogisticRegression? = nil
        switch method {
        case .centroidDistance:
            let standardSeed = try scaler.transform(seed)
            let standardCandidates = try scaler.transform(candidates)
            var centre = [Double](repeating: 0, count: d)
            for i in 0..<seed.rowCount { for c in 0..<d { centre[c] += standardSeed.values[i * d + c] } }
            for c in 0..<d { centre[c] /= Double(seed.rowCount) }
            ParallelLoop.fill(&scores) { i in
                var squared = 0.0
                for c in 0..<d {
                    let delta = standardCandidates.values[i * d + c] - centre[c]
                    squared += delta * delta
                }
                return 1 / (1 + squared.squareRoot())
            }
        case .logisticRegression(let penalty):
            guard penalty.isFinite, penalty >= 0 else {
                throw ClusteringError(.invalidParameter, "the penalty must be finite and ≥ 0, not \(penalty)")
            }
            let labels = [Bool](repeating: true, count: seed.rowCount) + [Bool](repeating: false, count: candidates.rowCount)
            let total = Double(combined.rowCount)
            let weights = [Double](repeating: total / (2 * Double(seed.rowCount)), count: seed.rowCount)
                + [Double](repeating: total / (2 * Double(candidates.rowCount)), count: candidates.rowCount)
            let fitted: FittedLogisticRegression
            do {
                fitted = try LogisticRegression(penalty: penalty).fit(features: combined, labels: labels, weights: weights)
            } catch {
                throw ClusteringError(.modelDidNotFit, "the seed-versus-candidates model did not fit: \(error.message)")
            }
            scores = fitted.probabilities(for: candidates)
            model = fitted
        }
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        let top = Array(order.prefix(count))
        let profile = LookalikeProfile(
            seed: seed, candidates: candidates, chosen: top, names: featureNames, scaler: scaler)
        return LookalikeRanking(
            candidates: top, scores: top.map { scores[$0] }, allScores: scores, profile: profile, model: model)
    }
}

/// The outcome of ``LookalikeAudience/rank(seed:candidates:count:featureNames:)``.
public struct LookalikeRanking: Sendable, Hashable {
    /// The chosen candidates' row indices, most similar first.
    public let candidates: [Int]
    /// Their scores (higher is more similar), in the same order.
    public let scores: [Double]
    /// The score of every candidate, in candidate row order.
    public let allScores: [Double]
    /// Seed, lookalikes and all candidates side by side.
    public let profile: LookalikeProfile
    /// The fitted seed-versus-candidates model (logistic method only).
    public let model: FittedLogisticRegression?
}
