/// Turns the columns of the segment parsers into a ``CustomerSnapshot``.
///
/// 1. Merges the parsers' customer and item tables; indices follow first appearance in the input.
/// 2. Groups runs (consecutive lines of one order) by customer with a counting sort that
///    walks segments in input order.
/// 3. Per customer, in parallel over customer ranges: runs with the same order id become one
///    order (lines copied together when they were apart), orders are sorted by day, and the
///    lines of a run whose order was dated differently earlier are rejected.
struct SnapshotAssembly {
    let pool: SegmentParserPool?
    let currency: Currency
    let firstLineOfSegments: [Int]
    let parallelism: Int

    func assemble() -> (snapshot: CustomerSnapshot, report: ImportReport) {
        var report = ImportReport()
        guard let pool else {
            let empty = CustomerSnapshot(
                currency: currency, customerIDs: ByteStringTable(), itemIDs: ByteStringTable(),
                customerOrderOffsets: [0], orderDays: [], orderLineStarts: [], orderLineEnds: [], lineItems: [],
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
        let (customerIDs, codeToCustomer) = pool.partitions.merged()
        var (itemIDs, itemMaps) = Self.mergeTables(
            first: parsers[0].takeItemTable(), firstSeen: parsers[0].itemFirstSeen,
            others: (1..<count).map { (parsers[$0].items.strings, parsers[$0].items.hashes, parsers[$0].itemFirstSeen) })
        let runs = RunTable(pool: pool, firstLineOfSegments: firstLineOfSegments)
        let customerRuns = groupRunsByCustomer(
            customerCount: customerIDs.count, codeToCustomer: codeToCustomer, runs: runs)
        let lines = concatenateLines(itemMaps: itemMaps)

        var assembled = OrderGrouping.run(
            customerRuns: customerRuns, runs: runs, lines: lines, customerCount: customerIDs.count, parallelism: parallelism)
        if !assembled.rejections.isEmpty {
            // Lines rejected at grouping may have been an item's only appearance.
            Self.dropUnusedItems(&itemIDs, &assembled)
        }
        rejections.append(contentsOf: assembled.rejections)
        rejections.sort { $0.line < $1.line }
        report.rejections = rejections
        report.rowsKept = assembled.keptLines

        let snapshot = CustomerSnapshot(
            currency: currency, customerIDs: customerIDs, itemIDs: itemIDs,
            customerOrderOffsets: assembled.customerOrderOffsets, orderDays: assembled.orderDays,
            orderLineStarts: assembled.orderLineStarts, orderLineEnds: assembled.orderLineEnds,
            lineItems: assembled.lineItems, lineQuantities: assembled.lineQuantities, lineAmounts: assembled.lineAmounts,
            orderIDIndex: assembled.orderIDIndex, orderIDTable: runs.ids)
        return (snapshot, report)
    }

    /// Removes items that no kept line refers to, keeping the others' relative order.
    static func dropUnusedItems(_ itemIDs: inout ByteStringTable, _ assembled: inout OrderGrouping.Output) {
        var used = [Bool](repeating: false, count: itemIDs.count)
        for o in 0..<assembled.orderDays.count {
            for l in assembled.orderLineStarts[o]..<assembled.orderLineEnds[o] { used[Int(assembled.lineItems[l])] = true }
        }
        guard used.contains(false) else { return }
        var newIndex = [Int32](repeating: -1, count: itemIDs.count)
        var kept = ByteStringTable()
        for i in 0..<itemIDs.count where used[i] {
            newIndex[i] = Int32(kept.count)
            itemIDs.withBytes(at: i) { kept.append(buffer: $0) }
        }
        itemIDs = kept
        // Lines outside every order keep -1: they belong to no order and are never reached.
        for l in assembled.lineItems.indices { assembled.lineItems[l] = newIndex[Int(assembled.lineItems[l])] }
    }

    /// Merges per-parser interning tables into one, indexed by first appearance: the others
    /// are added to the first table (which is taken over, not copied). Returns the merged
    /// strings and, per parser, its local-to-global index map.
    static func mergeTables(
        first: consuming InterningTable, firstSeen: [UInt64],
        others: [(strings: ByteStringTable, hashes: [UInt64], firstSeen: [UInt64])]
    ) -> (ByteStringTable, [[Int32]]) {
        var union = first
        var unionFirstSeen = firstSeen
        var localToUnion: [[Int32]] = [(0..<Int32(union.count)).map { $0 }]
        for table in others {
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

    /// All parsers' lines in one set of columns, items mapped to global indices.
    private func concatenateLines(itemMaps: [[Int32]]) -> LineColumns {
        guard let pool else { return LineColumns() }
        let parsers = pool.parsers
        var lines = LineColumns()
        let total = (0..<pool.count).reduce(0) { $0 + parsers[$1].lineItem.count }
        lines.item.reserveCapacity(total)
        lines.quantity.reserveCapacity(total)
        lines.amount.reserveCapacity(total)
        for p in 0..<pool.count {
            let map = itemMaps[p]
            lines.item.append(contentsOf: parsers[p].lineItem.lazy.map { map[Int($0)] })
            lines.quantity.append(contentsOf: parsers[p].lineQuantity)
            lines.amount.append(contentsOf: parsers[p].lineAmount)
            parsers[p].releaseColumns()
        }
        return lines
    }

    /// Runs grouped by customer, in input order within each customer, each with what the
    /// order step needs packed in one record: that step then reads sequentially. Each thread
    /// writes the runs of its own customer range, so writes never overlap.
    private func groupRunsByCustomer(
        customerCount: Int, codeToCustomer: [Int32], runs: RunTable
    ) -> (offsets: [Int], runs: [GroupedRun]) {
        guard let pool else { return ([0], []) }
        let parsers = pool.parsers
        var offsets = [Int](repeating: 0, count: customerCount + 1)
        offsets.withUnsafeMutableBufferPointer { offsets in
            codeToCustomer.withUnsafeBufferPointer { codeToCustomer in
                for p in 0..<pool.count {
                    parsers[p].runCustomer.withUnsafeBufferPointer { runCustomer in
                        for code in runCustomer { offsets[Int(codeToCustomer[Int(code)]) + 1] += 1 }
                    }
                }
            }
            for c in 0..<customerCount { offsets[c + 1] += offsets[c] }
        }
        var cursor = offsets
        let total = offsets[customerCount]
        var segments: [(segment: Int, parser: Int, runStart: Int, runEnd: Int)] = []
        for p in 0..<pool.count {
            for s in parsers[p].segments { segments.append((s.segment, p, s.runStart, s.runEnd)) }
        }
        segments.sort { $0.segment < $1.segment }
        let pieces = total < 200_000 ? 1 : parallelism
        let customerBounds = (0...pieces).map { customerCount * $0 / pieces }
        let grouped = [GroupedRun](unsafeUninitializedCapacity: total) { grouped, initialized in
            guard let target = grouped.baseAddress else { return }
            cursor.withUnsafeMutableBufferPointer { cursor in
                ParallelLoop.forEach(pieces) { piece in
                    let low = customerBounds[piece]
                    let high = customerBounds[piece + 1]
                    for segment in segments {
                        let p = segment.parser
                        let runBase = runs.parserOffsets[p]
                        let lineBase = runs.lineBases[p]
                        let lineCount = parsers[p].lineItem.count
                        codeToCustomer.withUnsafeBufferPointer { codeToCustomer in
                        parsers[p].runCustomer.withUnsafeBufferPointer { runCustomer in
                        parsers[p].runDay.withUnsafeBufferPointer { day in
                        parsers[p].runLineStart.withUnsafeBufferPointer { lineStart in
                        parsers[p].runHashes.withUnsafeBufferPointer { hashes in
                            for local in segment.runStart..<segment.runEnd {
                                let customer = Int(codeToCustomer[Int(runCustomer[local])])
                                guard customer >= low && customer < high else { continue }
                                let end = local + 1 < lineStart.count ? lineStart[local + 1] : lineCount
                                (target + cursor[customer]).initialize(to: GroupedRun(
                                    run: Int32(runBase + local), day: day[local], lineStart: lineBase + lineStart[local],
                                    lineEnd: lineBase + end, hash: hashes[local]))
                                cursor[customer] += 1
                            }
                        }}}}}
                    }
                }
            }
            initialized = total
        }
        return (offsets, grouped)
    }
}

/// One run as the order step reads it (32 bytes: one cache line holds two).
struct GroupedRun {
    var run: Int32
    var day: Int32
    var lineStart: Int
    var lineEnd: Int
    var hash: UInt64
}

/// Line columns of the whole input.
struct LineColumns {
    var item: [Int32] = []
    var quantity: [Int32] = []
    var amount: [Int64] = []
}

/// The runs of all parsers, addressed by a global run index: the order ids in one table,
/// and where each parser's runs and lines start.
struct RunTable {
    /// Global index of each parser's first run.
    var parserOffsets: [Int] = []
    /// Global index of each parser's first line.
    var lineBases: [Int] = []
    /// Order ids by global run index.
    var ids = ByteStringTable()
    private let pool: SegmentParserPool
    private let firstLineOfSegments: [Int]

    init(pool: SegmentParserPool, firstLineOfSegments: [Int]) {
        self.pool = pool
        self.firstLineOfSegments = firstLineOfSegments
        let parsers = pool.parsers
        var bytes: [UInt8] = []
        var offsets = [0]
        var runs = 0
        var lines = 0
        bytes.reserveCapacity((0..<pool.count).reduce(0) { $0 + parsers[$1].runIDs.bytes.count })
        offsets.reserveCapacity((0..<pool.count).reduce(1) { $0 + parsers[$1].runIDs.count })
        for p in 0..<pool.count {
            parserOffsets.append(runs)
            lineBases.append(lines)
            runs += parsers[p].runDay.count
            lines += parsers[p].lineItem.count
            let base = bytes.count
            bytes.append(contentsOf: parsers[p].runIDs.bytes)
            offsets.append(contentsOf: parsers[p].runIDs.offsets.dropFirst().lazy.map { $0 + base })
        }
        ids = ByteStringTable(bytes: bytes, offsets: offsets)
    }

    /// The input line numbers of run `run`'s lines (for the rare rejection at grouping).
    func lineNumbers(_ run: Int) -> [Int] {
        let parsers = pool.parsers
        var p = 0
        while p + 1 < parserOffsets.count && parserOffsets[p + 1] <= run { p += 1 }
        let local = run - parserOffsets[p]
        guard let segment = parsers[p].segments.first(where: { $0.runStart <= local && local < $0.runEnd }) else { return [] }
        let segmentFirst = firstLineOfSegments[segment.segment]
        return parsers[p].lineNumbers(ofRun: local).map { segmentFirst + Int($0) }
    }
}
