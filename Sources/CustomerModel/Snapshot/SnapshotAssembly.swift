import Dispatch

/// Turns the row columns of the segment parsers into a ``CustomerSnapshot``.
///
/// 1. Merges the parsers' customer and item tables; indices follow first appearance in the input.
/// 2. Groups rows by customer with a counting sort that walks segments in input order.
/// 3. Per customer (in parallel over customer ranges): finds orders by order id, sorts them by
///    day, groups lines by order, and rejects lines whose date conflicts with their order's.
struct SnapshotAssembly {
    let parsers: [SnapshotSegmentParser]
    let currency: Currency
    let firstLineOfSegments: [Int]
    let parallelism: Int

    init(parsers: [SnapshotSegmentParser], currency: Currency, firstLineOfSegments: [Int], parallelism: Int) {
        self.parsers = parsers
        self.currency = currency
        self.firstLineOfSegments = firstLineOfSegments
        self.parallelism = parallelism
    }

    func assemble() -> (snapshot: CustomerSnapshot, report: ImportReport) {
        var report = ImportReport()
        var rejections: [ImportRejection] = []
        for parser in parsers {
            report.rowsRead += parser.rowsRead
            for (segment, line, rejection) in parser.rejections {
                var fixed = rejection
                fixed.line = firstLineOfSegments[segment] + line
                rejections.append(fixed)
            }
        }
        guard !parsers.isEmpty else {
            let empty = CustomerSnapshot(
                currency: currency, customerIDs: ByteStringTable(), itemIDs: ByteStringTable(),
                customerOrderOffsets: [0], orderDays: [], orderLineOffsets: [0], lineItems: [],
                lineQuantities: [], lineAmounts: [], orderIDIndex: [], orderIDTable: ByteStringTable())
            return (empty, report)
        }

        let (customerIDs, customerMaps) = Self.mergeTables(parsers.map { ($0.customers.strings, $0.customers.hashes, $0.customerFirstSeen) })
        let (itemIDs, itemMaps) = Self.mergeTables(parsers.map { ($0.items.strings, $0.items.hashes, $0.itemFirstSeen) })

        // Order-id runs of all parsers in one table.
        var runTable = ByteStringTable()
        var runHashes: [UInt64] = []
        var runOffsets: [Int32] = []
        runTable.reserveCapacity(
            strings: parsers.reduce(0) { $0 + $1.runIDs.count }, bytes: parsers.reduce(0) { $0 + $1.runIDs.bytes.count })
        for parser in parsers {
            runOffsets.append(Int32(runHashes.count))
            runHashes.append(contentsOf: parser.runHashes)
            for run in 0..<parser.runIDs.count { parser.runIDs.withBytes(at: run) { runTable.append(buffer: $0) } }
        }

        let grouped = groupRowsByCustomer(
            customerCount: customerIDs.count, customerMaps: customerMaps, itemMaps: itemMaps, runOffsets: runOffsets)
        for parser in parsers { parser.releaseRows() }

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
        var offsets = [Int](repeating: 0, count: customerCount + 1)
        for (p, parser) in parsers.enumerated() {
            let map = customerMaps[p]
            for local in parser.rowCustomer { offsets[Int(map[Int(local)]) + 1] += 1 }
        }
        for c in 0..<customerCount { offsets[c + 1] += offsets[c] }
        let rowCount = offsets[customerCount]
        var cursor = offsets
        var grouped = GroupedRows(
            customerRowOffsets: offsets,
            run: [Int32](repeating: 0, count: rowCount), day: [Int32](repeating: 0, count: rowCount),
            item: [Int32](repeating: 0, count: rowCount), quantity: [Int32](repeating: 0, count: rowCount),
            amount: [Int64](repeating: 0, count: rowCount), line: [Int](repeating: 0, count: rowCount))
        // Segments in input order, so rows of a customer keep input order.
        var segments: [(segment: Int, parser: Int, rowStart: Int, rowEnd: Int)] = []
        for (p, parser) in parsers.enumerated() {
            for s in parser.segments { segments.append((s.segment, p, s.rowStart, s.rowEnd)) }
        }
        segments.sort { $0.segment < $1.segment }
        for segment in segments {
            let parser = parsers[segment.parser]
            let customerMap = customerMaps[segment.parser]
            let itemMap = itemMaps[segment.parser]
            let runOffset = runOffsets[segment.parser]
            let lineBase = firstLineOfSegments[segment.segment]
            for row in segment.rowStart..<segment.rowEnd {
                let customer = Int(customerMap[Int(parser.rowCustomer[row])])
                let target = cursor[customer]
                cursor[customer] = target + 1
                grouped.run[target] = parser.rowRun[row] + runOffset
                grouped.day[target] = parser.rowDay[row]
                grouped.item[target] = itemMap[Int(parser.rowItem[row])]
                grouped.quantity[target] = parser.rowQuantity[row]
                grouped.amount[target] = parser.rowAmount[row]
                grouped.line[target] = lineBase + Int(parser.rowLine[row])
            }
        }
        return grouped
    }
}
