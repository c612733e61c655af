import PrecisionMarketingTesting
import Scoring
import Testing

@testable import Segmentation

@Suite("k-means")
struct KMeansTests {
    typealias Fixtures = KMeansReferenceFixtures

    @Test("matches scikit-learn on fixed starts, for both assignment algorithms", arguments: KMeans.Algorithm.allCases)
    func scikitLearnReference(algorithm: KMeans.Algorithm) throws {
        let cases: [([[Double]], Fixtures.Expectation)] =
            [(Fixtures.blobs, Fixtures.blobsK3), (Fixtures.blobs, Fixtures.blobsK4)]
            + Fixtures.overlappingCases.map { (Fixtures.overlapping, $0) }
        for (rows, expected) in cases {
            let fit = try KMeans(
                clusterCount: expected.k, initialization: .evenlySpacedRows, maxIterations: 1000,
                tolerance: expected.tolerance, algorithm: algorithm
            ).fit(Fixtures.matrix(rows))
            #expect(isApproximatelyEqual(fit.inertia, expected.inertia, relativeTolerance: 1e-10), "k=\(expected.k)")
            #expect(fit.iterations == expected.iterations, "k=\(expected.k) tol=\(expected.tolerance)")
            #expect(fit.converged)
            if let labels = expected.labels { #expect(fit.labels == labels, "k=\(expected.k)") }
            #expect(fit.initialRows == (0..<expected.k).map { $0 * rows.count / expected.k })
        }
    }

    @Test("centroids are the member means, in input units")
    func centroids() throws {
        let fit = try KMeans(clusterCount: 3, initialization: .evenlySpacedRows, tolerance: 0)
            .fit(Fixtures.matrix(Fixtures.blobs))
        for (j, centre) in Fixtures.blobsK3Centroids.enumerated() {
            #expect(isApproximatelyEqual(fit.centroids[j, 0], centre[0], absoluteTolerance: 1e-12))
            #expect(isApproximatelyEqual(fit.centroids[j, 1], centre[1], absoluteTolerance: 1e-12))
        }
        #expect(fit.clusterSizes == [6, 10, 8])
        #expect(try fit.predict(FeatureMatrix(rows: [[5, 5], [0, 0], [-1, 6]])) == [2, 1, 0])
    }

    @Test("Hamerly gives exactly Lloyd's fit on random data, every seed")
    func hamerlyEqualsLloyd() throws {
        var generator = SeededGenerator(seed: 3)
        for trial in 0..<6 {
            let n = 400 + trial * 97, d = 1 + trial % 4, k = 2 + trial
            let values = (0..<(n * d)).map { i in
                Double((i / d) % k) * 1.5 + NormalDistribution.standard(using: &generator)
            }
            let points = try FeatureMatrix(rowCount: n, columnCount: d, values: values)
            for initialization in [KMeansInitialization.evenlySpacedRows, .kMeansPlusPlus()] {
                let lloyd = try KMeans(
                    clusterCount: k, initialization: initialization, tolerance: 0, algorithm: .lloyd, seed: UInt64(trial)
                ).fit(points)
                let hamerly = try KMeans(
                    clusterCount: k, initialization: initialization, tolerance: 0, algorithm: .hamerly, seed: UInt64(trial)
                ).fit(points)
                #expect(lloyd.labels == hamerly.labels)
                #expect(lloyd.centroids == hamerly.centroids)
                #expect(lloyd.inertia == hamerly.inertia)
                #expect(lloyd.iterations == hamerly.iterations)
            }
        }
    }

    @Test("k-means++ finds well-separated blobs; the same seed gives the same fit")
    func kMeansPlusPlus() throws {
        // Four tight groups of five points at the corners of a 100 × 100 square.
        var rows: [[Double]] = []
        for corner in [[0.0, 0.0], [100, 0], [0, 100], [100, 100]] {
            for offset in [[0.0, 0.0], [1, 0], [-1, 0], [0, 1], [0, -1]] {
                rows.append([corner[0] + offset[0], corner[1] + offset[1]])
            }
        }
        let points = try FeatureMatrix(rows: rows)
        for seed in 0..<20 as Range<UInt64> {
            let fit = try KMeans(clusterCount: 4, restarts: 3, seed: seed).fit(points)
            // Each group's squared distances to its centre sum to 4 · 1 = 4.
            #expect(isApproximatelyEqual(fit.inertia, 16, relativeTolerance: 1e-12), "seed \(seed)")
            #expect(fit.clusterSizes == [5, 5, 5, 5])
            #expect(fit.restartInertias.count == 3)
            #expect(try KMeans(clusterCount: 4, restarts: 3, seed: seed).fit(points) == fit)
        }
    }

    @Test("restarts keep the lowest inertia")
    func restartsKeepTheBest() throws {
        let points = try Fixtures.matrix(Fixtures.overlapping)
        let fit = try KMeans(clusterCount: 5, initialization: .kMeansPlusPlus(localTrials: 1), restarts: 8, seed: 9)
            .fit(points)
        #expect(fit.restartInertias.count == 8)
        #expect(fit.inertia == fit.restartInertias.min())
        #expect(Set(fit.restartInertias).count > 1)  // the starts really differ
    }

    @Test("given centroids start the fit")
    func givenCentroids() throws {
        let start = try FeatureMatrix(rows: [[0, 6], [0, 0], [5, 5]])
        let fit = try KMeans(clusterCount: 3, initialization: .centroids(start), tolerance: 0)
            .fit(Fixtures.matrix(Fixtures.blobs))
        #expect(isApproximatelyEqual(fit.inertia, Fixtures.blobsK3.inertia, relativeTolerance: 1e-10))
        #expect(fit.labels == Fixtures.blobsK3.labels)
        #expect(fit.initialRows == nil)
    }

    @Test("a cluster left empty takes the farthest point")
    func emptyClusterRelocation() throws {
        // The third start is far from every point, so it loses all of them in the first
        // assignment and is moved onto the point farthest from its centroid, (30, 0).
        let points = try FeatureMatrix(rows: [[0, 0], [1, 0], [0, 1], [10, 0], [11, 0], [10, 1], [30, 0]])
        let start = try FeatureMatrix(rows: [[0, 0], [10, 0], [-1000, -1000]])
        let fit = try KMeans(clusterCount: 3, initialization: .centroids(start), tolerance: 0, algorithm: .lloyd)
            .fit(points)
        #expect(fit.labels == [0, 0, 0, 1, 1, 1, 2])
        #expect(isApproximatelyEqual(fit.inertia, 4.0 / 3 + 4.0 / 3, relativeTolerance: 1e-12))
        let hamerly = try KMeans(clusterCount: 3, initialization: .centroids(start), tolerance: 0).fit(points)
        #expect(hamerly == fit)
    }

    @Test("one cluster is the mean")
    func singleCluster() throws {
        let fit = try KMeans(clusterCount: 1).fit(FeatureMatrix(rows: [[1, 2], [3, 4], [5, 9]]))
        #expect(isApproximatelyEqual(fit.centroids[0, 0], 3, absoluteTolerance: 1e-12))
        #expect(isApproximatelyEqual(fit.centroids[0, 1], 5, absoluteTolerance: 1e-12))
        #expect(isApproximatelyEqual(fit.inertia, 13 + 1 + 20, relativeTolerance: 1e-12))
    }

    @Test("degenerate input and parameters are typed errors")
    func errors() throws {
        let duplicates = try FeatureMatrix(rows: [[1, 1], [1, 1], [2, 2], [1, 1], [2, 2]])
        #expect(throws: ClusteringError(.tooFewDistinctPoints, "k = 3 clusters need 3 distinct points; the input has 2")) {
            try KMeans(clusterCount: 3).fit(duplicates)
        }
        let empty = try FeatureMatrix(rowCount: 0, columnCount: 2, values: [])
        #expect(throws: ClusteringError.self) { try KMeans(clusterCount: 1).fit(empty) }
        do {
            _ = try KMeans(clusterCount: 1).fit(empty)
        } catch {
            #expect(error.code == .emptyInput)
        }
        let blobs = try Fixtures.matrix(Fixtures.blobs)
        for bad in [KMeans(clusterCount: 0), KMeans(clusterCount: 2, restarts: 0), KMeans(clusterCount: 2, maxIterations: 0),
                    KMeans(clusterCount: 2, tolerance: -1), KMeans(clusterCount: 2, tolerance: .nan),
                    KMeans(clusterCount: 2, initialization: .kMeansPlusPlus(localTrials: 0)),
                    KMeans(clusterCount: 3, initialization: .centroids(duplicates))] {
            do {
                _ = try bad.fit(blobs)
                Issue.record("\(bad) should fail")
            } catch {
                #expect(error.code == .invalidParameter)
            }
        }
        let huge = try FeatureMatrix(rows: [[1e200, 0], [0, 1]])
        #expect(throws: ClusteringError.self) { try KMeans(clusterCount: 2).fit(huge) }
        // NaN never reaches k-means: the feature matrix rejects it with the row and column.
        #expect(throws: ScoringError.self) { try FeatureMatrix(rows: [[1, .nan]]) }
        let fit = try KMeans(clusterCount: 2).fit(FeatureMatrix(rows: [[0, 0], [1, 1]]))
        #expect(throws: ClusteringError.self) { try fit.predict(FeatureMatrix(rows: [[1, 2, 3]])) }
    }
}
