import CustomerModel

/// One k-means fit from given centroids: Lloyd iterations with the assignment step done by
/// full comparison or by Hamerly's bounds, scikit-learn's stopping rules, then the inertia.
struct KMeansIterations {
    let data: CenteredPoints
    let centroids: [Double]
    let maxIterations: Int
    /// The absolute tolerance on the total squared centroid shift.
    let tolerance: Double
    let algorithm: KMeans.Algorithm

    func run() -> KMeansRun {
        let n = data.count, d = data.dimension, k = centroids.count / data.dimension
        let chunks = RowChunks(rows: n)
        var state = AssignmentState(count: n, clusterCount: k, dimension: d, magnitude: data.magnitude)
        var centres = centroids
        var iterations = 0
        var strict = false
        var converged = false
        while iterations < maxIterations {
            iterations += 1
            let step = state.assign(data: data, centres: centres, chunks: chunks, algorithm: algorithm)
            var updated = step.sums
            var counts = step.counts
            relocateEmptyClusters(centres: centres, labels: state.labels, sums: &updated, counts: &counts)
            for j in 0..<k {
                if counts[j] > 0 {
                    let scale = 1 / Double(counts[j])
                    for c in 0..<d { updated[j * d + c] *= scale }
                } else {
                    for c in 0..<d { updated[j * d + c] = centres[j * d + c] }
                }
            }
            let shiftTotal = state.recordShifts(from: centres, to: updated)
            centres = updated
            if step.changed == 0 {
                strict = true
                converged = true
                break
            }
            if shiftTotal <= tolerance {
                converged = true
                break
            }
        }
        if !strict {
            // The labels are those of the centroids before the last update: assign once more.
            _ = state.assign(data: data, centres: centres, chunks: chunks, algorithm: .lloyd)
        }
        let inertia = Self.inertia(data: data, centres: centres, labels: state.labels, chunks: chunks)
        return KMeansRun(
            centroids: centres, labels: state.labels, inertia: inertia, iterations: iterations, converged: converged)
    }

    /// scikit-learn's rule for clusters that lost every point: the points farthest from
    /// their own (old) centroid, farthest first, become the centroids of the empty clusters
    /// in index order; each such point leaves the sum of the cluster it was labelled with.
    private func relocateEmptyClusters(centres: [Double], labels: [Int32], sums: inout [Double], counts: inout [Int]) {
        let empty = counts.indices.filter { counts[$0] == 0 }
        guard !empty.isEmpty else { return }
        let d = data.dimension
        var farthest: [(distance: Double, row: Int)] = []
        data.values.withUnsafeBufferPointer { x in
            for i in 0..<data.count {
                let a = Int(labels[i])
                var distance = 0.0
                for c in 0..<d {
                    let delta = x[i * d + c] - centres[a * d + c]
                    distance += delta * delta
                }
                guard farthest.count < empty.count || distance > farthest[farthest.count - 1].distance else { continue }
                if farthest.count == empty.count { farthest.removeLast() }
                let slot = farthest.firstIndex { $0.distance < distance } ?? farthest.count
                farthest.insert((distance, i), at: slot)
            }
        }
        for (target, far) in zip(empty, farthest) {
            let source = Int(labels[far.row])
            for c in 0..<d {
                let value = data.values[far.row * d + c]
                sums[source * d + c] -= value
                sums[target * d + c] = value
            }
            counts[source] -= 1
            counts[target] = 1
        }
    }

    /// Σᵢ ‖xᵢ − c_label(i)‖², added chunk by chunk in order.
    static func inertia(data: CenteredPoints, centres: [Double], labels: [Int32], chunks: RowChunks) -> Double {
        let d = data.dimension
        let partials = data.values.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { label in
                centres.withUnsafeBufferPointer { c in
                    ParallelLoop.map(chunks.count) { chunk in
                        var sum = 0.0
                        for i in chunks.range(chunk) {
                            let a = Int(label[i]) * d
                            for j in 0..<d {
                                let delta = x[i * d + j] - c[a + j]
                                sum += delta * delta
                            }
                        }
                        return sum
                    }
                }
            }
        }
        return partials.reduce(0, +)
    }
}

/// The outcome of one fit, in the centred space.
struct KMeansRun {
    var centroids: [Double]
    var labels: [Int32]
    var inertia: Double
    var iterations: Int
    var converged: Bool
    var startRows: [Int]? = nil
}
