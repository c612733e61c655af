#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Finds every frequent itemset of a basket set with FP-growth (Han, Pei & Yin 2000).
///
/// An itemset is frequent when its support, the share of baskets that contain it, is at
/// least ``minimumSupport`` (compared as `count / baskets >= minimumSupport`, as mlxtend and
/// efficient-apriori do). The result is exact and does not depend on the number of threads.
///
/// ```swift
/// let baskets = BasketSet(snapshot: snapshot)
/// let itemsets = try FPGrowth(minimumSupport: 0.001).frequentItemsets(in: baskets)
/// ```
///
/// The baskets are split into one FP-tree per core (built in parallel); the conditional
/// pattern base of an item gathers its prefix paths from every tree, and the items are
/// mined in parallel. See `Documentation/AssociationRules.md`.
public struct FPGrowth: Sendable {
    /// The smallest support of a frequent itemset, in (0, 1].
    public let minimumSupport: Double
    /// The longest itemset to find (nil: no limit).
    public let maximumLength: Int?

    /// Creates the miner.
    /// - Throws: ``RecommendationError`` `.invalidParameter` for a support outside (0, 1] or a
    ///   maximum length below 1.
    public init(minimumSupport: Double, maximumLength: Int? = nil) throws(RecommendationError) {
        guard minimumSupport.isFinite, minimumSupport > 0, minimumSupport <= 1 else {
            throw RecommendationError(.invalidParameter, "minimum support must be in (0, 1], not \(minimumSupport)")
        }
        if let maximumLength, maximumLength < 1 {
            throw RecommendationError(.invalidParameter, "maximum itemset length must be at least 1, not \(maximumLength)")
        }
        self.minimumSupport = minimumSupport
        self.maximumLength = maximumLength
    }

    /// The smallest basket count `c` with `c / basketCount >= minimumSupport`.
    public func minimumCount(basketCount: Int) -> Int {
        guard basketCount > 0 else { return 1 }
        let n = Double(basketCount)
        var c = max(1, Int((minimumSupport * n).rounded(.up)))
        while c > 1, Double(c - 1) / n >= minimumSupport { c -= 1 }
        while Double(c) / n < minimumSupport { c += 1 }
        return c
    }

    /// The frequent itemsets of `baskets`.
    /// - Complexity: O(lines) to build the trees, then output-sensitive mining.
    public func frequentItemsets(in baskets: BasketSet) -> FrequentItemsets {
        let minCount = minimumCount(basketCount: baskets.count)
        let itemOrder = baskets.itemOrder
        // Frequent items, most frequent first, ties in id order: their position is their rank.
        let frequent = (0..<Int32(baskets.itemCount))
            .filter { baskets.itemBasketCounts[Int($0)] >= minCount }
            .sorted {
                let a = baskets.itemBasketCounts[Int($0)], b = baskets.itemBasketCounts[Int($1)]
                return a != b ? a > b : itemOrder.precedes($0, $1)
            }
        var rankOfItem = [Int32](repeating: -1, count: baskets.itemCount)
        for (rank, item) in frequent.enumerated() { rankOfItem[Int(item)] = Int32(rank) }

        let basketCount = baskets.count
        let pieces = basketCount < 65_536 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
        let forest = ParallelLoop.map(pieces) { piece in
            Self.buildTree(
                baskets: baskets, range: (basketCount * piece / pieces)..<(basketCount * (piece + 1) / pieces),
                rankOfItem: rankOfItem
            ).nodesByRank(rankBound: frequent.count)
        }
        let miner = ConditionalMiner(minCount: minCount, maximumLength: maximumLength ?? Int.max)
        // Mine the rarest items first: they have the longest prefix paths, so the costly
        // iterations start early and the cheap ones fill in at the end.
        let found = ParallelLoop.map(frequent.count) { k in
            let rank = frequent.count - 1 - k
            var out = ItemsetBuffer()
            out.append(suffix: [], rank: Int32(rank), count: baskets.itemBasketCounts[Int(frequent[rank])])
            if miner.maximumLength > 1 {
                miner.mineConditional(of: Int32(rank), in: forest, suffix: [Int32(rank)], into: &out)
            }
            return out
        }
        var itemsets: [(items: [Int32], count: Int)] = []
        for buffer in found {
            for k in 0..<buffer.counts.count {
                let ranks = buffer.ranks[buffer.offsets[k]..<buffer.offsets[k + 1]]
                itemsets.append((items: ranks.map { frequent[Int($0)] }, count: buffer.counts[k]))
            }
        }
        return FrequentItemsets(
            basketCount: basketCount, minimumSupport: minimumSupport, minimumCount: minCount,
            maximumLength: maximumLength, itemsets: itemsets, itemOrder: itemOrder)
    }

    /// The FP-tree of the baskets in `range`, keeping frequent items only.
    private static func buildTree(baskets: BasketSet, range: Range<Int>, rankOfItem: [Int32]) -> FPTree {
        var tree = FPTree(expectedNodes: min(range.count, 1 << 16))
        var path = [Int32](repeating: 0, count: 64)
        baskets.basketOffsets.withUnsafeBufferPointer { offsets in
            baskets.basketItems.withUnsafeBufferPointer { items in
                rankOfItem.withUnsafeBufferPointer { rankOf in
                    for b in range {
                        let start = offsets[b], end = offsets[b + 1]
                        if end - start > path.count { path = [Int32](repeating: 0, count: end - start) }
                        let length = path.withUnsafeMutableBufferPointer { path in
                            var length = 0
                            for k in start..<end {
                                let rank = rankOf[Int(items[k])]
                                guard rank >= 0 else { continue }
                                // Insertion sort: baskets are short.
                                var position = length
                                while position > 0, path[position - 1] > rank {
                                    path[position] = path[position - 1]
                                    position -= 1
                                }
                                path[position] = rank
                                length += 1
                            }
                            return length
                        }
                        if length > 0 {
                            path.withUnsafeBufferPointer { tree.insert(UnsafeBufferPointer(rebasing: $0[0..<length]), count: 1) }
                        }
                    }
                }
            }
        }
        return tree
    }
}

/// Itemsets found by one task, as frequent-item ranks back to back.
struct ItemsetBuffer {
    var offsets: [Int] = [0]
    var ranks: [Int32] = []
    var counts: [Int] = []

    mutating func append(suffix: [Int32], rank: Int32, count: Int) {
        ranks.append(contentsOf: suffix)
        ranks.append(rank)
        offsets.append(ranks.count)
        counts.append(count)
    }
}

/// The recursive step of FP-growth: the conditional tree of an item and what it contains.
struct ConditionalMiner: Sendable {
    let minCount: Int
    let maximumLength: Int

    /// Emits every frequent itemset `suffix ∪ X` where X is non-empty and made of ranks below
    /// `rank`, found in the conditional tree of `rank` over `forest`; `suffix` ends with `rank`.
    func mineConditional(of rank: Int32, in forest: [IndexedFPTree], suffix: [Int32], into out: inout ItemsetBuffer) {
        let bound = Int(rank)
        guard bound > 0, suffix.count < maximumLength else { return }
        // Pass 1: the support of each rank within the prefix paths of `rank`.
        var support = [Int](repeating: 0, count: bound)
        for indexed in forest {
            let tree = indexed.tree
            for k in indexed.offsets[bound]..<indexed.offsets[bound + 1] {
                let node = Int(indexed.nodes[k])
                let count = tree.counts[node]
                var up = Int(tree.parents[node])
                while up > 0 {
                    support[Int(tree.ranks[up])] += count
                    up = Int(tree.parents[up])
                }
            }
        }
        guard support.contains(where: { $0 >= minCount }) else { return }
        // Pass 2: the conditional tree of the frequent ranks, paths in ascending rank order.
        var conditional = FPTree()
        var path = [Int32]()
        for indexed in forest {
            let tree = indexed.tree
            for k in indexed.offsets[bound]..<indexed.offsets[bound + 1] {
                let node = Int(indexed.nodes[k])
                path.removeAll(keepingCapacity: true)
                var up = Int(tree.parents[node])
                while up > 0 {
                    let r = tree.ranks[up]
                    if support[Int(r)] >= minCount { path.append(r) }
                    up = Int(tree.parents[up])
                }
                guard !path.isEmpty else { continue }
                path.reverse()
                path.withUnsafeBufferPointer { conditional.insert($0, count: tree.counts[node]) }
            }
        }
        let indexed = conditional.nodesByRank(rankBound: bound)
        for r in 0..<bound where support[r] >= minCount {
            out.append(suffix: suffix, rank: Int32(r), count: support[r])
            if suffix.count + 1 < maximumLength {
                mineConditional(of: Int32(r), in: [indexed], suffix: suffix + [Int32(r)], into: &out)
            }
        }
    }
}
