/// The FP-tree of FP-growth (Han, Pei & Yin 2000): transactions of frequent-item ranks in
/// ascending order (rank 0 is the most frequent item) share their common prefixes, and each
/// node counts the transactions through it.
///
/// Nodes live in parallel arrays (node 0 is the root); the child of a node for a rank is
/// found through an open-addressing table keyed by (parent, rank), so insertion costs the
/// same however many children a node has.
struct FPTree {
    private(set) var parents: [Int32] = [-1]
    private(set) var ranks: [Int32] = [-1]
    private(set) var counts: [Int] = [0]
    private var children: ChildTable

    init(expectedNodes: Int = 16) {
        children = ChildTable(expectedCount: expectedNodes)
        parents.reserveCapacity(expectedNodes + 1)
        ranks.reserveCapacity(expectedNodes + 1)
        counts.reserveCapacity(expectedNodes + 1)
    }

    /// Number of nodes, the root included.
    var nodeCount: Int { parents.count }

    /// Adds a transaction (ranks strictly ascending) seen `count` times.
    mutating func insert(_ path: UnsafeBufferPointer<Int32>, count: Int) {
        var node: Int32 = 0
        for rank in path {
            let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: rank))
            let child = children.findOrInsert(key, newValue: Int32(parents.count))
            if child == Int32(parents.count) {
                parents.append(node)
                ranks.append(rank)
                counts.append(count)
            } else {
                counts[Int(child)] += count
            }
            node = child
        }
    }

    /// The nodes grouped by rank, for ranks in `0..<rankBound`: the nodes of rank r are
    /// `nodes[offsets[r]..<offsets[r+1]]`. A counting sort, O(nodes + rankBound).
    func nodesByRank(rankBound: Int) -> IndexedFPTree {
        var offsets = [Int](repeating: 0, count: rankBound + 1)
        for node in 1..<nodeCount { offsets[Int(ranks[node]) + 1] += 1 }
        for r in 0..<rankBound { offsets[r + 1] += offsets[r] }
        var next = offsets
        var nodes = [Int32](repeating: 0, count: max(0, nodeCount - 1))
        for node in 1..<nodeCount {
            let r = Int(ranks[node])
            nodes[next[r]] = Int32(node)
            next[r] += 1
        }
        return IndexedFPTree(tree: self, offsets: offsets, nodes: nodes)
    }
}

/// An FP-tree with its header table: the nodes of each rank.
struct IndexedFPTree {
    let tree: FPTree
    let offsets: [Int]
    let nodes: [Int32]

    /// The transactions through rank `r`'s nodes: the support of r in this tree.
    func support(ofRank r: Int) -> Int {
        var total = 0
        for k in offsets[r]..<offsets[r + 1] { total += tree.counts[Int(nodes[k])] }
        return total
    }
}

/// Open addressing with linear probing from a (parent, rank) key to a child node.
private struct ChildTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    private var count = 0
    private static let empty = UInt64.max

    init(expectedCount: Int) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: Self.empty, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// The value stored under `key`, or `newValue` after storing it there.
    @inline(__always)
    mutating func findOrInsert(_ key: UInt64, newValue: Int32) -> Int32 {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == Self.empty {
                keys[slot] = key
                values[slot] = newValue
                count += 1
                return newValue
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let capacity = keys.count * 2
        keys = [UInt64](repeating: Self.empty, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        count = 0
        for (slot, key) in oldKeys.enumerated() where key != Self.empty {
            _ = findOrInsert(key, newValue: oldValues[slot])
        }
    }
}
