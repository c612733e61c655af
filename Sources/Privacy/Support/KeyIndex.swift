import CustomerModel

/// The keys of an in-memory store in ``CustomerModel/StoreOrder``, for paging by cursor.
///
/// The same design as CustomerModel's internal index (not visible from here): new keys
/// collect unsorted and are merged in on the next read, so a batch of appends costs O(k)
/// and the first read after it O(k log k + n).
struct KeyIndex<Key: StringIdentifier>: Sendable {
    private var sorted: [Key] = []
    private var pending: [Key] = []

    mutating func insert(_ key: Key) { pending.append(key) }

    /// - Complexity: O(n).
    mutating func remove(_ keys: Set<Key>) {
        guard !keys.isEmpty else { return }
        sorted.removeAll { keys.contains($0) }
        pending.removeAll { keys.contains($0) }
    }

    /// Up to `limit` keys after `cursor` (from the start when nil), and whether more follow.
    mutating func keys(after cursor: Key?, limit: Int) -> (keys: ArraySlice<Key>, hasMore: Bool) {
        if !pending.isEmpty {
            sorted.append(contentsOf: pending)
            sorted.sort(by: StoreOrder.precedes)
            pending.removeAll(keepingCapacity: true)
        }
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
}

/// Reads every page of a paged store.
func readAllPages<Element>(pageSize: Int = 1_000, _ read: (PageCursor?, Int) async throws -> Page<Element>) async throws -> [Element] {
    var all: [Element] = []
    var cursor: PageCursor?
    repeat {
        let page = try await read(cursor, pageSize)
        all.append(contentsOf: page.elements)
        cursor = page.nextCursor
    } while cursor != nil
    return all
}
