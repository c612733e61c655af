/// Keeps the `capacity` best (score, key) pairs seen, where a higher score is better and, among
/// equal scores, the lower key (an item's rank in id order). A binary heap with the worst kept
/// pair at the root, so most candidates are rejected with one comparison.
///
/// Reusable: ``removeAll()`` keeps the storage, so one instance serves a whole loop.
struct BestScores {
    let capacity: Int
    private(set) var scores: [Double]
    private(set) var keys: [Int32]

    init(capacity: Int) {
        self.capacity = capacity
        scores = []
        keys = []
        scores.reserveCapacity(capacity)
        keys.reserveCapacity(capacity)
    }

    var count: Int { scores.count }

    mutating func removeAll() {
        scores.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
    }

    /// Whether (a, ka) ranks worse than (b, kb).
    @inline(__always)
    private static func isWorse(_ a: Double, _ ka: Int32, than b: Double, _ kb: Int32) -> Bool {
        a < b || (a == b && ka > kb)
    }

    /// Whether `offer` would keep the candidate (cheap: one comparison with the worst kept).
    @inline(__always)
    func admits(_ score: Double, key: Int32) -> Bool {
        scores.count < capacity || (capacity > 0 && Self.isWorse(scores[0], keys[0], than: score, key))
    }

    /// Offers a candidate.
    @inline(__always)
    mutating func offer(_ score: Double, key: Int32) {
        if scores.count < capacity {
            scores.append(score)
            keys.append(key)
            siftUp(scores.count - 1)
        } else if capacity > 0, Self.isWorse(scores[0], keys[0], than: score, key) {
            scores[0] = score
            keys[0] = key
            siftDown(0)
        }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.isWorse(scores[child], keys[child], than: scores[parent], keys[parent]) else { return }
            scores.swapAt(child, parent)
            keys.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let count = scores.count
        while true {
            var worst = parent
            let left = 2 * parent + 1
            let right = left + 1
            if left < count, Self.isWorse(scores[left], keys[left], than: scores[worst], keys[worst]) { worst = left }
            if right < count, Self.isWorse(scores[right], keys[right], than: scores[worst], keys[worst]) { worst = right }
            if worst == parent { return }
            scores.swapAt(parent, worst)
            keys.swapAt(parent, worst)
            parent = worst
        }
    }

    /// Writes the kept pairs best first to the start of `scoresOut` and `keysOut` (each at
    /// least ``capacity`` long), empties the heap and returns how many were written.
    mutating func drainBestFirst(scoresOut: inout [Double], keysOut: inout [Int32]) -> Int {
        let written = scores.count
        var position = written - 1
        while let lastScore = scores.last, let lastKey = keys.last {
            scoresOut[position] = scores[0]
            keysOut[position] = keys[0]
            position -= 1
            scores.removeLast()
            keys.removeLast()
            if !scores.isEmpty {
                scores[0] = lastScore
                keys[0] = lastKey
                siftDown(0)
            }
        }
        return written
    }
}
