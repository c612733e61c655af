import CustomerModel

/// Weighted PageRank over a share and referral graph: a customer ranks high when
/// customers who rank high were brought, or clicked, through them.
///
/// With N nodes, damping d, edge weights w(u, v) and out-weights W(u) = Σᵥ w(u, v):
///
///     PR(v) = (1 − d)/N + d · ( Σ_{u → v} PR(u) · w(u, v) / W(u) + D / N )
///
/// where D = Σ PR(u) over dangling nodes (W(u) = 0), whose mass is spread uniformly. It
/// starts from 1/N everywhere and iterates until the L1 change Σ |PRₖ₊₁ − PRₖ| is at most
/// ``tolerance`` or ``maxIterations`` is reached; scores sum to 1. Each iteration pulls
/// over the incoming edges in contiguous node ranges balanced by edge count, on all cores.
/// See `Documentation/InfluenceRank.md`.
public struct InfluenceRank: Sendable {
    /// The damping factor d in (0, 1). Default 0.85.
    public var damping: Double
    /// Stop when the L1 change of one iteration is at most this (> 0). Default 1e-6.
    public var tolerance: Double
    /// The most iterations (≥ 1). Default 100.
    public var maxIterations: Int

    /// Creates the ranking.
    public init(damping: Double = 0.85, tolerance: Double = 1e-6, maxIterations: Int = 100) {
        self.damping = damping
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    /// Ranks the nodes of `graph`.
    /// - Throws: ``SocialError`` `.invalidParameter` for a damping outside (0, 1), a
    ///   non-positive tolerance or fewer than one iteration.
    /// - Complexity: O(iterations · (nodes + edges)), divided over the cores.
    public func run(on graph: WeightedDigraph) throws(SocialError) -> InfluenceRankResult {
        guard damping.isFinite, damping > 0, damping < 1 else {
            throw SocialError(.invalidParameter, "damping \(damping) must be in (0, 1)")
        }
        guard tolerance.isFinite, tolerance > 0 else {
            throw SocialError(.invalidParameter, "tolerance \(tolerance) must be positive")
        }
        guard maxIterations >= 1 else {
            throw SocialError(.invalidParameter, "maxIterations \(maxIterations) must be at least 1")
        }
        let n = graph.nodeCount
        guard n > 0 else { return InfluenceRankResult(scores: [], iterations: 0, residual: 0, converged: true) }
        let d = damping
        var rank = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        var scaled = [Double](repeating: 0, count: n)
        let pieces = n < 4_096 ? 1 : 16
        let bounds = Self.balancedBounds(graph.inOffsets, pieces: pieces)
        var iterations = 0
        var residual = Double.infinity
        graph.inOffsets.withUnsafeBufferPointer { offsets in
            graph.inSources.withUnsafeBufferPointer { sources in
                graph.inWeights.withUnsafeBufferPointer { weights in
                    graph.outWeight.withUnsafeBufferPointer { outWeight in
                        while iterations < maxIterations && residual > tolerance {
                            iterations += 1
                            let dangling = rank.withUnsafeBufferPointer { rank in
                                scaled.withUnsafeMutableBufferPointer { scaled in
                                    let out = Address(scaled.baseAddress)
                                    return ParallelLoop.map(pieces) { piece in
                                        var sum = 0.0
                                        for u in bounds[piece]..<bounds[piece + 1] {
                                            let w = outWeight[u]
                                            if w > 0 {
                                                out.base?[u] = rank[u] / w
                                            } else {
                                                out.base?[u] = 0
                                                sum += rank[u]
                                            }
                                        }
                                        return sum
                                    }.reduce(0, +)
                                }
                            }
                            let base = (1 - d) / Double(n) + d * dangling / Double(n)
                            residual = rank.withUnsafeBufferPointer { rank in
                                scaled.withUnsafeBufferPointer { scaled in
                                    next.withUnsafeMutableBufferPointer { next in
                                        let out = Address(next.baseAddress)
                                        return ParallelLoop.map(pieces) { piece in
                                            var change = 0.0
                                            for v in bounds[piece]..<bounds[piece + 1] {
                                                var sum = 0.0
                                                for e in offsets[v]..<offsets[v + 1] {
                                                    sum += weights[e] * scaled[Int(sources[e])]
                                                }
                                                let value = base + d * sum
                                                out.base?[v] = value
                                                change += abs(value - rank[v])
                                            }
                                            return change
                                        }.reduce(0, +)
                                    }
                                }
                            }
                            swap(&rank, &next)
                        }
                    }
                }
            }
        }
        return InfluenceRankResult(scores: rank, iterations: iterations, residual: residual,
                                   converged: residual <= tolerance)
    }

    /// Node ranges `bounds[p]..<bounds[p + 1]` holding about the same number of nodes plus
    /// incoming edges each.
    static func balancedBounds(_ offsets: [Int], pieces: Int) -> [Int] {
        let n = offsets.count - 1
        let total = n + offsets[n]
        var bounds = [0]
        var v = 0
        for p in 1..<pieces {
            let goal = total * p / pieces
            // The first node whose cumulative cost v + offsets[v] reaches the goal.
            var low = v, high = n
            while low < high {
                let mid = (low + high) / 2
                if mid + offsets[mid] < goal { low = mid + 1 } else { high = mid }
            }
            v = low
            bounds.append(v)
        }
        bounds.append(n)
        return bounds
    }
}

/// A pointer into a result array that parallel pieces write at disjoint indices.
private struct Address: @unchecked Sendable {
    // Safe: `ParallelLoop` returns only when every piece has finished, and each piece
    // writes only the indices of its own node range.
    let base: UnsafeMutablePointer<Double>?
    init(_ base: UnsafeMutablePointer<Double>?) { self.base = base }
}

/// The ranks of ``InfluenceRank``.
public struct InfluenceRankResult: Sendable, Hashable {
    /// The score of each node; the scores sum to 1.
    public var scores: [Double]
    /// Iterations run.
    public var iterations: Int
    /// The L1 change of the last iteration.
    public var residual: Double
    /// Whether the change fell to the tolerance within the iteration limit.
    public var converged: Bool

    /// The indices of the `k` highest scores, ties by smaller index.
    /// - Complexity: O(n log n).
    public func top(_ k: Int) -> [Int] {
        Array(scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.prefix(max(0, k)))
    }
}
