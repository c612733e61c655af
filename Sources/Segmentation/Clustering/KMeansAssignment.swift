import CustomerModel

/// The labels of a k-means fit and, for Hamerly's algorithm, a bound pair per point: an
/// upper bound on the distance to its own centroid and a lower bound on the distance to
/// every other one (Hamerly 2010, "Making k-means even faster").
struct AssignmentState {
    /// The cluster of each point; −1 before the first assignment.
    private(set) var labels: [Int32]
    private var upper: [Double]
    private var lower: [Double]
    /// How far each centroid moved in the last update (Euclidean), used to loosen the bounds.
    private var shifts: [Double]
    private let clusterCount: Int
    private let dimension: Int
    /// Rounding allowance on every bound comparison, so a point is only skipped when its
    /// centroid is nearer by more than any rounding error: the labels are then exactly those
    /// of a full comparison.
    private let absoluteSlack: Double

    init(count: Int, clusterCount: Int, dimension: Int, magnitude: Double) {
        labels = [Int32](repeating: -1, count: count)
        upper = []
        lower = []
        shifts = [Double](repeating: 0, count: clusterCount)
        self.clusterCount = clusterCount
        self.dimension = dimension
        absoluteSlack = 1e-10 * magnitude
    }

    /// Per-cluster coordinate sums and counts of the new labels, and how many labels changed.
    struct Step {
        var sums: [Double]
        var counts: [Int]
        var changed: Int
    }

    /// Labels every point with its nearest centroid (the lowest index among equals) and sums
    /// the points per cluster. Chunks run on all cores; their sums are added in chunk order.
    mutating func assign(data: CenteredPoints, centres: [Double], chunks: RowChunks, algorithm: KMeans.Algorithm)
        -> Step
    {
        let useBounds = algorithm == .hamerly
        if useBounds && upper.count != data.count {
            upper = [Double](repeating: .infinity, count: data.count)
            lower = [Double](repeating: 0, count: data.count)
        }
        let k = clusterCount, d = dimension
        let halfGaps = useBounds ? Self.halfDistanceToNearestOther(centres, k: k, d: d) : []
        var largestShift = 0.0, secondShift = 0.0, largestIndex = -1
        for j in 0..<k {
            if shifts[j] > largestShift {
                secondShift = largestShift
                largestShift = shifts[j]
                largestIndex = j
            } else if shifts[j] > secondShift {
                secondShift = shifts[j]
            }
        }
        let slack = absoluteSlack
        let partials: [Step] = data.values.withUnsafeBufferPointer { x in
            centres.withUnsafeBufferPointer { c in
                let cBase = c.baseAddress.unsafelyUnwrapped
                return labels.withUnsafeMutableBufferPointer { label in
                    upper.withUnsafeMutableBufferPointer { upperBound in
                        lower.withUnsafeMutableBufferPointer { lowerBound in
                            shifts.withUnsafeBufferPointer { shift in
                                ParallelLoop.map(chunks.count) { chunk in
                                    let kernel = AssignmentKernel(
                                        points: x.baseAddress.unsafelyUnwrapped, centres: cBase,
                                        labels: label.baseAddress.unsafelyUnwrapped, upper: useBounds ? upperBound.baseAddress : nil,
                                        lower: useBounds ? lowerBound.baseAddress : nil, shifts: shift.baseAddress.unsafelyUnwrapped,
                                        halfGaps: halfGaps, clusterCount: k, largestShift: largestShift,
                                        secondShift: secondShift, largestIndex: largestIndex, slack: slack)
                                    let range = chunks.range(chunk)
                                    switch d {
                                    case 2: return kernel.run(range, dimension: FixedDimension2())
                                    case 3: return kernel.run(range, dimension: FixedDimension3())
                                    default: return kernel.run(range, dimension: VariableDimension(count: d))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var total = partials[0]
        for part in partials.dropFirst() {
            for j in 0..<(k * d) { total.sums[j] += part.sums[j] }
            for j in 0..<k { total.counts[j] += part.counts[j] }
            total.changed += part.changed
        }
        if !useBounds {
            // Bounds from an earlier Hamerly pass no longer describe these labels.
            upper = []
            lower = []
        }
        return total
    }

    /// Records how far each centroid moved; returns Σⱼ‖new − old‖², the convergence measure.
    mutating func recordShifts(from old: [Double], to new: [Double]) -> Double {
        var total = 0.0
        for j in 0..<clusterCount {
            var squared = 0.0
            for c in 0..<dimension {
                let delta = new[j * dimension + c] - old[j * dimension + c]
                squared += delta * delta
            }
            shifts[j] = squared.squareRoot()
            total += squared
        }
        return total
    }

    /// Half the distance from each centroid to its nearest other centroid: a point nearer
    /// than that to its own centroid cannot be nearer to another.
    private static func halfDistanceToNearestOther(_ centres: [Double], k: Int, d: Int) -> [Double] {
        var half = [Double](repeating: .infinity, count: k)
        for a in 0..<k {
            for b in (a + 1)..<max(a + 1, k) {
                var squared = 0.0
                for c in 0..<d {
                    let delta = centres[a * d + c] - centres[b * d + c]
                    squared += delta * delta
                }
                let distance = 0.5 * squared.squareRoot()
                half[a] = min(half[a], distance)
                half[b] = min(half[b], distance)
            }
        }
        return half
    }

    /// The nearest of k centroids stored row-major at `c` (lowest index among equals).
    static func nearest(_ x: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ k: Int, _ d: Int) -> Int {
        AssignmentKernel.nearest(x, c, k, VariableDimension(count: d))
    }

    /// ‖x − c‖² over d coordinates, added in coordinate order.
    static func distanceSquared(_ x: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ d: Int) -> Double {
        AssignmentKernel.distanceSquared(x, c, VariableDimension(count: d))
    }
}
