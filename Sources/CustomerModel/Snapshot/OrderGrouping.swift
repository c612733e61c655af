/// The per-customer step of the snapshot assembly: rows of one customer become orders
/// (by order id), orders are sorted by day (ties in input order), lines grouped by order.
/// Runs in parallel over contiguous customer ranges of about equal row counts.
enum OrderGrouping {
    struct Output {
        var customerOrderOffsets: [Int] = [0]
        var orderDays: [Int32] = []
        var orderIDIndex: [Int32] = []
        var orderLineOffsets: [Int] = [0]
        var lineItems: [Int32] = []
        var lineQuantities: [Int32] = []
        var lineAmounts: [Int64] = []
        var rejections: [ImportRejection] = []
    }

    /// Above this many orders a customer's orders are found through a dictionary, not a scan.
    private static let linearScanLimit = 16

    static func run(
        grouped: SnapshotAssembly.GroupedRows, runTable: ByteStringTable, runHashes: [UInt64],
        customerCount: Int, parallelism: Int
    ) -> Output {
        let offsets = grouped.customerRowOffsets
        let totalRows = offsets[customerCount]
        // Customer ranges with about equal numbers of rows.
        var bounds = [0]
        let pieces = totalRows < 100_000 ? 1 : parallelism
        for piece in 1..<max(1, pieces) {
            let targetRow = totalRows * piece / pieces
            var low = bounds.last ?? 0
            var high = customerCount
            while low < high {
                let mid = (low + high) / 2
                if offsets[mid] < targetRow { low = mid + 1 } else { high = mid }
            }
            bounds.append(low)
        }
        bounds.append(customerCount)
        let rangeCount = bounds.count - 1
        let ranges = (0..<rangeCount).map { bounds[$0]..<bounds[$0 + 1] }
        let outputs = ParallelLoop.map(rangeCount) { index in
            group(customers: ranges[index], grouped: grouped, runTable: runTable, runHashes: runHashes)
        }
        if rangeCount == 1 { return outputs[0] }
        return concatenate(outputs)
    }

    private static func group(
        customers: Range<Int>, grouped: SnapshotAssembly.GroupedRows, runTable: ByteStringTable, runHashes: [UInt64]
    ) -> Output {
        var out = Output()
        let offsets = grouped.customerRowOffsets
        let rowCount = offsets[customers.upperBound] - offsets[customers.lowerBound]
        out.customerOrderOffsets.reserveCapacity(customers.count + 1)
        out.orderDays.reserveCapacity(rowCount / 2)
        out.orderIDIndex.reserveCapacity(rowCount / 2)
        out.orderLineOffsets.reserveCapacity(rowCount / 2)
        out.lineItems.reserveCapacity(rowCount)
        out.lineQuantities.reserveCapacity(rowCount)
        out.lineAmounts.reserveCapacity(rowCount)

        // Per-customer scratch, reused.
        var orderRun: [Int32] = []
        var orderDay: [Int32] = []
        var orderLines: [Int] = []
        var rowOrder: [Int32] = []
        var lookup: [UInt64: [Int32]] = [:]
        var sortedOrders: [Int] = []
        var lineStart: [Int] = []

        for customer in customers {
            let rows = offsets[customer]..<offsets[customer + 1]
            orderRun.removeAll(keepingCapacity: true)
            orderDay.removeAll(keepingCapacity: true)
            orderLines.removeAll(keepingCapacity: true)
            rowOrder.removeAll(keepingCapacity: true)
            if !lookup.isEmpty { lookup.removeAll(keepingCapacity: true) }
            var previousRun: Int32 = -1
            var previousOrder: Int32 = -1
            for row in rows {
                let run = grouped.run[row]
                var order = previousOrder
                if run != previousRun {
                    order = findOrder(
                        run: run, orderRun: orderRun, lookup: &lookup, runTable: runTable, runHashes: runHashes)
                    if order < 0 {
                        order = Int32(orderRun.count)
                        orderRun.append(run)
                        orderDay.append(grouped.day[row])
                        orderLines.append(0)
                        if orderRun.count > linearScanLimit {
                            if orderRun.count == linearScanLimit + 1 {
                                for (k, r) in orderRun.enumerated() { lookup[runHashes[Int(r)], default: []].append(Int32(k)) }
                            } else {
                                lookup[runHashes[Int(run)], default: []].append(order)
                            }
                        }
                    }
                    previousRun = run
                    previousOrder = order
                }
                if grouped.day[row] != orderDay[Int(order)] {
                    out.rejections.append(conflict(
                        row: row, order: orderRun[Int(order)], orderDay: orderDay[Int(order)], grouped: grouped, runTable: runTable))
                    rowOrder.append(-1)
                    continue
                }
                rowOrder.append(order)
                orderLines[Int(order)] += 1
            }
            emit(
                rows: rows, orderRun: orderRun, orderDay: orderDay, orderLines: orderLines, rowOrder: rowOrder,
                grouped: grouped, sortedOrders: &sortedOrders, lineStart: &lineStart, into: &out)
        }
        return out
    }

    /// The customer's order with the same order id as `run`, or -1.
    @inline(__always)
    private static func findOrder(
        run: Int32, orderRun: [Int32], lookup: inout [UInt64: [Int32]], runTable: ByteStringTable, runHashes: [UInt64]
    ) -> Int32 {
        let hash = runHashes[Int(run)]
        @inline(__always) func same(_ other: Int32) -> Bool {
            runHashes[Int(other)] == hash
                && runTable.withBytes(at: Int(other)) { a in runTable.withBytes(at: Int(run)) { b in ByteHashing.equal(a, b) } }
        }
        if orderRun.count <= linearScanLimit {
            for (k, other) in orderRun.enumerated() where same(other) { return Int32(k) }
            return -1
        }
        for k in lookup[hash] ?? [] where same(orderRun[Int(k)]) { return k }
        return -1
    }

    /// Appends one customer's orders (sorted by day, stable) and their lines.
    @inline(__always)
    private static func emit(
        rows: Range<Int>, orderRun: [Int32], orderDay: [Int32], orderLines: [Int], rowOrder: [Int32],
        grouped: SnapshotAssembly.GroupedRows, sortedOrders: inout [Int], lineStart: inout [Int], into out: inout Output
    ) {
        let count = orderRun.count
        sortedOrders.removeAll(keepingCapacity: true)
        sortedOrders.append(contentsOf: 0..<count)
        var isSorted = true
        for k in 1..<max(1, count) where orderDay[k] < orderDay[k - 1] {
            isSorted = false
            break
        }
        if !isSorted { sortedOrders.sort { (orderDay[$0], $0) < (orderDay[$1], $1) } }
        // Where each order's lines start, in emitted order.
        lineStart.removeAll(keepingCapacity: true)
        lineStart.append(contentsOf: repeatElement(0, count: count))
        var next = out.lineItems.count
        for k in sortedOrders {
            lineStart[k] = next
            next += orderLines[k]
            out.orderDays.append(orderDay[k])
            out.orderIDIndex.append(orderRun[k])
            out.orderLineOffsets.append(next)
        }
        let base = out.lineItems.count
        let kept = next - base
        out.lineItems.append(contentsOf: repeatElement(0, count: kept))
        out.lineQuantities.append(contentsOf: repeatElement(0, count: kept))
        out.lineAmounts.append(contentsOf: repeatElement(0, count: kept))
        for (offset, row) in rows.enumerated() {
            let order = Int(rowOrder[offset])
            guard order >= 0 else { continue }
            let target = lineStart[order]
            lineStart[order] = target + 1
            out.lineItems[target] = grouped.item[row]
            out.lineQuantities[target] = grouped.quantity[row]
            out.lineAmounts[target] = grouped.amount[row]
        }
        out.customerOrderOffsets.append(out.orderDays.count)
    }

    private static func conflict(
        row: Int, order run: Int32, orderDay: Int32, grouped: SnapshotAssembly.GroupedRows, runTable: ByteStringTable
    ) -> ImportRejection {
        ImportRejection(
            line: grouped.line[row], column: "date", reason: .conflictingOrderDate,
            message: "order \(runTable[Int(run)]) is dated \(CalendarDay(dayNumber: orderDay)) on an earlier line, \(CalendarDay(dayNumber: grouped.day[row])) here")
    }

    /// Joins the outputs of consecutive customer ranges.
    private static func concatenate(_ parts: [Output]) -> Output {
        var out = Output()
        let orders = parts.reduce(0) { $0 + $1.orderDays.count }
        let lines = parts.reduce(0) { $0 + $1.lineItems.count }
        out.orderDays.reserveCapacity(orders)
        out.orderIDIndex.reserveCapacity(orders)
        out.orderLineOffsets.reserveCapacity(orders + 1)
        out.lineItems.reserveCapacity(lines)
        out.lineQuantities.reserveCapacity(lines)
        out.lineAmounts.reserveCapacity(lines)
        for part in parts {
            let orderBase = out.orderDays.count
            let lineBase = out.lineItems.count
            out.customerOrderOffsets.append(contentsOf: part.customerOrderOffsets.dropFirst().lazy.map { $0 + orderBase })
            out.orderLineOffsets.append(contentsOf: part.orderLineOffsets.dropFirst().lazy.map { $0 + lineBase })
            out.orderDays.append(contentsOf: part.orderDays)
            out.orderIDIndex.append(contentsOf: part.orderIDIndex)
            out.lineItems.append(contentsOf: part.lineItems)
            out.lineQuantities.append(contentsOf: part.lineQuantities)
            out.lineAmounts.append(contentsOf: part.lineAmounts)
            out.rejections.append(contentsOf: part.rejections)
        }
        return out
    }
}
