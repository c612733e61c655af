import CustomerModel

/// The items of a snapshot ordered by id (byte order of the UTF-8 ids, which is also code-point
/// order): what every tie in this module is broken by, so results do not depend on the order
/// in which items first appeared in the input.
public struct ItemIDOrder: Sendable, Hashable {
    /// `rank[item]` is the position of item index `item` in id order.
    public let rank: [Int32]
    /// `items[r]` is the item index at position `r` in id order.
    public let items: [Int32]

    /// The order of the ids in `table` (for a snapshot: `snapshot.itemIDs`).
    /// - Complexity: O(n log n) comparisons of ids.
    public init(ids table: ByteStringTable) {
        let count = table.count
        let sorted: [Int32] = table.bytes.withUnsafeBufferPointer { bytes in
            table.offsets.withUnsafeBufferPointer { offsets in
                (0..<Int32(count)).sorted { a, b in
                    let x = UnsafeBufferPointer(rebasing: bytes[offsets[Int(a)]..<offsets[Int(a) + 1]])
                    let y = UnsafeBufferPointer(rebasing: bytes[offsets[Int(b)]..<offsets[Int(b) + 1]])
                    return x.lexicographicallyPrecedes(y)
                }
            }
        }
        self.init(sortedItems: sorted)
    }

    /// Index order: item `i` has rank `i` (for data without ids).
    public init(identityOf count: Int) {
        self.init(sortedItems: Array(0..<Int32(count)))
    }

    private init(sortedItems: [Int32]) {
        var rank = [Int32](repeating: 0, count: sortedItems.count)
        for (position, item) in sortedItems.enumerated() { rank[Int(item)] = Int32(position) }
        self.rank = rank
        self.items = sortedItems
    }

    /// Number of items.
    public var count: Int { items.count }

    /// Whether item `a` comes before item `b` in id order.
    @inlinable
    public func precedes(_ a: Int32, _ b: Int32) -> Bool { rank[Int(a)] < rank[Int(b)] }

    /// Whether the id list `a` comes before `b` (element by element, a prefix first).
    public func precedes(_ a: some Collection<Int32>, _ b: some Collection<Int32>) -> Bool {
        a.lazy.map { self.rank[Int($0)] }.lexicographicallyPrecedes(b.lazy.map { self.rank[Int($0)] })
    }
}
