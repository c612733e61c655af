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
                                    // Raw per-chunk accumulators: no copy-on-write checks in the loop.
                                    let sums = UnsafeMutablePointer<Double>.allocate(capacity: k * d)
                                    sums.initialize(repeating: 0, count: k * d)
                                    let counts = UnsafeMutablePointer<Int>.allocate(capacity: k)
                                    counts.initialize(repeating: 0, count: k)
                                    defer {
                                        sums.deallocate()
                                        counts.deallocate()
                                    }
                                    var changed = 0
                                    for i in chunks.range(chunk) {
                                        let point = x.baseAddress.unsafelyUnwrapped + i * d
                                        let old = Int(label[i])
                                        var a = old
                                        if useBounds && old >= 0 {
                                            var u = upperBound[i] + shift[old]
                                            let l = lowerBound[i] - (old == largestIndex ? secondShift : largestShift)
                                            let m = max(halfGaps[old], l)
                                            if u + (1e-9 * m + slack) >= m {
                                                u = Self.distanceSquared(point, cBase + old * d, d).squareRoot()
                                                if u + (1e-9 * m + slack) >= m {
                                                    let nearest = Self.nearestTwo(point, cBase, k, d)
                                                    a = nearest.index
                                                    u = nearest.first.squareRoot()
                                                    lowerBound[i] = nearest.second.squareRoot()
                                                } else {
                                                    lowerBound[i] = l
                                                }
                                            } else {
                                                lowerBound[i] = l
                                            }
                                            upperBound[i] = u
                                        } else if useBounds {
                                            let nearest = Self.nearestTwo(point, cBase, k, d)
                                            a = nearest.index
                                            upperBound[i] = nearest.first.squareRoot()
                                            lowerBound[i] = nearest.second.squareRoot()
                                        } else {
                                            a = Self.nearest(point, cBase, k, d)
                                        }
                                        if a != old {
                                            label[i] = Int32(a)
                                            changed += 1
                                        }
                                        counts[a] += 1
                                        let sum = sums + a * d
                                        for j in 0..<d { sum[j] += point[j] }
                                    }
                                    return Step(
                                        sums: Array(UnsafeBufferPointer(start: sums, count: k * d)),
                                        counts: Array(UnsafeBufferPointer(start: counts, count: k)), changed: changed)
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

    /// ‖x − c‖² over d coordinates; the common small dimensions are unrolled.
    @inline(__always)
    static func distanceSquared(_ x: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ d: Int) -> Double {
        switch d {
        case 2:
            let a = x[0] - c[0], b = x[1] - c[1]
            return a * a + b * b
        case 3:
            let a = x[0] - c[0], b = x[1] - c[1], e = x[2] - c[2]
            return a * a + b * b + e * e
        default:
            var sum = 0.0
            for t in 0..<d {
                let delta = x[t] - c[t]
                sum += delta * delta
            }
            return sum
        }
    }

    /// The nearest of k centroids stored row-major at `c` (lowest index among equals).
    @inline(__always)
    static func nearest(_ x: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ k: Int, _ d: Int) -> Int {
        var best = 0
        var bestDistance = distanceSquared(x, c, d)
        var j = 1
        while j < k {
            let distance = distanceSquared(x, c + j * d, d)
            if distance < bestDistance {
                bestDistance = distance
                best = j
            }
            j += 1
        }
        return best
    }

    /// The nearest centroid (same choice as ``nearest``) and the two smallest squared distances.
    @inline(__always)
    private static func nearestTwo(_ x: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ k: Int, _ d: Int)
        -> (index: Int, first: Double, second: Double)
    {
        var best = 0
        var first = distanceSquared(x, c, d)
        var second = Double.infinity
        var j = 1
        while j < k {
            let distance = distanceSquared(x, c + j * d, d)
            if distance < first {
                second = first
                first = distance
                best = j
            } else if distance < second {
                second = distance
            }
            j += 1
        }
        return (best, first, second)
    }
}
