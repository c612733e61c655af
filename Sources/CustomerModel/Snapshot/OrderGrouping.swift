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

    /// Where a range writes: the final order columns, at positions from the range's first
    /// run on (a range never has more orders than runs).
    private struct Columns {
        let days: UnsafeMutablePointer<Int32>
        let ids: UnsafeMutablePointer<Int32>
        let starts: UnsafeMutablePointer<Int>
        let ends: UnsafeMutablePointer<Int>
        let customerOrders: UnsafeMutablePointer<Int32>
    }

    /// What a range reports besides the orders it wrote.
    private struct RangeResult {
        var orders = 0
        /// Lines of orders whose runs were apart, copied together; those orders' line ranges
        /// are stored as `-(offset + 1)` into these until the final fix-up.
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
        guard total > 0 else {
            var empty = Output()
            empty.customerOrderOffsets = offsets
            empty.lineItems = lines.item
            empty.lineQuantities = lines.quantity
            empty.lineAmounts = lines.amount
            return empty
        }
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

        var days = [Int32](repeating: 0, count: total)
        var ids = [Int32](repeating: 0, count: total)
        var starts = [Int](repeating: 0, count: total)
        var ends = [Int](repeating: 0, count: total)
        var customerOrders = [Int32](repeating: 0, count: customerCount)
        let results: [RangeResult] = days.withUnsafeMutableBufferPointer { days in
            ids.withUnsafeMutableBufferPointer { ids in
                starts.withUnsafeMutableBufferPointer { starts in
                    ends.withUnsafeMutableBufferPointer { ends in
                        customerOrders.withUnsafeMutableBufferPointer { customerOrders in
                            customerRuns.runs.withUnsafeBufferPointer { grouped in
                                // total > 0, so every column has storage.
                                guard let days = days.baseAddress, let ids = ids.baseAddress,
                                      let starts = starts.baseAddress, let ends = ends.baseAddress,
                                      let customerOrders = customerOrders.baseAddress
                                else { return [] }
                                let columns = Columns(
                                    days: days, ids: ids, starts: starts, ends: ends, customerOrders: customerOrders)
                                return ParallelLoop.map(ranges.count) { index in
                                    group(customers: ranges[index], offsets: offsets, grouped: grouped, runs: runs,
                                          lines: lines, into: columns)
                                }
                            }
                        }
                    }
                }
            }
        }

        var out = Output()
        out.keptLines = results.reduce(0) { $0 + $1.keptLines }
        out.rejections = results.flatMap(\.rejections)
        let complete = zip(ranges, results).allSatisfy { offsets[$0.upperBound] - offsets[$0.lowerBound] == $1.orders }
        if complete {
            out.customerOrderOffsets = offsets
        } else {
            // Some runs joined earlier orders or were rejected: close the gaps.
            var write = 0
            for (range, result) in zip(ranges, results) {
                let read = offsets[range.lowerBound]
                if read != write {
                    for k in 0..<result.orders {
                        days[write + k] = days[read + k]
                        ids[write + k] = ids[read + k]
                        starts[write + k] = starts[read + k]
                        ends[write + k] = ends[read + k]
                    }
                }
                write += result.orders
            }
            days.removeLast(total - write)
            ids.removeLast(total - write)
            starts.removeLast(total - write)
            ends.removeLast(total - write)
            var offsetsOut = [Int](repeating: 0, count: customerCount + 1)
            for c in 0..<customerCount { offsetsOut[c + 1] = offsetsOut[c] + Int(customerOrders[c]) }
            out.customerOrderOffsets = offsetsOut
        }
        out.lineItems = lines.item
        out.lineQuantities = lines.quantity
        out.lineAmounts = lines.amount
        if results.contains(where: { !$0.extra.item.isEmpty }) {
            // Orders whose runs were apart: their lines go after the shared ones. Ranges
            // wrote their orders in range order, so the k-th range's extra lines are next.
            var order = 0
            for result in results {
                let base = out.lineItems.count
                out.lineItems.append(contentsOf: result.extra.item)
                out.lineQuantities.append(contentsOf: result.extra.quantity)
                out.lineAmounts.append(contentsOf: result.extra.amount)
                for o in order..<(order + result.orders) where starts[o] < 0 {
                    starts[o] = base + (-starts[o] - 1)
                    ends[o] = base + (-ends[o] - 1)
                }
                order += result.orders
            }
        }
        out.orderDays = days
        out.orderIDIndex = ids
        out.orderLineStarts = starts
        out.orderLineEnds = ends
        return out
    }

    private static func group(
        customers: Range<Int>, offsets: [Int], grouped: UnsafeBufferPointer<GroupedRun>, runs: RunTable,
        lines: LineColumns, into columns: Columns
    ) -> RangeResult {
        var result = RangeResult()
        var next = offsets[customers.lowerBound]
        let first = next
        @inline(__always) func write(_ run: GroupedRun) {
            columns.days[next] = run.day
            columns.ids[next] = run.run
            columns.starts[next] = run.lineStart
            columns.ends[next] = run.lineEnd
            result.keptLines += run.lineEnd - run.lineStart
            next += 1
        }
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
                for position in start..<end { write(grouped[position]) }
                columns.customerOrders[customer] = Int32(end - start)
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
                    let firstRun = grouped[orderFirst[k]]
                    if firstRun.day != run.day {
                        reject(run: Int(run.run), orderDay: firstRun.day, runDay: run.day, runs: runs, into: &result)
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
                    write(grouped[orderFirst[k]])
                } else {
                    members.removeAll(keepingCapacity: true)
                    members.append(grouped[orderFirst[k]])
                    for (order, position) in joined where order == k { members.append(grouped[position]) }
                    let extraStart = result.extra.item.count
                    for member in members {
                        let range = member.lineStart..<member.lineEnd
                        result.extra.item.append(contentsOf: lines.item[range])
                        result.extra.quantity.append(contentsOf: lines.quantity[range])
                        result.extra.amount.append(contentsOf: lines.amount[range])
                    }
                    columns.days[next] = members[0].day
                    columns.ids[next] = members[0].run
                    columns.starts[next] = -(extraStart + 1)
                    columns.ends[next] = -(result.extra.item.count + 1)
                    result.keptLines += result.extra.item.count - extraStart
                    next += 1
                }
            }
            columns.customerOrders[customer] = Int32(orderFirst.count)
        }
        result.orders = next - first
        return result
    }

    /// Whether two runs have the same order id.
    @inline(__always)
    private static func sameOrderID(_ a: GroupedRun, _ b: GroupedRun, runs: RunTable) -> Bool {
        a.hash == b.hash
            && runs.ids.withBytes(at: Int(a.run)) { x in runs.ids.withBytes(at: Int(b.run)) { y in ByteHashing.equal(x, y) } }
    }

    private static func reject(run: Int, orderDay: Int32, runDay: Int32, runs: RunTable, into result: inout RangeResult) {
        for line in runs.lineNumbers(run) {
            result.rejections.append(ImportRejection(
                line: line, column: "date", reason: .conflictingOrderDate,
                message: "order \(runs.ids[run]) is dated \(CalendarDay(dayNumber: orderDay)) on an earlier line, \(CalendarDay(dayNumber: runDay)) here"))
        }
    }
}
