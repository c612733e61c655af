/// The weights of the six eRFM indicators (SEEDS.md §3 defaults: 0.25, 0.25, 0.20, 0.15, 0.10, 0.05).
///
/// Weights need not sum to 1: the score divides by the sum of the weights of the indicators
/// used. Each weight must be finite and non-negative, and at least one must be positive.
public struct ValueScoreWeights: Hashable, Sendable, Codable {
    /// Weight of recency.
    public var recency: Double
    /// Weight of frequency.
    public var frequency: Double
    /// Weight of monetary value.
    public var monetary: Double
    /// Weight of interaction frequency.
    public var interactionFrequency: Double
    /// Weight of interaction duration.
    public var interactionDuration: Double
    /// Weight of social influence.
    public var socialInfluence: Double

    /// Creates weights.
    public init(
        recency: Double, frequency: Double, monetary: Double,
        interactionFrequency: Double, interactionDuration: Double, socialInfluence: Double
    ) {
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
        self.interactionFrequency = interactionFrequency
        self.interactionDuration = interactionDuration
        self.socialInfluence = socialInfluence
    }

    /// The defaults of SEEDS.md §3: 0.25 / 0.25 / 0.20 / 0.15 / 0.10 / 0.05.
    public static let standard = ValueScoreWeights(
        recency: 0.25, frequency: 0.25, monetary: 0.20,
        interactionFrequency: 0.15, interactionDuration: 0.10, socialInfluence: 0.05)

    /// The weights in the order of ``ValueIndicator/standard``.
    public var values: [Double] {
        [recency, frequency, monetary, interactionFrequency, interactionDuration, socialInfluence]
    }

    /// Checks every weight is finite and non-negative and that one is positive.
    /// - Throws: ``ScoringError`` `.invalidParameter` naming the offending indicator.
    public func validate() throws(ScoringError) {
        try ValueScoreWeights.validate(Array(zip(ValueIndicator.standard, values)))
    }

    static func validate(_ pairs: [(ValueIndicator, Double)]) throws(ScoringError) {
        for (indicator, weight) in pairs where !weight.isFinite || weight < 0 {
            throw ScoringError(.invalidParameter, "the weight of \(indicator) is \(weight); weights must be finite and ≥ 0")
        }
        guard pairs.contains(where: { $0.1 > 0 }) else {
            throw ScoringError(.invalidParameter, "all weights are zero")
        }
    }

    /// The weighted mean of six sub-scores given in the order of ``ValueIndicator/standard``:
    /// `Σ wᵢ·sᵢ / Σ wᵢ`. With the defaults, (5, 4, 3, 2, 1, 1) gives 3.30.
    ///
    /// - Throws: ``ScoringError`` `.invalidParameter` for invalid weights, a count other than
    ///   six, or a sub-score that is not finite.
    public func combine(_ subScores: [Double]) throws(ScoringError) -> Double {
        try validate()
        guard subScores.count == 6 else {
            throw ScoringError(.invalidParameter, "expected 6 sub-scores, got \(subScores.count)")
        }
        guard subScores.allSatisfy(\.isFinite) else {
            throw ScoringError(.invalidParameter, "a sub-score is not finite")
        }
        let w = values
        var sum = 0.0
        var weightSum = 0.0
        for i in 0..<6 {
            sum += w[i] * subScores[i]
            weightSum += w[i]
        }
        return sum / weightSum
    }
}
