import PrecisionMarketingTesting
import Scoring
import Testing

@testable import Segmentation

@Suite("Silhouette, elbow table and cluster profiles")
struct ClusteringQualityTests {
    typealias Fixtures = KMeansReferenceFixtures

    @Test("silhouette matches scikit-learn")
    func silhouetteReference() throws {
        let blobs = try Fixtures.matrix(Fixtures.blobs)
        let labels = try #require(Fixtures.blobsK3.labels)
        #expect(isApproximatelyEqual(
            try Silhouette.score(blobs, labels: labels), 0.647477653432, absoluteTolerance: 1e-11))
        let points = try Fixtures.matrix(Fixtures.overlapping)
        for expected in Fixtures.overlappingCases where expected.silhouette != nil {
            let fit = try KMeans(
                clusterCount: expected.k, initialization: .evenlySpacedRows, maxIterations: 1000,
                tolerance: expected.tolerance
            ).fit(points)
            #expect(isApproximatelyEqual(
                try Silhouette.score(points, labels: fit.labels), try #require(expected.silhouette), absoluteTolerance: 1e-11))
        }
    }

    @Test("silhouette by hand: two pairs on a line, and a singleton scores 0")
    func silhouetteByHand() throws {
        // Points 0, 1 | 4, 5. For x = 0: a = 1, b = (4 + 5)/2 = 4.5, s = 3.5/4.5.
        // For x = 1: a = 1, b = 3.5, s = 2.5/3.5. Symmetric for the other pair.
        let points = try FeatureMatrix(rows: [[0], [1], [4], [5]])
        let s = try Silhouette.samples(points, labels: [0, 0, 1, 1], rows: [0, 1, 2, 3])
        #expect(isApproximatelyEqual(s[0], 3.5 / 4.5, absoluteTolerance: 1e-15))
        #expect(isApproximatelyEqual(s[1], 2.5 / 3.5, absoluteTolerance: 1e-15))
        #expect(isApproximatelyEqual(s[2], 2.5 / 3.5, absoluteTolerance: 1e-15))
        let single = try Silhouette.samples(FeatureMatrix(rows: [[0], [1], [5]]), labels: [0, 0, 1], rows: [0, 1, 2])
        #expect(single[2] == 0)
        #expect(throws: ClusteringError.self) { try Silhouette.score(points, labels: [0, 0, 0, 0]) }
        #expect(throws: ClusteringError.self) { try Silhouette.score(points, labels: [0, 1, 2, 3]) }
        #expect(throws: ClusteringError.self) { try Silhouette.score(points, labels: [0, 1]) }
        #expect(throws: ClusteringError.self) { try Silhouette.score(points, labels: [0, 1, -1, 1]) }
    }

    @Test("sampled silhouette: seeded, equal to the exact one at full size, close to it on a sample")
    func sampledSilhouette() throws {
        var generator = SeededGenerator(seed: 8)
        var rows: [[Double]] = []
        for i in 0..<3000 {
            let centre = Double(i % 3) * 4
            rows.append([centre + NormalDistribution.standard(using: &generator), NormalDistribution.standard(using: &generator)])
        }
        let points = try FeatureMatrix(rows: rows)
        let labels = (0..<3000).map { Int32($0 % 3) }
        let exact = try Silhouette.score(points, labels: labels)
        #expect(try Silhouette.score(points, labels: labels, sampleSize: 5000, seed: 1) == exact)
        let sampled = try Silhouette.score(points, labels: labels, sampleSize: 600, seed: 1)
        #expect(try Silhouette.score(points, labels: labels, sampleSize: 600, seed: 1) == sampled)
        #expect(try Silhouette.score(points, labels: labels, sampleSize: 600, seed: 2) != sampled)
        #expect(abs(sampled - exact) < 0.03)
    }

    @Test("elbow table: inertia falls with k, the reduction is largest at the true k")
    func elbow() throws {
        let points = try Fixtures.matrix(Fixtures.blobs)
        let table = try KMeans(clusterCount: 1, restarts: 4, seed: 5).elbow(points, clusterCounts: 1...5)
        #expect(table.map(\.clusterCount) == [1, 2, 3, 4, 5])
        #expect(table[0].inertiaReduction == nil && table[0].silhouette == nil)
        for i in 1..<table.count {
            #expect(table[i].inertia < table[i - 1].inertia)
            let reduction = try #require(table[i].inertiaReduction)
            #expect(isApproximatelyEqual(reduction, 1 - table[i].inertia / table[i - 1].inertia, relativeTolerance: 1e-12))
        }
        // Three blobs: the best silhouette is at k = 3, whose fit is the reference optimum.
        let best = try #require(table.dropFirst().max { ($0.silhouette ?? -1) < ($1.silhouette ?? -1) })
        #expect(best.clusterCount == 3)
        #expect(isApproximatelyEqual(table[2].inertia, Fixtures.blobsK3.inertia, relativeTolerance: 1e-10))
    }

    @Test("profiles in original units name the distinguishing features")
    func profiles() throws {
        // Cluster 0: low spend, many visits; cluster 1: high spend, few visits. Age identical.
        let features = try FeatureMatrix(rows: [
            [10, 8, 30], [12, 9, 30], [14, 10, 30],
            [100, 1, 30], [110, 2, 30], [120, 3, 30], [130, 2, 30],
        ])
        let profiles = try ClusterProfile.profiles(
            of: [0, 0, 0, 1, 1, 1, 1], clusterCount: 2, features: features, names: ["spend", "visits", "age"])
        #expect(profiles.map(\.size) == [3, 4])
        #expect(isApproximatelyEqual(profiles[0].share, 3.0 / 7, relativeTolerance: 1e-15))
        #expect(profiles[0].centroid == [12, 9, 30])
        #expect(profiles[1].centroid == [115, 2, 30])
        #expect(profiles[1].median == [115, 2, 30])
        #expect(profiles[0].median == [12, 9, 30])
        // Overall spend mean 496/7, population sd by hand.
        let spend: [Double] = [10, 12, 14, 100, 110, 120, 130]
        let mean = spend.reduce(0, +) / 7
        let sd = (spend.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 7).squareRoot()
        let top = try #require(profiles[1].distinguishingFeatures(1).first)
        #expect(top.name == "spend")
        #expect(isApproximatelyEqual(top.standardizedDifference, (115 - mean) / sd, relativeTolerance: 1e-12))
        #expect(profiles[0].contrasts.map(\.name) == ["spend", "visits", "age"])
        #expect(profiles[0].contrasts[2].standardizedDifference == 0)
        #expect(profiles[0].contrasts[1].standardizedDifference > 0)
        #expect(throws: ClusteringError.self) {
            try ClusterProfile.profiles(of: [0, 2], clusterCount: 2, features: FeatureMatrix(rows: [[1], [2]]), names: ["x"])
        }
        #expect(throws: ClusteringError.self) {
            try ClusterProfile.profiles(of: [0, 1], clusterCount: 2, features: FeatureMatrix(rows: [[1], [2]]), names: [])
        }
    }
}
