/// A directed graph with positive edge weights in compressed sparse row form, stored by
/// target (each node's incoming edges are contiguous), which is what a pull-style
/// PageRank reads.
///
/// Nodes are dense indices `0..<nodeCount`. Parallel edges are kept (their weights add up
/// in every computation that reads the graph); self-loops are allowed.
public struct WeightedDigraph: Sendable {
    /// The number of nodes.
    public let nodeCount: Int
    /// `inOffsets[v]..<inOffsets[v + 1]` are the positions of node v's incoming edges.
    public let inOffsets: [Int]
    /// The source node of each incoming edge.
    public let inSources: [Int32]
    /// The weight of each incoming edge.
    public let inWeights: [Double]
    /// The total weight of each node's outgoing edges (0: a dangling node).
    public let outWeight: [Double]

    /// The number of edges.
    public var edgeCount: Int { inSources.count }

    /// Builds the graph from an edge list.
    ///
    /// - Throws: ``SocialError`` `.invalidInput` for lists of different lengths, a node index
    ///   out of range, or a weight that is not finite and positive.
    /// - Complexity: O(nodeCount + edges) (a counting sort by target).
    public init(nodeCount: Int, sources: [Int32], targets: [Int32], weights: [Double]) throws(SocialError) {
        guard nodeCount >= 0, nodeCount < Int(Int32.max) else {
            throw SocialError(.invalidInput, "nodeCount \(nodeCount) must be in 0..<\(Int32.max)")
        }
        let m = sources.count
        guard targets.count == m, weights.count == m else {
            throw SocialError(.invalidInput, "\(m) sources, \(targets.count) targets and \(weights.count) weights differ in length")
        }
        var counts = [Int](repeating: 0, count: nodeCount + 1)
        var outWeight = [Double](repeating: 0, count: nodeCount)
        for e in 0..<m {
            let s = sources[e], t = targets[e], w = weights[e]
            guard s >= 0, Int(s) < nodeCount, t >= 0, Int(t) < nodeCount else {
                throw SocialError(.invalidInput, "edge \(e): \(s) → \(t) is outside 0..<\(nodeCount)")
            }
            guard w.isFinite, w > 0 else {
                throw SocialError(.invalidInput, "edge \(e): weight \(w) must be finite and positive")
            }
            counts[Int(t) + 1] += 1
            outWeight[Int(s)] += w
        }
        for v in 0..<nodeCount { counts[v + 1] += counts[v] }
        var next = counts
        var inSources = [Int32](repeating: 0, count: m)
        var inWeights = [Double](repeating: 0, count: m)
        sources.withUnsafeBufferPointer { sources in
            targets.withUnsafeBufferPointer { targets in
                weights.withUnsafeBufferPointer { weights in
                    inSources.withUnsafeMutableBufferPointer { inSources in
                        inWeights.withUnsafeMutableBufferPointer { inWeights in
                            next.withUnsafeMutableBufferPointer { next in
                                for e in 0..<m {
                                    let t = Int(targets[e])
                                    let position = next[t]
                                    inSources[position] = sources[e]
                                    inWeights[position] = weights[e]
                                    next[t] = position + 1
                                }
                            }
                        }
                    }
                }
            }
        }
        self.nodeCount = nodeCount
        self.inOffsets = counts
        self.inSources = inSources
        self.inWeights = inWeights
        self.outWeight = outWeight
    }
}
