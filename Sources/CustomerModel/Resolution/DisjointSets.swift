/// Union-find over dense indices `0..<count`, with path halving.
///
/// The root of every set is its smallest index, so components (and everything derived
/// from them) do not depend on the order in which unions happen.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    /// The smallest index of the set that holds `index`.
    /// - Complexity: amortised nearly O(1).
    mutating func find(_ index: Int) -> Int {
        var node = index
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    /// Joins the sets of `a` and `b`; the smaller root becomes the root.
    mutating func union(_ a: Int, _ b: Int) {
        let rootA = find(a)
        let rootB = find(b)
        if rootA == rootB { return }
        if rootA < rootB { parent[rootB] = rootA } else { parent[rootA] = rootB }
    }

    /// The sets with at least `minimumSize` members, each sorted, ordered by smallest member.
    /// - Complexity: O(n α(n)).
    mutating func components(minimumSize: Int = 1) -> [[Int]] {
        let count = parent.count
        var slot = [Int](repeating: -1, count: count)
        var groups: [[Int]] = []
        for index in 0..<count {
            let root = find(index)
            if slot[root] < 0 {
                slot[root] = groups.count
                groups.append([])
            }
            groups[slot[root]].append(index)
        }
        return groups.filter { $0.count >= minimumSize }
    }
}
