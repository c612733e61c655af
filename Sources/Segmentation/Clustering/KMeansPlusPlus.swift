#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CustomerModel

/// Greedy k-means++ seeding, as scikit-learn's `_kmeans_plusplus`.
///
/// The first centroid is a uniformly drawn row. With D(x)² the squared distance from x to
/// the nearest centroid chosen so far and φ = Σ D(x)², each further centroid is chosen from
/// `trials` candidate rows, each drawn with probability D(x)²/φ (the first row whose running
/// sum of D² exceeds u·φ, u uniform in [0, 1)), keeping the candidate that gives the lowest
/// new φ. The distance updates for all candidates run in one pass over the rows on all cores.
enum KMeansPlusPlus {
    /// scikit-learn's number of local trials: 2 + ⌊ln k⌋.
    static func defaultTrials(_ k: Int) -> Int { 2 + Int(log(Double(k))) }

    /// The chosen centroids (row-major k × d, centred space) and their row indices.
    static func choose(
        clusterCount k: Int, localTrials trials: Int, data: CenteredPoints, using stream: inout ClusteringRandomStream
    ) -> (centroids: [Double], rows: [Int]) {
        let n = data.count, d = data.dimension
        let chunks = RowChunks(rows: n)
        var rows = [stream.nextIndex(below: n)]
        var closest = [Double](repeating: 0, count: n)
        var candidateDistances = [[Double]](repeating: [Double](repeating: 0, count: n), count: trials)
        _ = data.values.withUnsafeBufferPointer { x in
            closest.withUnsafeMutableBufferPointer { out in
                distancePass(x: x, d: d, centre: rows[0], previous: nil, into: out, chunks: chunks)
            }
        }
        var running = [Double](repeating: 0, count: n)
        while rows.count < k {
            // Candidates: the first row whose running sum of D² exceeds u·φ.
            var total = 0.0
            for i in 0..<n {
                total += closest[i]
                running[i] = total
            }
            var candidates: [Int] = []
            for _ in 0..<trials {
                let target = stream.nextUnit() * total
                var low = 0, high = n - 1
                while low < high {
                    let mid = (low + high) / 2
                    if running[mid] > target { high = mid } else { low = mid + 1 }
                }
                candidates.append(low)
            }
            // New φ for each candidate; the first lowest wins.
            var bestTrial = 0
            var bestPotential = Double.infinity
            for t in 0..<trials {
                let candidatePotential = data.values.withUnsafeBufferPointer { x in
                    closest.withUnsafeBufferPointer { previous in
                        candidateDistances[t].withUnsafeMutableBufferPointer { out in
                            distancePass(x: x, d: d, centre: candidates[t], previous: previous, into: out, chunks: chunks)
                        }
                    }
                }
                if candidatePotential < bestPotential {
                    bestPotential = candidatePotential
                    bestTrial = t
                }
            }
            swap(&closest, &candidateDistances[bestTrial])
            rows.append(candidates[bestTrial])
        }
        return (data.rows(rows), rows)
    }

    /// Writes min(previous[i], ‖xᵢ − x_centre‖²) (or just the distance) for every row and
    /// returns their sum, added chunk by chunk in order.
    private static func distancePass(
        x: UnsafeBufferPointer<Double>, d: Int, centre: Int, previous: UnsafeBufferPointer<Double>?,
        into out: UnsafeMutableBufferPointer<Double>, chunks: RowChunks
    ) -> Double {
        guard let xBase = x.baseAddress, let outBase = out.baseAddress else { return 0 }
        let centrePoint = xBase + centre * d
        let previousBase = previous?.baseAddress
        func pass<D: PointDimension>(_ range: Range<Int>, _ dimension: D) -> Double {
            var sum = 0.0
            for i in range {
                var distance = AssignmentKernel.distanceSquared(xBase + i * d, centrePoint, dimension)
                if let previousBase { distance = min(distance, previousBase[i]) }
                outBase[i] = distance
                sum += distance
            }
            return sum
        }
        let partials = ParallelLoop.map(chunks.count) { chunk in
            switch d {
            case 2: pass(chunks.range(chunk), FixedDimension2())
            case 3: pass(chunks.range(chunk), FixedDimension3())
            default: pass(chunks.range(chunk), VariableDimension(count: d))
            }
        }
        return partials.reduce(0, +)
    }
}
