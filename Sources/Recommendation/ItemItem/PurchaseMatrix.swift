#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// The customer × item matrix of purchase counts, sparse, in both orientations: x[u, i] is
/// the number of order lines of customer u with item i (quantities are ignored, as in the
/// reference tools).
///
/// ```
/// customer u bought  rowItems[rowOffsets[u] ..< rowOffsets[u + 1]]     (x in rowCounts)
/// item i bought by   columnCustomers[columnOffsets[i] ..< columnOffsets[i + 1]]  (x in columnCounts)
/// ```
///
/// Items keep the snapshot's indices; within a row they are in item-id order (so sums over a
/// customer's items run in the same order as the reference tools'); within a column the
/// customers are in index order.
public struct PurchaseMatrix: Sendable {
    /// Number of customers (rows).
    public let customerCount: Int
    /// Number of items (columns).
    public let itemCount: Int
    /// Row starts, `customerCount + 1` entries.
    public let rowOffsets: [Int]
    /// The items of every row, back to back.
    public let rowItems: [Int32]
    /// x[u, i] for every entry of ``rowItems``.
    public let rowCounts: [Int32]
    /// Column starts, `itemCount + 1` entries.
    public let columnOffsets: [Int]
    /// The customers of every column, back to back.
    public let columnCustomers: [Int32]
    /// x[u, i] for every entry of ``columnCustomers``.
    public let columnCounts: [Int32]
    /// The id order of the items (ties are broken by it).
    public let itemOrder: ItemIDOrder

    /// Number of non-zero entries.
    public var entryCount: Int { rowItems.count }

    /// The purchase counts of a snapshot, built on all cores; every snapshot customer is a row.
    /// - Parameter before: when given, only orders dated before this day count (a training
    ///   period; customers without such orders get empty rows).
    /// - Complexity: O(lines + entries · log(row length)).
    public init(snapshot: CustomerSnapshot, before: CalendarDay? = nil) {
        let limit = before?.dayNumber ?? Int32.max
        let order = ItemIDOrder(ids: snapshot.itemIDs)
        let customers = snapshot.customerCount
        let pieces = customers < 16_384 ? 1 : 16
        let rows = ParallelLoop.map(pieces) { piece in
            RowPiece(
                snapshot: snapshot, customers: (customers * piece / pieces)..<(customers * (piece + 1) / pieces),
                rank: order.rank, limit: limit)
        }
        self.init(customerCount: customers, itemCount: snapshot.itemCount, pieces: rows, itemOrder: order)
    }

    /// A matrix from lists of bought item indices, one list per customer; an item listed k
    /// times has count k. Ties are broken by item index.
    /// - Throws: ``RecommendationError`` `.unknownIndex` for an item outside `0..<itemCount`.
    public init(purchases: [[Int]], itemCount: Int) throws(RecommendationError) {
        guard itemCount >= 0, itemCount <= Int(Int32.max) else {
            throw RecommendationError(.invalidParameter, "itemCount must be in 0...\(Int32.max), not \(itemCount)")
        }
        var piece = RowPiece()
        for (u, list) in purchases.enumerated() {
            var counts: [Int: Int32] = [:]
            for item in list {
                guard item >= 0, item < itemCount else {
                    throw RecommendationError(.unknownIndex, "customer \(u) bought item \(item), not in 0..<\(itemCount)")
                }
                counts[item, default: 0] += 1
            }
            for (item, count) in counts.sorted(by: { $0.key < $1.key }) {
                piece.items.append(Int32(item))
                piece.counts.append(count)
            }
            piece.ends.append(piece.items.count)
        }
        self.init(customerCount: purchases.count, itemCount: itemCount, pieces: [piece], itemOrder: ItemIDOrder(identityOf: itemCount))
    }

    private init(customerCount: Int, itemCount: Int, pieces: [RowPiece], itemOrder: ItemIDOrder) {
        var offsets = [Int]()
        offsets.reserveCapacity(customerCount + 1)
        offsets.append(0)
        let total = pieces.reduce(0) { $0 + $1.items.count }
        var items = [Int32]()
        var counts = [Int32]()
        items.reserveCapacity(total)
        counts.reserveCapacity(total)
        for piece in pieces {
            let base = items.count
            for end in piece.ends { offsets.append(base + end) }
            items.append(contentsOf: piece.items)
            counts.append(contentsOf: piece.counts)
        }
        self.customerCount = customerCount
        self.itemCount = itemCount
        self.rowOffsets = offsets
        self.rowItems = items
        self.rowCounts = counts
        self.itemOrder = itemOrder
        (columnOffsets, columnCustomers, columnCounts) = Self.transpose(
            rowOffsets: offsets, rowItems: items, rowCounts: counts, itemCount: itemCount)
    }

    /// The items customer `index` bought, in id order.
    public func items(ofCustomer index: Int) -> ArraySlice<Int32> {
        rowItems[rowOffsets[index]..<rowOffsets[index + 1]]
    }

    /// The customers who bought item `index`, in index order.
    public func customers(ofItem index: Int) -> ArraySlice<Int32> {
        columnCustomers[columnOffsets[index]..<columnOffsets[index + 1]]
    }

    /// x[u, i], or 0 when customer u never bought item i.
    /// - Complexity: O(row length).
    public func count(customer: Int, item: Int) -> Int {
        for k in rowOffsets[customer]..<rowOffsets[customer + 1] where rowItems[k] == Int32(item) { return Int(rowCounts[k]) }
        return 0
    }

    /// The column-oriented copy: a counting sort of the entries by item, in parallel slices of
    /// customers (each slice writes its own positions, so customers stay in order).
    private static func transpose(
        rowOffsets: [Int], rowItems: [Int32], rowCounts: [Int32], itemCount: Int
    ) -> (offsets: [Int], customers: [Int32], counts: [Int32]) {
        let customerCount = rowOffsets.count - 1
        let pieces = rowItems.count < 1 << 18 ? 1 : 8
        let bounds = (0...pieces).map { customerCount * $0 / pieces }
        let perPiece = ParallelLoop.map(pieces) { piece in
            var counts = [Int](repeating: 0, count: itemCount)
            for k in rowOffsets[bounds[piece]]..<rowOffsets[bounds[piece + 1]] { counts[Int(rowItems[k])] += 1 }
            return counts
        }
        var offsets = [Int](repeating: 0, count: itemCount + 1)
        var starts = [[Int]](repeating: [], count: pieces)
        for p in 0..<pieces { starts[p] = [Int](repeating: 0, count: itemCount) }
        var running = 0
        for i in 0..<itemCount {
            offsets[i] = running
            for p in 0..<pieces {
                starts[p][i] = running
                running += perPiece[p][i]
            }
        }
        offsets[itemCount] = running
        var customers = [Int32](repeating: 0, count: running)
        var values = [Int32](repeating: 0, count: running)
        customers.withUnsafeMutableBufferPointer { customersOut in
            values.withUnsafeMutableBufferPointer { valuesOut in
                let target = TransposeTarget(customers: customersOut.baseAddress, values: valuesOut.baseAddress)
                ParallelLoop.forEach(pieces) { piece in
                    var next = starts[piece]
                    for u in bounds[piece]..<bounds[piece + 1] {
                        for k in rowOffsets[u]..<rowOffsets[u + 1] {
                            let item = Int(rowItems[k])
                            target.customers?[next[item]] = Int32(u)
                            target.values?[next[item]] = rowCounts[k]
                            next[item] += 1
                        }
                    }
                }
            }
        }
        return (offsets, customers, values)
    }
}

/// Where the transpose writes; each slice of customers writes only the positions its own
/// counts reserved, so the slices never touch the same element.
private struct TransposeTarget: @unchecked Sendable {
    let customers: UnsafeMutablePointer<Int32>?
    let values: UnsafeMutablePointer<Int32>?
}

/// The rows of one contiguous range of customers, built by one thread.
private struct RowPiece {
    var ends: [Int] = []
    var items: [Int32] = []
    var counts: [Int32] = []

    init() {}

    init(snapshot: CustomerSnapshot, customers: Range<Int>, rank: [Int32], limit: Int32) {
        ends.reserveCapacity(customers.count)
        // A dense tally per item, reset through the list of items touched by the customer.
        var tally = [Int32](repeating: 0, count: snapshot.itemCount)
        var touched: [Int32] = []
        for c in customers {
            for o in snapshot.customerOrderOffsets[c]..<snapshot.customerOrderOffsets[c + 1] where snapshot.orderDays[o] < limit {
                for line in snapshot.orderLineStarts[o]..<snapshot.orderLineEnds[o] {
                    let item = snapshot.lineItems[line]
                    if tally[Int(item)] == 0 { touched.append(item) }
                    tally[Int(item)] += 1
                }
            }
            touched.sort { rank[Int($0)] < rank[Int($1)] }
            for item in touched {
                items.append(item)
                counts.append(tally[Int(item)])
                tally[Int(item)] = 0
            }
            touched.removeAll(keepingCapacity: true)
            ends.append(items.count)
        }
    }
}
