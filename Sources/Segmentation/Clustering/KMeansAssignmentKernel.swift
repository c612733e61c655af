/// The number of coordinates of a point, as a type: for 2 and 3 it is a compile-time
/// constant, so the specialised distance loops unroll completely.
protocol PointDimension {
    var count: Int { get }
}

struct FixedDimension2: PointDimension {
    @inline(__always) var count: Int { 2 }
}

struct FixedDimension3: PointDimension {
    @inline(__always) var count: Int { 3 }
}

struct VariableDimension: PointDimension {
    let count: Int
}

/// The assignment step for one chunk of rows: Lloyd's full comparison or Hamerly's bounded
/// one, plus the per-cluster sums of the new labels. It reads and writes only its own rows.
struct AssignmentKernel {
    let points: UnsafePointer<Double>
    let centres: UnsafePointer<Double>
    let labels: UnsafeMutablePointer<Int32>
    /// Hamerly's bounds; nil for Lloyd.
    let upper: UnsafeMutablePointer<Double>?
    let lower: UnsafeMutablePointer<Double>?
    let shifts: UnsafePointer<Double>
    let halfGaps: [Double]
    let clusterCount: Int
    let largestShift: Double
    let secondShift: Double
    let largestIndex: Int
    let slack: Double

    func run<D: PointDimension>(_ range: Range<Int>, dimension: D) -> AssignmentState.Step {
        let k = clusterCount, d = dimension.count
        // Raw accumulators: no copy-on-write checks in the loop.
        let sums = UnsafeMutablePointer<Double>.allocate(capacity: k * d)
        sums.initialize(repeating: 0, count: k * d)
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: k)
        counts.initialize(repeating: 0, count: k)
        defer {
            sums.deallocate()
            counts.deallocate()
        }
        var changed = 0
        halfGaps.withUnsafeBufferPointer { gaps in
            for i in range {
                let point = points + i * d
                let old = Int(labels[i])
                var a = old
                if let upper, let lower {
                    if old >= 0 {
                        var u = upper[i] + shifts[old]
                        let l = lower[i] - (old == largestIndex ? secondShift : largestShift)
                        let m = max(gaps[old], l)
                        if u + (1e-9 * m + slack) >= m {
                            u = Self.distanceSquared(point, centres + old * d, dimension).squareRoot()
                            if u + (1e-9 * m + slack) >= m {
                                let nearest = Self.nearestTwo(point, centres, k, dimension)
                                a = nearest.index
                                u = nearest.first.squareRoot()
                                lower[i] = nearest.second.squareRoot()
                            } else {
                                lower[i] = l
                            }
                        } else {
                            lower[i] = l
                        }
                        upper[i] = u
                    } else {
                        let nearest = Self.nearestTwo(point, centres, k, dimension)
                        a = nearest.index
                        upper[i] = nearest.first.squareRoot()
                        lower[i] = nearest.second.squareRoot()
                    }
                } else {
                    a = Self.nearest(point, centres, k, dimension)
                }
                if a != old {
                    labels[i] = Int32(a)
                    changed += 1
                }
                counts[a] += 1
                let sum = sums + a * d
                for j in 0..<d { sum[j] += point[j] }
            }
        }
        return AssignmentState.Step(
            sums: Array(UnsafeBufferPointer(start: sums, count: k * d)),
            counts: Array(UnsafeBufferPointer(start: counts, count: k)), changed: changed)
    }

    /// ‖x − c‖², added in coordinate order (the same bits for every dimension type).
    @inline(__always)
    static func distanceSquared<D: PointDimension>(_ x: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ dimension: D)
        -> Double
    {
        var sum = 0.0
        for t in 0..<dimension.count {
            let delta = x[t] - c[t]
            sum += delta * delta
        }
        return sum
    }

    /// The nearest centroid (lowest index among equals).
    @inline(__always)
    static func nearest<D: PointDimension>(_ x: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ k: Int, _ dimension: D)
        -> Int
    {
        let d = dimension.count
        var best = 0
        var bestDistance = distanceSquared(x, c, dimension)
        var j = 1
        while j < k {
            let distance = distanceSquared(x, c + j * d, dimension)
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
    static func nearestTwo<D: PointDimension>(
        _ x: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ k: Int, _ dimension: D
    ) -> (index: Int, first: Double, second: Double) {
        let d = dimension.count
        var best = 0
        var first = distanceSquared(x, c, dimension)
        var second = Double.infinity
        var j = 1
        while j < k {
            let distance = distanceSquared(x, c + j * d, dimension)
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
