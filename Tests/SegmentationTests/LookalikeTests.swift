import PrecisionMarketingTesting
import Scoring
import Testing

@testable import Segmentation

@Suite("Lookalike audiences")
struct LookalikeTests {
    @Test("centroid distance by hand in one dimension")
    func centroidByHand() throws {
        // Seed 0, 2 (centre 1); candidates 1, 4, −3, 2. Seed and candidates together have
        // mean 1 and population sd √(28/6), so the standardised distance of x is |x − 1| / sd.
        let ranking = try LookalikeAudience(method: .centroidDistance).rank(
            seed: FeatureMatrix(rows: [[0], [2]]), candidates: FeatureMatrix(rows: [[1], [4], [-3], [2]]), count: 3,
            featureNames: ["spend"])
        let sd = (28.0 / 6).squareRoot()
        #expect(ranking.candidates == [0, 3, 1])
        #expect(ranking.scores[0] == 1)
        #expect(isApproximatelyEqual(ranking.scores[1], 1 / (1 + 1 / sd), relativeTolerance: 1e-14))
        #expect(isApproximatelyEqual(ranking.allScores[2], 1 / (1 + 4 / sd), relativeTolerance: 1e-14))
        #expect(ranking.model == nil)
        let spend = try #require(ranking.profile.features.first)
        #expect(spend.seedMean == 1 && spend.candidateMean == 1 && spend.seedMedian == 1)
        #expect(isApproximatelyEqual(spend.lookalikeMean, 7.0 / 3, relativeTolerance: 1e-14))
        #expect(spend.lookalikeMedian == 2)
        #expect(isApproximatelyEqual(spend.lookalikeDifference, (7.0 / 3 - 1) / sd, relativeTolerance: 1e-14))
        #expect(ranking.profile.seedCount == 2 && ranking.profile.lookalikeCount == 3 && ranking.profile.candidateCount == 4)
    }

    @Test("the logistic model learns the direction: more spend is more seed-like")
    func logisticDirection() throws {
        let seed = try FeatureMatrix(rows: [[80], [90], [100], [110], [60]])
        let candidates = try FeatureMatrix(rows: [[10], [200], [50], [20], [95], [5]])
        let logistic = try LookalikeAudience(method: .logisticRegression(penalty: 1))
            .rank(seed: seed, candidates: candidates, count: 6, featureNames: ["spend"])
        #expect(logistic.candidates == [1, 4, 2, 3, 0, 5])
        let model = try #require(logistic.model)
        #expect(model.coefficients[0] > 0)
        #expect(logistic.scores == logistic.candidates.map { model.probability(of: [candidates[$0, 0]]) })
        // The distance prefers 95 (near the seed centre 88) over 200.
        let distance = try LookalikeAudience(method: .centroidDistance)
            .rank(seed: seed, candidates: candidates, count: 2, featureNames: ["spend"])
        #expect(distance.candidates == [4, 2])
    }

    /// Seed and 300 "twins" drawn from one distribution; 1,700 others from another.
    static func syntheticAudience(seed value: UInt64) throws -> (seed: FeatureMatrix, candidates: FeatureMatrix, twins: Set<Int>) {
        var generator = SeededGenerator(seed: value)
        func draw(_ means: [Double], _ sds: [Double]) -> [Double] {
            zip(means, sds).map { $0 + $1 * NormalDistribution.standard(using: &generator) }
        }
        let seedRows = (0..<200).map { _ in draw([30, 12, 500], [4, 3, 120]) }
        var rows: [[Double]] = []
        var twins = Set<Int>()
        for i in 0..<2000 {
            if i % 20 < 3 {
                twins.insert(i)
                rows.append(draw([30, 12, 500], [4, 3, 120]))
            } else {
                rows.append(draw([48, 5, 220], [10, 3, 150]))
            }
        }
        return (try FeatureMatrix(rows: seedRows), try FeatureMatrix(rows: rows), twins)
    }

    @Test("on synthetic data with known twins both methods find them", arguments: [
        LookalikeAudience.Method.centroidDistance, .logisticRegression(penalty: 1),
    ])
    func knownTruth(method: LookalikeAudience.Method) throws {
        let data = try Self.syntheticAudience(seed: 4)
        let ranking = try LookalikeAudience(method: method)
            .rank(seed: data.seed, candidates: data.candidates, count: 300, featureNames: ["age", "visits", "spend"])
        let precision = Double(ranking.candidates.filter { data.twins.contains($0) }.count) / 300
        #expect(precision >= 0.85, "precision at 300: \(precision)")
        #expect(zip(ranking.scores, ranking.scores.dropFirst()).allSatisfy { $0 >= $1 })
        // Lookalikes resemble the seed: on every feature their mean is much nearer the seed's.
        for feature in ranking.profile.features {
            #expect(abs(feature.lookalikeDifference - feature.seedDifference) < 0.25 * abs(feature.seedDifference), "\(feature.name)")
        }
        // Better than chance (15 %) by far, and at least 90 % of the best 50 are twins.
        let top50 = ranking.candidates.prefix(50).filter { data.twins.contains($0) }.count
        #expect(top50 >= 45)
    }

    @Test("ranking the rest of a population equals ranking the split matrices")
    func population() throws {
        let data = try Self.syntheticAudience(seed: 9)
        // Interleave: seed members at every 11th row of the population.
        var rows: [[Double]] = [], seedRows: [Int] = []
        var nextSeed = 0, nextCandidate = 0
        while nextSeed < data.seed.rowCount || nextCandidate < data.candidates.rowCount {
            if nextSeed < data.seed.rowCount && (rows.count % 11 == 0 || nextCandidate == data.candidates.rowCount) {
                seedRows.append(rows.count)
                rows.append(Array(data.seed.row(nextSeed)))
                nextSeed += 1
            } else {
                rows.append(Array(data.candidates.row(nextCandidate)))
                nextCandidate += 1
            }
        }
        let names = ["age", "visits", "spend"]
        let split = try LookalikeAudience().rank(seed: data.seed, candidates: data.candidates, count: 100, featureNames: names)
        let whole = try LookalikeAudience().rank(
            population: FeatureMatrix(rows: rows), seedRows: seedRows, count: 100, featureNames: names)
        let candidateRows = (0..<rows.count).filter { !Set(seedRows).contains($0) }
        #expect(whole.candidates == split.candidates.map { candidateRows[$0] })
        #expect(whole.scores == split.scores)
        #expect(whole.profile == split.profile)
        #expect(seedRows.allSatisfy { whole.allScores[$0].isNaN })
        #expect(whole.allScores[candidateRows[5]] == split.allScores[5])
        let population = try FeatureMatrix(rows: rows)
        #expect(throws: ClusteringError.self) {
            try LookalikeAudience().rank(population: population, seedRows: [0, 0], count: 1, featureNames: names)
        }
        #expect(throws: ClusteringError.self) {
            try LookalikeAudience().rank(population: population, seedRows: [rows.count], count: 1, featureNames: names)
        }
    }

    @Test("bad input is a typed error")
    func errors() throws {
        let seed = try FeatureMatrix(rows: [[1, 2], [2, 3]])
        let candidates = try FeatureMatrix(rows: [[1, 5], [3, 1]])
        let audience = LookalikeAudience(method: .centroidDistance)
        let names = ["a", "b"]
        let empty = try FeatureMatrix(rowCount: 0, columnCount: 2, values: [])
        let narrow = try FeatureMatrix(rows: [[1]])
        let constant = try FeatureMatrix(rows: [[1, 7], [2, 7]])
        let constantCandidates = try FeatureMatrix(rows: [[3, 7]])
        #expect(throws: ClusteringError.self) { try audience.rank(seed: empty, candidates: candidates, count: 1, featureNames: names) }
        #expect(throws: ClusteringError.self) { try audience.rank(seed: seed, candidates: narrow, count: 1, featureNames: names) }
        #expect(throws: ClusteringError.self) { try audience.rank(seed: seed, candidates: candidates, count: 0, featureNames: names) }
        #expect(throws: ClusteringError.self) { try audience.rank(seed: seed, candidates: candidates, count: 1, featureNames: ["a"]) }
        #expect(throws: ClusteringError.self) {
            try audience.rank(seed: constant, candidates: constantCandidates, count: 1, featureNames: names)
        }
        #expect(throws: ClusteringError.self) {
            try LookalikeAudience(method: .logisticRegression(penalty: -1))
                .rank(seed: seed, candidates: candidates, count: 1, featureNames: names)
        }
        // Perfectly separable and unpenalised: the model cannot converge.
        do {
            _ = try LookalikeAudience(method: .logisticRegression(penalty: 0))
                .rank(seed: seed, candidates: FeatureMatrix(rows: [[10, 20], [11, 21]]), count: 1, featureNames: names)
            Issue.record("separable data without a penalty must fail")
        } catch let error as ClusteringError {
            #expect(error.code == .modelDidNotFit)
        }
    }
}
