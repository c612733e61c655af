import PrecisionMarketingTesting
import Testing

/// Sample moments on 200,000 draws. The tolerances are several standard errors wide, and
/// the draws are seeded, so the tests are deterministic.
@Suite("Distributions")
struct DistributionTests {
    static let n = 200_000

    static func moments(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, variance)
    }

    @Test func uniformMeanAndRange() throws {
        var rng = SeededGenerator(seed: 1)
        let values = try UniformDistribution(lowerBound: 2, upperBound: 4).samples(Self.n, using: &rng)
        #expect(values.allSatisfy { $0 >= 2 && $0 < 4 })
        let m = Self.moments(values)
        #expect(isApproximatelyEqual(m.mean, 3, absoluteTolerance: 0.01))
        #expect(isApproximatelyEqual(m.variance, 4.0 / 12, relativeTolerance: 0.02))
    }

    @Test func normalMoments() throws {
        var rng = SeededGenerator(seed: 2)
        let m = Self.moments(try NormalDistribution(mean: 5, standardDeviation: 2).samples(Self.n, using: &rng))
        #expect(isApproximatelyEqual(m.mean, 5, absoluteTolerance: 0.02))
        #expect(isApproximatelyEqual(m.variance, 4, relativeTolerance: 0.02))
    }

    @Test(arguments: [(0.8, 1.0 / 90), (3.5, 2.0), (0.3, 1.0), (12, 0.5)])
    func gammaMeanAndVariance(shape: Double, scale: Double) throws {
        var rng = SeededGenerator(seed: 3)
        let values = try GammaDistribution(shape: shape, scale: scale).samples(Self.n, using: &rng)
        #expect(values.allSatisfy { $0 >= 0 })
        let m = Self.moments(values)
        #expect(isApproximatelyEqual(m.mean, shape * scale, relativeTolerance: 0.02))
        #expect(isApproximatelyEqual(m.variance, shape * scale * scale, relativeTolerance: 0.06))
    }

    @Test(arguments: [(1.0, 4.0), (2.0, 5.0), (0.5, 0.5)])
    func betaMean(alpha: Double, beta: Double) throws {
        var rng = SeededGenerator(seed: 4)
        let values = try BetaDistribution(alpha: alpha, beta: beta).samples(Self.n, using: &rng)
        #expect(values.allSatisfy { $0 >= 0 && $0 <= 1 })
        let m = Self.moments(values)
        let total = alpha + beta
        #expect(isApproximatelyEqual(m.mean, alpha / total, absoluteTolerance: 0.004))
        #expect(isApproximatelyEqual(m.variance, alpha * beta / (total * total * (total + 1)), relativeTolerance: 0.04))
    }

    @Test(arguments: [0.05, 3.7, 9.9, 10, 42.5, 900])
    func poissonMeanAndVariance(mean: Double) throws {
        var rng = SeededGenerator(seed: 5)
        let values = try PoissonDistribution(mean: mean).samples(Self.n, using: &rng).map(Double.init)
        #expect(values.allSatisfy { $0 >= 0 })
        let m = Self.moments(values)
        #expect(isApproximatelyEqual(m.mean, mean, absoluteTolerance: 0.002, relativeTolerance: 0.01))
        #expect(isApproximatelyEqual(m.variance, mean, absoluteTolerance: 0.002, relativeTolerance: 0.04))
    }

    @Test func poissonOfZeroIsZero() {
        var rng = SeededGenerator(seed: 5)
        #expect(PoissonDistribution.sample(mean: 0, using: &rng) == 0)
        #expect(PoissonDistribution.sample(mean: .nan, using: &rng) == 0)
    }

    @Test(arguments: [0.75, 0.2, 0.01, 1.0])
    func geometricMean(probability: Double) throws {
        var rng = SeededGenerator(seed: 6)
        let values = try GeometricDistribution(probability: probability).samples(Self.n, using: &rng)
        #expect(values.allSatisfy { $0 >= 1 })
        let m = Self.moments(values.map(Double.init))
        #expect(isApproximatelyEqual(m.mean, 1 / probability, absoluteTolerance: 1e-12, relativeTolerance: 0.015))
    }

    @Test func lognormalMedian() throws {
        var rng = SeededGenerator(seed: 7)
        let values = try LognormalDistribution(median: 20, sigma: 0.8).samples(Self.n, using: &rng).sorted()
        #expect(isApproximatelyEqual(values[Self.n / 2], 20, relativeTolerance: 0.02))
        #expect(values.allSatisfy { $0 > 0 })
    }

    @Test func zipfRankOneShare() throws {
        var rng = SeededGenerator(seed: 8)
        let zipf = try ZipfDistribution(count: 2000, exponent: 1)
        let harmonic = (1...2000).reduce(0.0) { $0 + 1 / Double($1) }
        #expect(isApproximatelyEqual(zipf.probability(ofRank: 1), 1 / harmonic, relativeTolerance: 1e-12))
        let ranks = zipf.samples(Self.n, using: &rng)
        #expect(ranks.allSatisfy { (1...2000).contains($0) })
        let share1 = Double(ranks.count { $0 == 1 }) / Double(Self.n)
        let share2 = Double(ranks.count { $0 == 2 }) / Double(Self.n)
        #expect(isApproximatelyEqual(share1, 1 / harmonic, absoluteTolerance: 0.004))
        #expect(isApproximatelyEqual(share2, 0.5 / harmonic, absoluteTolerance: 0.003))
    }

    @Test func weightedChoiceFrequencies() throws {
        var rng = SeededGenerator(seed: 9)
        let choice = try WeightedChoice(weights: [0.35, 0.28, 0, 0.18, 0.12, 0.07])
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<Self.n { counts[choice.sample(using: &rng)] += 1 }
        #expect(counts[2] == 0)
        for (index, expected) in [0.35, 0.28, 0, 0.18, 0.12, 0.07].enumerated() {
            #expect(isApproximatelyEqual(Double(counts[index]) / Double(Self.n), expected, absoluteTolerance: 0.005))
        }
    }

    @Test func invalidParametersThrow() {
        #expect(throws: DistributionError.self) { try GammaDistribution(shape: 0) }
        #expect(throws: DistributionError.self) { try BetaDistribution(alpha: 1, beta: -1) }
        #expect(throws: DistributionError.self) { try PoissonDistribution(mean: .infinity) }
        #expect(throws: DistributionError.self) { try GeometricDistribution(probability: 0) }
        #expect(throws: DistributionError.self) { try NormalDistribution(mean: 0, standardDeviation: 0) }
        #expect(throws: DistributionError.self) { try WeightedChoice(weights: [0, 0]) }
        #expect(throws: DistributionError.self) { try WeightedChoice(weights: []) }
        #expect(throws: DistributionError.self) { try ZipfDistribution(count: 0) }
        #expect(throws: DistributionError.self) { try UniformDistribution(lowerBound: 1, upperBound: 1) }
    }

    @Test func samplesAreReproducible() throws {
        var a = SeededGenerator(seed: 11)
        var b = SeededGenerator(seed: 11)
        let gamma = try GammaDistribution(shape: 0.8, scale: 2)
        #expect(gamma.samples(1000, using: &a) == gamma.samples(1000, using: &b))
    }
}
