import CustomerModel

/// Each item's K most similar items by cosine similarity of their purchase columns, itself
/// included: the similarity matrix of item-item collaborative filtering, truncated per row as
/// implicit's `CosineRecommender(K)` keeps it.
///
/// sim(i, j) = Σ_u x[u,i]·x[u,j] / (‖x[·,i]‖ · ‖x[·,j]‖). The dot products are exact integer
/// sums; only items with a common customer (sim > 0) can be neighbours. Ties at the K-th
/// neighbour go to the item with the smaller id.
///
/// ```
/// neighbours of item i:  neighbors[offsets[i] ..< offsets[i + 1]]   (best first, sims in similarities)
/// ```
public struct ItemNeighbors: Sendable {
    /// K: the most neighbours kept per item.
    public let neighborCount: Int
    /// Neighbour list starts, `itemCount + 1` entries.
    public let offsets: [Int]
    /// The neighbours of every item, back to back, most similar first (ties: smaller id first).
    public let neighbors: [Int32]
    /// sim(i, j) for every entry of ``neighbors``.
    public let similarities: [Double]

    /// Number of items.
    public var itemCount: Int { offsets.count - 1 }
    /// Number of kept (item, neighbour) pairs.
    public var entryCount: Int { neighbors.count }

    /// Computes the K nearest neighbours of every item, in parallel over items.
    /// - Throws: ``RecommendationError`` `.invalidParameter` when `neighborCount` < 1.
    /// - Complexity: O(Σ_u (items of u)² + items · candidates · log K).
    public init(matrix: PurchaseMatrix, neighborCount: Int = 50) throws(RecommendationError) {
        guard neighborCount >= 1, neighborCount <= Int(Int32.max) else {
            throw RecommendationError(.invalidParameter, "the number of neighbours must be at least 1, not \(neighborCount)")
        }
        let itemCount = matrix.itemCount
        var squaredNorms = [Double](repeating: 0, count: itemCount)
        for i in 0..<itemCount {
            var sum = 0
            for k in matrix.columnOffsets[i]..<matrix.columnOffsets[i + 1] {
                let x = Int(matrix.columnCounts[k])
                sum += x * x
            }
            squaredNorms[i] = Double(sum)
        }
        // Strided slices of items, so that popular (costly) items spread over the slices.
        let slices = itemCount < 256 ? 1 : 64
        let found = ParallelLoop.map(slices) { slice in
            NeighborSlice(matrix: matrix, squaredNorms: squaredNorms, neighborCount: neighborCount, slice: slice, of: slices)
        }
        var lengths = [Int](repeating: 0, count: itemCount)
        for slice in found {
            for (k, item) in slice.items.enumerated() { lengths[Int(item)] = slice.ends[k] - (k == 0 ? 0 : slice.ends[k - 1]) }
        }
        var offsets = [Int](repeating: 0, count: itemCount + 1)
        for i in 0..<itemCount { offsets[i + 1] = offsets[i] + lengths[i] }
        var neighbors = [Int32](repeating: 0, count: offsets[itemCount])
        var similarities = [Double](repeating: 0, count: offsets[itemCount])
        for slice in found {
            var start = 0
            for (k, item) in slice.items.enumerated() {
                let end = slice.ends[k]
                let target = offsets[Int(item)]
                for n in start..<end {
                    neighbors[target + n - start] = slice.neighbors[n]
                    similarities[target + n - start] = slice.similarities[n]
                }
                start = end
            }
        }
        self.neighborCount = neighborCount
        self.offsets = offsets
        self.neighbors = neighbors
        self.similarities = similarities
    }

    /// The kept neighbours of item `index`, most similar first (the item itself included).
    public func neighbors(of index: Int) -> [ScoredItem] {
        (offsets[index]..<offsets[index + 1]).map { ScoredItem(item: neighbors[$0], score: similarities[$0]) }
    }

    /// The kept similarity of `other` to `item`, or 0 when `other` is not among its neighbours.
    public func similarity(of item: Int, to other: Int) -> Double {
        for k in offsets[item]..<offsets[item + 1] where neighbors[k] == Int32(other) { return similarities[k] }
        return 0
    }
}

/// The neighbour lists of items `slice, slice + slices, …`, computed by one thread.
private struct NeighborSlice {
    var items: [Int32] = []
    var ends: [Int] = []
    var neighbors: [Int32] = []
    var similarities: [Double] = []

    init(matrix: PurchaseMatrix, squaredNorms: [Double], neighborCount: Int, slice: Int, of slices: Int) {
        let itemCount = matrix.itemCount
        let rank = matrix.itemOrder.rank
        let byRank = matrix.itemOrder.items
        var dots = [Int](repeating: 0, count: itemCount)
        var touched: [Int32] = []
        var best = BestScores(capacity: neighborCount)
        var keptScores = [Double](repeating: 0, count: neighborCount)
        var keptKeys = [Int32](repeating: 0, count: neighborCount)
        matrix.rowOffsets.withUnsafeBufferPointer { rowOffsets in
            matrix.rowItems.withUnsafeBufferPointer { rowItems in
                matrix.rowCounts.withUnsafeBufferPointer { rowCounts in
                    dots.withUnsafeMutableBufferPointer { dots in
                        for i in stride(from: slice, to: itemCount, by: slices) {
                            for k in matrix.columnOffsets[i]..<matrix.columnOffsets[i + 1] {
                                let u = Int(matrix.columnCustomers[k])
                                let xi = Int(matrix.columnCounts[k])
                                for e in rowOffsets[u]..<rowOffsets[u + 1] {
                                    let j = Int(rowItems[e])
                                    if dots[j] == 0 { touched.append(Int32(j)) }
                                    dots[j] += xi * Int(rowCounts[e])
                                }
                            }
                            let normI = squaredNorms[i]
                            for j in touched {
                                let sim = Double(dots[Int(j)]) / (normI * squaredNorms[Int(j)]).squareRoot()
                                best.offer(sim, key: rank[Int(j)])
                                dots[Int(j)] = 0
                            }
                            touched.removeAll(keepingCapacity: true)
                            let kept = best.drainBestFirst(scoresOut: &keptScores, keysOut: &keptKeys)
                            items.append(Int32(i))
                            for n in 0..<kept {
                                neighbors.append(byRank[Int(keptKeys[n])])
                                similarities.append(keptScores[n])
                            }
                            ends.append(neighbors.count)
                        }
                    }
                }
            }
        }
    }
}
