import Dispatch

/// Turns the row columns of the segment parsers into a ``CustomerSnapshot``.
///
/// 1. Merges the parsers' customer and item tables; indices follow first appearance in the input.
/// 2. Groups rows by customer with a counting sort that walks segments in input order.
/// 3. Per customer (in parallel over customer ranges): finds orders by order id, sorts them by
///    day, groups lines by order, and rejects lines whose date conflicts with their order's.
struct SnapshotAssembly {
    let pool: SegmentParserPool?
    let currency: Currency
    let firstLineOfSegments: [Int]
    let parallelism: Int

    init(pool: SegmentParserPool?, currency: Currency, firstLineOfSegments: [Int], parallelism: Int) {
        self.pool = pool
        self.currency = currency
        self.firstLineOfSegments = firstLineOfSegments
        self.parallelism = parallelism
    }

    func assemble() -> (snapshot: CustomerSnapshot, report: ImportReport) {
        var report = ImportReport()
        guard let pool else {
            let empty = CustomerSnapshot(
                currency: currency, customerIDs: ByteStringTable(), itemIDs: ByteStringTable(),
                customerOrderOffsets: [0], orderDays: [], orderLineOffsets: [0], lineItems: [],
                lineQuantities: [], lineAmounts: [], orderIDIndex: [], orderIDTable: ByteStringTable())
            return (empty, report)
        }
        let parsers = pool.parsers
        let count = pool.count
        var rejections: [ImportRejection] = []
        for p in 0..<count {
            report.rowsRead += parsers[p].rowsRead
            for (segment, line, rejection) in parsers[p].rejections {
                var fixed = rejection
                fixed.line = firstLineOfSegments[segment] + line
                rejections.append(fixed)
            }
        }

        let (customerIDs, customerMaps) = Self.mergeTables((0..<count).map {
            (parsers[$0].customers.strings, parsers[$0].customers.hashes, parsers[$0].customerFirstSeen)
        })
        let (itemIDs, itemMaps) = Self.mergeTables((0..<count).map {
            (parsers[$0].items.strings, parsers[$0].items.hashes, parsers[$0].itemFirstSeen)
        })

        // Order-id runs of all parsers in one table, copied in bulk.
        var runBytes: [UInt8] = []
        var runStringOffsets: [Int] = [0]
        var runHashes: [UInt64] = []
        var runOffsets: [Int32] = []
        for p in 0..<count {
            runOffsets.append(Int32(runHashes.count))
            runHashes.append(contentsOf: parsers[p].runHashes)
            let base = runBytes.count
            runBytes.append(contentsOf: parsers[p].runIDs.bytes)
            runStringOffsets.append(contentsOf: parsers[p].runIDs.offsets.dropFirst().lazy.map { $0 + base })
        }
        let runTable = ByteStringTable(bytes: runBytes, offsets: runStringOffsets)

        let grouped = groupRowsByCustomer(
            customerCount: customerIDs.count, customerMaps: customerMaps, itemMaps: itemMaps, runOffsets: runOffsets)
        for p in 0..<count { parsers[p].releaseRows() }

        let assembled = OrderGrouping.run(
            grouped: grouped, runTable: runTable, runHashes: runHashes, customerCount: customerIDs.count,
            parallelism: parallelism)
        rejections.append(contentsOf: assembled.rejections)
        rejections.sort { $0.line < $1.line }
        report.rejections = rejections
        report.rowsKept = assembled.lineItems.count

        let snapshot = CustomerSnapshot(
            currency: currency, customerIDs: customerIDs, itemIDs: itemIDs,
            customerOrderOffsets: assembled.customerOrderOffsets, orderDays: assembled.orderDays,
            orderLineOffsets: assembled.orderLineOffsets, lineItems: assembled.lineItems,
            lineQuantities: assembled.lineQuantities, lineAmounts: assembled.lineAmounts,
            orderIDIndex: assembled.orderIDIndex, orderIDTable: runTable)
        return (snapshot, report)
    }

    /// Merges per-parser interning tables into one, indexed by first appearance.
    /// Returns the merged strings and, per parser, its local-to-global index map.
    static func mergeTables(_ tables: [(strings: ByteStringTable, hashes: [UInt64], firstSeen: [UInt64])]) -> (ByteStringTable, [[Int32]]) {
        var union = InterningTable(expectedCount: tables.reduce(0) { $0 + $1.hashes.count })
        var unionFirstSeen: [UInt64] = []
        var localToUnion: [[Int32]] = []
        for table in tables {
            var map = [Int32](repeating: 0, count: table.hashes.count)
            table.strings.bytes.withUnsafeBufferPointer { bytes in
                for local in 0..<table.hashes.count {
                    let key = UnsafeBufferPointer(rebasing: bytes[table.strings.offsets[local]..<table.strings.offsets[local + 1]])
                    let (index, isNew) = union.intern(key, hash: table.hashes[local])
                    if isNew {
                        unionFirstSeen.append(table.firstSeen[local])
                    } else if table.firstSeen[local] < unionFirstSeen[Int(index)] {
                        unionFirstSeen[Int(index)] = table.firstSeen[local]
                    }
                    map[local] = index
                }
            }
            localToUnion.append(map)
        }
        let order = RadixSort.ascendingPermutation(of: unionFirstSeen)
        var unionToGlobal = [Int32](repeating: 0, count: order.count)
        let unionStrings = union.takeStrings().strings
        var merged = ByteStringTable()
        merged.reserveCapacity(strings: order.count, bytes: unionStrings.bytes.count)
        unionStrings.bytes.withUnsafeBufferPointer { bytes in
            for (rank, unionIndex) in order.enumerated() {
                unionToGlobal[Int(unionIndex)] = Int32(rank)
                let u = Int(unionIndex)
                merged.append(buffer: UnsafeBufferPointer(rebasing: bytes[unionStrings.offsets[u]..<unionStrings.offsets[u + 1]]))
            }
        }
        let maps = localToUnion.map { map in map.map { unionToGlobal[Int($0)] } }
        return (merged, maps)
    }

    /// Rows grouped by customer, in input order within each customer.
    struct GroupedRows {
        var customerRowOffsets: [Int]
        var run: [Int32]
        var day: [Int32]
        var item: [Int32]
        var quantity: [Int32]
        var amount: [Int64]
        var line: [Int]
    }

    private func groupRowsByCustomer(customerCount: Int, customerMaps: [[Int32]], itemMaps: [[Int32]], runOffsets: [Int32]) -> GroupedRows {
        guard let pool else { return GroupedRows(customerRowOffsets: [0], run: [], day: [], item: [], quantity: [], amount: [], line: []) }
        let parsers = pool.parsers
        var offsets = [Int](repeating: 0, count: customerCount + 1)
        offsets.withUnsafeMutableBufferPointer { offsets in
            for p in 0..<pool.count {
                customerMaps[p].withUnsafeBufferPointer { map in
                    parsers[p].rowCustomer.withUnsafeBufferPointer { rows in
                        for local in rows { offsets[Int(map[Int(local)]) + 1] += 1 }
                    }
                }
            }
            for c in 0..<customerCount { offsets[c + 1] += offsets[c] }
        }
        let rowCount = offsets[customerCount]
        var cursor = offsets
        var run = [Int32](repeating: 0, count: rowCount)
        var day = [Int32](repeating: 0, count: rowCount)
        var item = [Int32](repeating: 0, count: rowCount)
        var quantity = [Int32](repeating: 0, count: rowCount)
        var amount = [Int64](repeating: 0, count: rowCount)
        var line = [Int](repeating: 0, count: rowCount)
        // Segments in input order, so rows of a customer keep input order.
        var segments: [(segment: Int, parser: Int, rowStart: Int, rowEnd: Int)] = []
        for p in 0..<pool.count {
            for s in parsers[p].segments { segments.append((s.segment, p, s.rowStart, s.rowEnd)) }
        }
        segments.sort { $0.segment < $1.segment }
        // Each thread scatters the rows of its own customer range, so writes never overlap.
        let pieces = rowCount < 200_000 ? 1 : parallelism
        let customerBounds = (0...pieces).map { customerCount * $0 / pieces }
        cursor.withUnsafeMutableBufferPointer { cursor in
        run.withUnsafeMutableBufferPointer { run in
        day.withUnsafeMutableBufferPointer { day in
        item.withUnsafeMutableBufferPointer { item in
        quantity.withUnsafeMutableBufferPointer { quantity in
        amount.withUnsafeMutableBufferPointer { amount in
        line.withUnsafeMutableBufferPointer { line in
          ParallelLoop.forEach(pieces) { piece in
            let low = customerBounds[piece]
            let high = customerBounds[piece + 1]
            for segment in segments {
                let p = segment.parser
                let runOffset = runOffsets[p]
                let lineBase = firstLineOfSegments[segment.segment]
                customerMaps[p].withUnsafeBufferPointer { customerMap in
                itemMaps[p].withUnsafeBufferPointer { itemMap in
                parsers[p].rowCustomer.withUnsafeBufferPointer { rowCustomer in
                parsers[p].rowRun.withUnsafeBufferPointer { rowRun in
                parsers[p].rowDay.withUnsafeBufferPointer { rowDay in
                parsers[p].rowItem.withUnsafeBufferPointer { rowItem in
                parsers[p].rowQuantity.withUnsafeBufferPointer { rowQuantity in
                parsers[p].rowAmount.withUnsafeBufferPointer { rowAmount in
                parsers[p].rowLine.withUnsafeBufferPointer { rowLine in
                    for row in segment.rowStart..<segment.rowEnd {
                        let customer = Int(customerMap[Int(rowCustomer[row])])
                        guard customer >= low && customer < high else { continue }
                        let target = cursor[customer]
                        cursor[customer] = target + 1
                        run[target] = rowRun[row] + runOffset
                        day[target] = rowDay[row]
                        item[target] = itemMap[Int(rowItem[row])]
                        quantity[target] = rowQuantity[row]
                        amount[target] = rowAmount[row]
                        line[target] = lineBase + Int(rowLine[row])
                    }
                }}}}}}}}}
            }
          }
        }}}}}}}
        return GroupedRows(
            customerRowOffsets: offsets, run: run, day: day, item: item, quantity: quantity, amount: amount, line: line)
    }
}
