/// The keys of an in-memory store in ``StoreOrder``, for paging by cursor (shared by the
/// in-memory stores of every module).
///
/// New keys collect in an unsorted buffer and are merged in on the next read, so a batch
/// of appends costs O(k) and the first read after it O(k log k + n).
package struct SortedKeyIndex<Key: StringIdentifier>: Sendable {
    private var sorted: [Key] = []
    private var pending: [Key] = []

    /// An empty index.
    package init() {}

    /// Adds keys that are not in the index yet.
    package mutating func insert(_ key: Key) { pending.append(key) }

    /// Removes keys.
    /// - Complexity: O(n).
    package mutating func remove(_ keys: Set<Key>) {
        guard !keys.isEmpty else { return }
        sorted.removeAll { keys.contains($0) }
        pending.removeAll { keys.contains($0) }
    }

    /// Up to `limit` keys after `cursor` (from the start when nil), and whether more follow.
    /// - Complexity: O(log n + limit) when no keys are pending.
    package mutating func keys(after cursor: Key?, limit: Int) -> (keys: ArraySlice<Key>, hasMore: Bool) {
        mergePending()
        var start = 0
        if let cursor {
            var low = 0
            var high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                if StoreOrder.precedes(cursor, sorted[mid]) { high = mid } else { low = mid + 1 }
            }
            start = low
        }
        let end = min(sorted.count, start + limit)
        return (sorted[start..<end], end < sorted.count)
    }

    private mutating func mergePending() {
        guard !pending.isEmpty else { return }
        pending.sort(by: StoreOrder.precedes)
        var merged: [Key] = []
        merged.reserveCapacity(sorted.count + pending.count)
        var i = 0
        var j = 0
        while i < sorted.count, j < pending.count {
            if StoreOrder.precedes(pending[j], sorted[i]) {
                merged.append(pending[j]); j += 1
            } else {
                merged.append(sorted[i]); i += 1
            }
        }
        merged.append(contentsOf: sorted[i...])
        merged.append(contentsOf: pending[j...])
        sorted = merged
        pending.removeAll(keepingCapacity: true)
    }
}
