import Scoring

/// Seed audience, chosen lookalikes and all candidates side by side, per feature, in
/// original units: what the lookalikes share with the seed, and how both differ from the
/// candidates at large.
public struct LookalikeProfile: Sendable, Hashable {
    /// One feature's comparison.
    public struct Feature: Sendable, Hashable {
        /// The feature's name.
        public let name: String
        /// Mean over the seed audience.
        public let seedMean: Double
        /// Mean over the chosen lookalikes.
        public let lookalikeMean: Double
        /// Mean over every candidate.
        public let candidateMean: Double
        /// Median over the seed audience.
        public let seedMedian: Double
        /// Median over the chosen lookalikes.
        public let lookalikeMedian: Double
        /// (seedMean − candidateMean) / standard deviation of seed and candidates together.
        public let seedDifference: Double
        /// (lookalikeMean − candidateMean) / the same standard deviation: near
        /// ``seedDifference`` when the lookalikes resemble the seed on this feature.
        public let lookalikeDifference: Double
    }

    /// Seed size.
    public let seedCount: Int
    /// Number of lookalikes chosen.
    public let lookalikeCount: Int
    /// Number of candidates ranked.
    public let candidateCount: Int
    /// One entry per feature, in column order.
    public let features: [Feature]

    init(seed: FeatureMatrix, candidates: FeatureMatrix, chosen: [Int], names: [String], scaler: FeatureStandardization) {
        let d = seed.columnCount
        func column(_ matrix: FeatureMatrix, _ rows: [Int], _ c: Int) -> [Double] { rows.map { matrix.values[$0 * d + c] } }
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        let seedRows = Array(0..<seed.rowCount), candidateRows = Array(0..<candidates.rowCount)
        features = (0..<d).map { c in
            let seedValues = column(seed, seedRows, c), chosenValues = column(candidates, chosen, c)
            let candidateMean = mean(column(candidates, candidateRows, c))
            let seedMean = mean(seedValues), lookalikeMean = mean(chosenValues)
            return Feature(
                name: names[c], seedMean: seedMean, lookalikeMean: lookalikeMean, candidateMean: candidateMean,
                seedMedian: median(seedValues), lookalikeMedian: median(chosenValues),
                seedDifference: (seedMean - candidateMean) / scaler.scales[c],
                lookalikeDifference: (lookalikeMean - candidateMean) / scaler.scales[c])
        }
        seedCount = seed.rowCount
        lookalikeCount = chosen.count
        candidateCount = candidates.rowCount
    }
}
