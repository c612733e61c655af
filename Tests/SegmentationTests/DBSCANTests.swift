import PrecisionMarketingTesting
import Scoring
import Testing

@testable import Segmentation

@Suite("DBSCAN")
struct DBSCANTests {
    /// Two blobs, a bridge point, a far outlier and a point between; labels from scikit-learn 1.9.1.
    static let points: [[Double]] = [
        [-0.14, -0.22], [-0.16, 0.05], [-0.11, 0.03], [0.57, 0.14], [-0.47, 0.52], [0.1, -0.28], [0.27, 0.01],
        [-0.18, -0.19], [-0.3, 0.01], [0.32, -0.1], [3.13, 3.56], [2.64, 3.08], [2.91, 2.68], [2.69, 3.0],
        [3.13, 2.84], [3.02, 3.22], [3.09, 3.26], [3.14, 3.15], [1.5, 1.5], [6.0, 0.0], [3.0, 1.9],
    ]

    struct Case: Sendable {
        let radius: Double
        let minimumPoints: Int
        let labels: [Int32]
        let core: [Int]
    }

    static let cases = [
        Case(radius: 0.5, minimumPoints: 3,
             labels: [0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1],
             core: [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]),
        Case(radius: 0.8, minimumPoints: 4,
             labels: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, 1],
             core: Array(0...17)),
        Case(radius: 1.2, minimumPoints: 5,
             labels: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, 1],
             core: Array(0...17)),
    ]

    @Test("labels and core points match scikit-learn", arguments: cases)
    func scikitLearnReference(_ reference: Case) throws {
        let result = try DBSCAN(radius: reference.radius, minimumPoints: reference.minimumPoints)
            .fit(FeatureMatrix(rows: Self.points))
        #expect(result.labels == reference.labels)
        #expect(result.coreIndices == reference.core)
        #expect(result.clusterCount == 2)
        #expect(result.noiseCount == reference.labels.filter { $0 < 0 }.count)
    }

    @Test("a border point joins the first cluster that reaches it; the radius is inclusive")
    func borderAndBoundary() throws {
        // Two chains on a line 1 apart; point 3 (x = 3) is exactly 1 from both 2 and 4.
        let line = try FeatureMatrix(rows: [[0], [1], [2], [3], [4], [5], [6]].map { $0.map(Double.init) })
        let result = try DBSCAN(radius: 1, minimumPoints: 3).fit(line)
        #expect(result.labels == [0, 0, 0, 0, 0, 0, 0])
        #expect(result.coreIndices == [1, 2, 3, 4, 5])
        let gap = try FeatureMatrix(rows: [[0], [1], [2], [3.5], [5], [6], [7]])
        let split = try DBSCAN(radius: 1, minimumPoints: 2).fit(gap)
        #expect(split.labels == [0, 0, 0, -1, 1, 1, 1])
        // Point 19 is exactly ε from a core point of each cluster but not core itself: it
        // joins whichever cluster starts at the lower index.
        let a: [Double] = [0, 3, 6, 9], b: [Double] = [29, 32, 35, 38]
        let aFirst = try DBSCAN(radius: 10, minimumPoints: 4).fit(FeatureMatrix(rows: (a + [19] + b).map { [$0] }))
        #expect(aFirst.labels == [0, 0, 0, 0, 0, 1, 1, 1, 1])
        #expect(!aFirst.isCore[4])
        let bFirst = try DBSCAN(radius: 10, minimumPoints: 4).fit(FeatureMatrix(rows: (b + [19] + a).map { [$0] }))
        #expect(bFirst.labels == [0, 0, 0, 0, 0, 1, 1, 1, 1])
    }

    @Test("agrees with a brute-force neighbour search in 1 to 5 dimensions")
    func bruteForce() throws {
        var generator = SeededGenerator(seed: 21)
        for d in 1...5 {
            let n = 300
            var values: [Double] = []
            for i in 0..<n {
                for _ in 0..<d { values.append(Double(i % 3) * 2 + NormalDistribution.standard(using: &generator) * 0.6) }
            }
            let points = try FeatureMatrix(rowCount: n, columnCount: d, values: values)
            let radius = 0.5 + 0.2 * Double(d)
            let result = try DBSCAN(radius: radius, minimumPoints: 4).fit(points)
            var counts = [Int](repeating: 0, count: n)
            for i in 0..<n {
                for j in 0..<n {
                    var s = 0.0
                    for c in 0..<d { s += (values[i * d + c] - values[j * d + c]) * (values[i * d + c] - values[j * d + c]) }
                    if s <= radius * radius { counts[i] += 1 }
                }
            }
            #expect(result.isCore == counts.map { $0 >= 4 }, "d = \(d)")
            // Every non-noise point is a core point or within ε of a core point of its cluster.
            for i in 0..<n where result.labels[i] >= 0 && !result.isCore[i] {
                let reached = (0..<n).contains { j in
                    guard result.isCore[j], result.labels[j] == result.labels[i] else { return false }
                    var s = 0.0
                    for c in 0..<d { s += (values[i * d + c] - values[j * d + c]) * (values[i * d + c] - values[j * d + c]) }
                    return s <= radius * radius
                }
                #expect(reached)
            }
        }
    }

    @Test("invalid parameters are typed errors; no rows gives no clusters")
    func errors() throws {
        let points = try FeatureMatrix(rows: Self.points)
        #expect(throws: ClusteringError.self) { try DBSCAN(radius: 0).fit(points) }
        #expect(throws: ClusteringError.self) { try DBSCAN(radius: .infinity).fit(points) }
        #expect(throws: ClusteringError.self) { try DBSCAN(radius: 1, minimumPoints: 0).fit(points) }
        #expect(throws: ClusteringError.self) { try DBSCAN(radius: 1e-300).fit(FeatureMatrix(rows: [[1e10]])) }
        let none = try DBSCAN(radius: 1).fit(FeatureMatrix(rowCount: 0, columnCount: 2, values: []))
        #expect(none.clusterCount == 0 && none.labels.isEmpty)
    }
}
