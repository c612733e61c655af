/// The per-customer step of the snapshot assembly: a customer's runs become orders (by order
/// id), orders are sorted by day (ties in input order), and lines of a run whose order was
/// dated differently on an earlier line are rejected. Runs in parallel over contiguous
/// customer ranges of about equal run counts.
enum OrderGrouping {
    struct Output {
        var customerOrderOffsets: [Int] = [0]
        var orderDays: [Int32] = []
        var orderIDIndex: [Int32] = []
        var orderLineStarts: [Int] = []
        var orderLineEnds: [Int] = []
        var lineItems: [Int32] = []
        var lineQuantities: [Int32] = []
        var lineAmounts: [Int64] = []
        var rejections: [ImportRejection] = []
        var keptLines = 0
    }

    /// A range's orders, whose lines are either in the shared line columns or, when an
    /// order's runs were apart, copied together into the range's own extra lines.
    private struct Part {
        var customerOrderCounts: [Int32] = []
        var orderDays: [Int32] = []
        var orderIDIndex: [Int32] = []
        var orderLineStarts: [Int] = []
        var orderLineEnds: [Int] = []
        /// Whether each order's range is in `extra` (true) or in the shared columns.
        var orderIsExtra: [Bool] = []
        var extra = LineColumns()
        var rejections: [ImportRejection] = []
        var keptLines = 0
    }

    static func run(
        customerRuns: (offsets: [Int], runs: [GroupedRun]), runs: RunTable, lines: LineColumns,
        customerCount: Int, parallelism: Int
    ) -> Output {
        let offsets = customerRuns.offsets
        let total = offsets[customerCount]
        let pieces = total < 100_000 ? 1 : parallelism
        var bounds = [0]
        for piece in 1..<max(1, pieces) {
            let target = total * piece / pieces
            var low = bounds.last ?? 0
            var high = customerCount
            while low < high {
                let mid = (low + high) / 2
                if offsets[mid] < target { low = mid + 1 } else { high = mid }
            }
            bounds.append(low)
        }
        bounds.append(customerCount)
        let ranges = (0..<(bounds.count - 1)).map { bounds[$0]..<bounds[$0 + 1] }
        let parts = customerRuns.runs.withUnsafeBufferPointer { grouped in
            ParallelLoop.map(ranges.count) { index in
                group(customers: ranges[index], offsets: offsets, grouped: grouped, runs: runs, lines: lines)
            }
        }
        return combine(parts, lines: lines)
    }

    private static func group(
        customers: Range<Int>, offsets: [Int], grouped: UnsafeBufferPointer<GroupedRun>, runs: RunTable, lines: LineColumns
    ) -> Part {
        var part = Part()
        let runCount = offsets[customers.upperBound] - offsets[customers.lowerBound]
        part.customerOrderCounts.reserveCapacity(customers.count)
        part.orderDays.reserveCapacity(runCount)
        part.orderIDIndex.reserveCapacity(runCount)
        part.orderLineStarts.reserveCapacity(runCount)
        part.orderLineEnds.reserveCapacity(runCount)
        part.orderIsExtra.reserveCapacity(runCount)
        // Per-customer scratch, reused. Order k's first run is at grouped position
        // orderFirst[k]; runs joining an earlier order (rare: its lines were apart in the
        // input) are listed in `joined`.
        var orderFirst: [Int] = []
        var joined: [(order: Int, position: Int)] = []
        var sorted: [Int] = []
        var members: [GroupedRun] = []
        // For customers with many orders: order-id hash to orders, so finding is not quadratic.
        var lookup: [UInt64: [Int]] = [:]
        for customer in customers {
            let start = offsets[customer]
            let end = offsets[customer + 1]
            if end - start == 1 || (end - start == 2 && grouped[start].hash != grouped[start + 1].hash
                && grouped[start].day <= grouped[start + 1].day) {
                // The common cases: every run is its own order, already in day order.
                for position in start..<end { append(grouped[position], to: &part) }
                part.customerOrderCounts.append(Int32(end - start))
                continue
            }
            orderFirst.removeAll(keepingCapacity: true)
            joined.removeAll(keepingCapacity: true)
            let useLookup = end - start > 16
            if useLookup { lookup.removeAll(keepingCapacity: true) }
            for position in start..<end {
                let run = grouped[position]
                var found: Int? = nil
                if useLookup {
                    for k in lookup[run.hash] ?? [] where sameOrderID(grouped[orderFirst[k]], run, runs: runs) {
                        found = k
                        break
                    }
                } else {
                    for k in orderFirst.indices where sameOrderID(grouped[orderFirst[k]], run, runs: runs) {
                        found = k
                        break
                    }
                }
                if let k = found {
                    let first = grouped[orderFirst[k]]
                    if first.day != run.day {
                        reject(run: Int(run.run), orderDay: first.day, runDay: run.day, runs: runs, into: &part)
                    } else {
                        joined.append((k, position))
                    }
                } else {
                    if useLookup { lookup[run.hash, default: []].append(orderFirst.count) }
                    orderFirst.append(position)
                }
            }
            sorted.removeAll(keepingCapacity: true)
            sorted.append(contentsOf: orderFirst.indices)
            var inOrder = true
            for k in 1..<max(1, orderFirst.count) where grouped[orderFirst[k - 1]].day > grouped[orderFirst[k]].day {
                inOrder = false
                break
            }
            if !inOrder {
                sorted.sort { (grouped[orderFirst[$0]].day, $0) < (grouped[orderFirst[$1]].day, $1) }
            }
            for k in sorted {
                if joined.isEmpty || !joined.contains(where: { $0.order == k }) {
                    append(grouped[orderFirst[k]], to: &part)
                } else {
                    members.removeAll(keepingCapacity: true)
                    members.append(grouped[orderFirst[k]])
                    for (order, position) in joined where order == k { members.append(grouped[position]) }
                    appendJoined(members, to: &part, lines: lines)
                }
            }
            part.customerOrderCounts.append(Int32(orderFirst.count))
        }
        return part
    }

    /// Whether two runs have the same order id.
    @inline(__always)
    private static func sameOrderID(_ a: GroupedRun, _ b: GroupedRun, runs: RunTable) -> Bool {
        a.hash == b.hash
            && runs.ids.withBytes(at: Int(a.run)) { x in runs.ids.withBytes(at: Int(b.run)) { y in ByteHashing.equal(x, y) } }
    }

    @inline(__always)
    private static func append(_ run: GroupedRun, to part: inout Part) {
        part.orderDays.append(run.day)
        part.orderIDIndex.append(run.run)
        part.orderLineStarts.append(run.lineStart)
        part.orderLineEnds.append(run.lineEnd)
        part.orderIsExtra.append(false)
        part.keptLines += run.lineEnd - run.lineStart
    }

    /// An order whose lines were in several runs: its lines are copied together.
    private static func appendJoined(_ members: [GroupedRun], to part: inout Part, lines: LineColumns) {
        let start = part.extra.item.count
        for member in members {
            let range = member.lineStart..<member.lineEnd
            part.extra.item.append(contentsOf: lines.item[range])
            part.extra.quantity.append(contentsOf: lines.quantity[range])
            part.extra.amount.append(contentsOf: lines.amount[range])
        }
        part.orderDays.append(members[0].day)
        part.orderIDIndex.append(members[0].run)
        part.orderLineStarts.append(start)
        part.orderLineEnds.append(part.extra.item.count)
        part.orderIsExtra.append(true)
        part.keptLines += part.extra.item.count - start
    }

    private static func reject(run: Int, orderDay: Int32, runDay: Int32, runs: RunTable, into part: inout Part) {
        for line in runs.lineNumbers(run) {
            part.rejections.append(ImportRejection(
                line: line, column: "date", reason: .conflictingOrderDate,
                message: "order \(runs.ids[run]) is dated \(CalendarDay(dayNumber: orderDay)) on an earlier line, \(CalendarDay(dayNumber: runDay)) here"))
        }
    }

    /// Joins the ranges' parts; extra lines go after the shared columns.
    private static func combine(_ parts: [Part], lines: LineColumns) -> Output {
        var out = Output()
        out.lineItems = lines.item
        out.lineQuantities = lines.quantity
        out.lineAmounts = lines.amount
        let orders = parts.reduce(0) { $0 + $1.orderDays.count }
        out.customerOrderOffsets.reserveCapacity(parts.reduce(1) { $0 + $1.customerOrderCounts.count })
        out.orderDays.reserveCapacity(orders)
        out.orderIDIndex.reserveCapacity(orders)
        out.orderLineStarts.reserveCapacity(orders)
        out.orderLineEnds.reserveCapacity(orders)
        var running = 0
        for part in parts {
            for count in part.customerOrderCounts {
                running += Int(count)
                out.customerOrderOffsets.append(running)
            }
            let extraBase = out.lineItems.count
            out.lineItems.append(contentsOf: part.extra.item)
            out.lineQuantities.append(contentsOf: part.extra.quantity)
            out.lineAmounts.append(contentsOf: part.extra.amount)
            out.orderDays.append(contentsOf: part.orderDays)
            out.orderIDIndex.append(contentsOf: part.orderIDIndex)
            if part.extra.item.isEmpty {
                out.orderLineStarts.append(contentsOf: part.orderLineStarts)
                out.orderLineEnds.append(contentsOf: part.orderLineEnds)
            } else {
                for k in part.orderDays.indices {
                    let shift = part.orderIsExtra[k] ? extraBase : 0
                    out.orderLineStarts.append(part.orderLineStarts[k] + shift)
                    out.orderLineEnds.append(part.orderLineEnds[k] + shift)
                }
            }
            out.rejections.append(contentsOf: part.rejections)
            out.keptLines += part.keptLines
        }
        return out
    }
}
