import CustomerModel

/// Market baskets: for each order, the set of distinct items it contains (quantities and
/// repeated lines of one item count once), stored back to back.
///
/// ```
/// basket b holds items  basketItems[basketOffsets[b] ..< basketOffsets[b + 1]]
/// ```
///
/// Items keep the snapshot's dense indices; within a basket they are in the order of the
/// order's first line with each item. ``itemBasketCounts`` is each item's support count.
public struct BasketSet: Sendable {
    /// Number of item indices (`0..<itemCount`).
    public let itemCount: Int
    /// Items of basket `b`: `basketOffsets[b]..<basketOffsets[b+1]` in ``basketItems``.
    public let basketOffsets: [Int]
    /// The distinct items of every basket, back to back.
    public let basketItems: [Int32]
    /// The number of baskets that contain each item.
    public let itemBasketCounts: [Int]
    /// Item ids in id order, for ties and output order (index order without a snapshot).
    public let itemOrder: ItemIDOrder

    /// Number of baskets.
    public var count: Int { basketOffsets.count - 1 }

    /// The distinct items of basket `index`.
    public func items(ofBasket index: Int) -> ArraySlice<Int32> {
        basketItems[basketOffsets[index]..<basketOffsets[index + 1]]
    }

    /// The baskets of a snapshot: one per order (an order is a customer and an order id), in
    /// snapshot order; built on all cores.
    /// - Parameter before: when given, only orders dated before this day (a training period).
    /// - Complexity: O(lines).
    public init(snapshot: CustomerSnapshot, before: CalendarDay? = nil) {
        let limit = before?.dayNumber ?? Int32.max
        let orderCount = snapshot.orderCount
        let itemCount = snapshot.itemCount
        let pieces = orderCount < 65_536 ? 1 : 8
        let parts = ParallelLoop.map(pieces) { piece in
            BasketPiece(snapshot: snapshot, orders: (orderCount * piece / pieces)..<(orderCount * (piece + 1) / pieces), limit: limit)
        }
        var offsets = [Int]()
        offsets.reserveCapacity(parts.reduce(1) { $0 + $1.ends.count })
        offsets.append(0)
        var items = [Int32]()
        items.reserveCapacity(parts.reduce(0) { $0 + $1.items.count })
        var counts = [Int](repeating: 0, count: itemCount)
        for part in parts {
            let base = items.count
            for end in part.ends { offsets.append(base + end) }
            items.append(contentsOf: part.items)
            for i in 0..<itemCount { counts[i] += Int(part.counts[i]) }
        }
        self.itemCount = itemCount
        basketOffsets = offsets
        basketItems = items
        itemBasketCounts = counts
        itemOrder = ItemIDOrder(ids: snapshot.itemIDs)
    }

    /// Baskets given as lists of item indices in `0..<itemCount` (repeats within a basket count
    /// once); ties are broken by index.
    /// - Throws: ``RecommendationError`` `.unknownIndex` for an item outside `0..<itemCount`.
    public init(baskets: [[Int]], itemCount: Int) throws(RecommendationError) {
        guard itemCount >= 0, itemCount <= Int(Int32.max) else {
            throw RecommendationError(.invalidParameter, "itemCount must be in 0...\(Int32.max), not \(itemCount)")
        }
        var offsets = [0]
        var items = [Int32]()
        var counts = [Int](repeating: 0, count: itemCount)
        for (b, basket) in baskets.enumerated() {
            let start = items.count
            for item in basket {
                guard item >= 0, item < itemCount else {
                    throw RecommendationError(.unknownIndex, "basket \(b) has item \(item), not in 0..<\(itemCount)")
                }
                if !items[start...].contains(Int32(item)) {
                    items.append(Int32(item))
                    counts[item] += 1
                }
            }
            offsets.append(items.count)
        }
        self.itemCount = itemCount
        basketOffsets = offsets
        basketItems = items
        itemBasketCounts = counts
        itemOrder = ItemIDOrder(identityOf: itemCount)
    }
}

/// The baskets of one contiguous range of orders, built by one thread.
private struct BasketPiece {
    var ends: [Int] = []
    var items: [Int32] = []
    var counts: [Int32]

    /// Baskets of the orders in `orders` dated before day number `limit`.
    init(snapshot: CustomerSnapshot, orders: Range<Int>, limit: Int32) {
        counts = [Int32](repeating: 0, count: snapshot.itemCount)
        // lastBasket[item] == b marks the item as already in basket b (one pass, any basket size).
        var lastBasket = [Int](repeating: -1, count: snapshot.itemCount)
        ends.reserveCapacity(orders.count)
        var lineTotal = 0
        snapshot.orderLineStarts.withUnsafeBufferPointer { starts in
            snapshot.orderLineEnds.withUnsafeBufferPointer { lineEnds in
                for o in orders { lineTotal += lineEnds[o] - starts[o] }
            }
        }
        items.reserveCapacity(lineTotal)
        // Lines are in input order and orders in customer order, so each order's lines are a
        // cache miss. Gathering a block of orders' lines first, in a loop whose loads do not
        // depend on each other, lets the processor overlap those misses.
        let block = 256
        var gathered = [Int32](repeating: 0, count: 4096)
        var gatheredEnds = [Int](repeating: 0, count: block)
        snapshot.orderLineStarts.withUnsafeBufferPointer { starts in
            snapshot.orderLineEnds.withUnsafeBufferPointer { lineEnds in
                snapshot.orderDays.withUnsafeBufferPointer { days in
                    snapshot.lineItems.withUnsafeBufferPointer { lineItems in
                        lastBasket.withUnsafeMutableBufferPointer { last in
                            counts.withUnsafeMutableBufferPointer { counts in
                                var blockStart = orders.lowerBound
                                while blockStart < orders.upperBound {
                                    let blockEnd = min(blockStart + block, orders.upperBound)
                                    var total = 0
                                    for o in blockStart..<blockEnd where days[o] < limit { total += lineEnds[o] - starts[o] }
                                    if total > gathered.count { gathered = [Int32](repeating: 0, count: total) }
                                    gathered.withUnsafeMutableBufferPointer { gathered in
                                        var position = 0
                                        for o in blockStart..<blockEnd {
                                            if days[o] < limit {
                                                for line in starts[o]..<lineEnds[o] {
                                                    gathered[position] = lineItems[line]
                                                    position += 1
                                                }
                                            }
                                            gatheredEnds[o - blockStart] = position
                                        }
                                        var begin = 0
                                        for o in blockStart..<blockEnd {
                                            let end = gatheredEnds[o - blockStart]
                                            guard days[o] < limit else { continue }
                                            for k in begin..<end {
                                                let item = Int(gathered[k])
                                                if last[item] != o {
                                                    last[item] = o
                                                    counts[item] += 1
                                                    items.append(Int32(item))
                                                }
                                            }
                                            ends.append(items.count)
                                            begin = end
                                        }
                                    }
                                    blockStart = blockEnd
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
