// k-means on a points CSV (header x,y,z; the 1,000,000 points of peers/gen_points.py):
//   fixed     the replicable reference run: rows floor(j·n/8) as start, tol 0, ≤ 1000
//             iterations, Lloyd and Hamerly (inertia and iterations must equal scikit-learn's)
//   k-means++ greedy k-means++ (n_init 1, tol 1e-4, ≤ 300 iterations), best of N, Hamerly
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PrecisionMarketing

enum KMeansBenchmark {
    /// Parses a headed CSV of numbers into a row-major matrix.
    static func readPoints(_ bytes: [UInt8]) throws -> FeatureMatrix {
        var text = bytes
        text.append(0)
        var values: [Double] = []
        var columns = 0
        try text.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var cursor = base
            // Header: count the columns.
            while cursor.pointee != 0 && cursor.pointee != UInt8(ascii: "\n") {
                if cursor.pointee == UInt8(ascii: ",") { columns += 1 }
                cursor += 1
            }
            columns += 1
            values.reserveCapacity(bytes.count / 10)
            try cursor.withMemoryRebound(to: CChar.self, capacity: buffer.count - (cursor - base)) { start in
                var position = start
                while true {
                    while position.pointee == 10 || position.pointee == 13 || position.pointee == 44 { position += 1 }
                    if position.pointee == 0 { break }
                    var end: UnsafeMutablePointer<CChar>? = nil
                    let value = strtod(position, &end)
                    guard let end, end != position else { throw BenchmarkError("bad number at byte \(position - start)") }
                    values.append(value)
                    position = end
                }
            }
        }
        return try FeatureMatrix(rowCount: values.count / max(columns, 1), columnCount: columns, values: values)
    }

    static func run(path: String, bytes: [UInt8], repetitions: Int) throws {
        let clock = ContinuousClock()
        let points = try readPoints(bytes)
        print("\(path): n=\(points.rowCount) d=\(points.columnCount) k=8")
        for algorithm in [KMeans.Algorithm.hamerly, .lloyd] {
            let start = clock.now
            let fit = try KMeans(
                clusterCount: 8, initialization: .evenlySpacedRows, maxIterations: 1000, tolerance: 0, algorithm: algorithm
            ).fit(points)
            let time = seconds(clock.now - start)
            print("  fixed init (\(algorithm.rawValue)): inertia=\(fit.inertia) iters=\(fit.iterations) fit=\(format3(time))s "
                  + "sizes_desc=\(fit.clusterSizes.sorted(by: >))")
        }
        var best = Double.infinity
        var line = ""
        for _ in 0..<repetitions {
            let start = clock.now
            let fit = try KMeans(clusterCount: 8, seed: 0).fit(points)
            best = min(best, seconds(clock.now - start))
            line = "inertia=\(fit.inertia) iters=\(fit.iterations) sizes_desc=\(fit.clusterSizes.sorted(by: >))"
        }
        print("  k-means++ (hamerly, n_init 1): fit=\(format3(best))s best of \(repetitions); \(line)")
        for (radius, minimum) in [(0.02, 5), (0.05, 10)] {
            let start = clock.now
            let result = try DBSCAN(radius: radius, minimumPoints: minimum).fit(points)
            print("  DBSCAN eps=\(radius) min_samples=\(minimum): clusters=\(result.clusterCount) noise=\(result.noiseCount) "
                  + "fit=\(format3(seconds(clock.now - start)))s")
        }
        let start = clock.now
        let pca = try PrincipalComponents(fitting: points)
        print("  PCA: explained variance ratio=\(pca.explainedVarianceRatio) fit=\(format3(seconds(clock.now - start)))s")
    }
}

extension KMeansBenchmark {
    /// k-means on the RFM features of a transactions CSV, as `peers/kmeans_sklearn.py --input`:
    /// log(1 + x) of recency, frequency and spend, z-scored, customers in customer_id order.
    static func runRFM(path: String, bytes: [UInt8], repetitions: Int) throws {
        let clock = ContinuousClock()
        let (snapshot, _) = try SnapshotBuilder.build(csv: bytes)
        let featureStart = clock.now
        let rfm = try RFMAnalysis().run(on: snapshot)
        let ids = (0..<rfm.count).map { snapshot.customerIDs[Int(rfm.customers[$0])] }
        let order = (0..<rfm.count).sorted { Array(ids[$0].utf8).lexicographicallyPrecedes(Array(ids[$1].utf8)) }
        let logs = try RFMFeatures.logarithmic(rfm, order: order)
        let points = try FeatureStandardization(fitting: logs).transform(logs)
        let featureTime = seconds(clock.now - featureStart)
        print("\(path): customers=\(points.rowCount) features (rfm + sort + log + z)=\(format3(featureTime))s")
        var best = Double.infinity
        var line = ""
        for _ in 0..<repetitions {
            let start = clock.now
            let fit = try KMeans(clusterCount: 8, seed: 0).fit(points)
            best = min(best, seconds(clock.now - start))
            line = "inertia=\(fit.inertia) iters=\(fit.iterations)"
        }
        print("  k-means++ (hamerly, n_init 1): fit=\(format3(best))s best of \(repetitions); \(line)")
        let start = clock.now
        let fixed = try KMeans(clusterCount: 8, initialization: .evenlySpacedRows, maxIterations: 1000, tolerance: 0)
            .fit(points)
        print("  fixed init: inertia=\(fixed.inertia) iters=\(fixed.iterations) fit=\(format3(seconds(clock.now - start)))s")
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
