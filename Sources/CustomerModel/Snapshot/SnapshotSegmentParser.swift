/// Parses blocks of CSV lines into columns for ``SnapshotBuilder``; one per thread.
///
/// Lines go to line columns in input order. Consecutive lines with the same customer and
/// order id form a *run* (almost always a whole order): the run keeps the day, its first
/// line, its order id and its customer. Customers are interned per run, in a tight loop at
/// the end of each segment, where independent hash-table probes overlap in the processor.
/// Every run remembers its segment (a contiguous piece of the input, numbered in input
/// order) and line, so the assembly restores input order and line numbers however the work
/// was split. Customers are interned afterwards by ``CustomerPartitions``, each thread taking
/// the ids whose hash falls in its partition, so no two tables ever hold the same id. A struct reached through a pointer per thread (``SegmentParserPool``): class
/// properties would pay a dynamic exclusivity check on every line.
struct SnapshotSegmentParser: ~Copyable {
    var parser: TransactionRowParser
    var items = InterningTable(expectedCount: 4096)
    var itemFirstSeen: [UInt64] = []

    // Lines, in this parser's input order.
    var lineItem: [Int32] = []
    var lineQuantity: [Int32] = []
    var lineAmount: [Int64] = []
    /// Lines parsed, kept when the columns are released.
    private(set) var lineCount = 0

    // Runs. Run r owns lines runLineStart[r] ..< runLineStart[r + 1] (the last one up to lineItem.count).
    /// Customer of each run as a partition code (see ``CustomerPartitions``).
    var runCustomer: [Int32] = []
    var runDay: [Int32] = []
    var runLineStart: [Int] = []
    /// Line within its segment of the run's first line.
    var runFirstLine: [UInt32] = []
    var runIDs = ByteStringTable()
    var runHashes: [UInt64] = []
    /// Line numbers (within the segment) of runs with blank or rejected lines between their lines.
    var gappedRunLines: [Int32: [UInt32]] = [:]

    /// Rejections with their line *within the segment* (fixed up by the assembly).
    var rejections: [(segment: Int, line: Int, rejection: ImportRejection)] = []
    var rowsRead = 0

    /// Segments this parser handled: (segment number, first run, end run, lines in it).
    var segments: [(segment: Int, runStart: Int, runEnd: Int, lines: Int)] = []

    // Per-segment scratch: where each run's customer id is (block offset, or in `escapedKeys`
    // as -(offset + 1) when the id was unescaped from quotes).
    private(set) var pendingKeyOffset: [Int] = []
    private(set) var pendingKeyLength: [Int32] = []
    private(set) var pendingKeyHash: [UInt64] = []
    private(set) var escapedKeys: [UInt8] = []
    /// The block being parsed, until its customers are interned.
    private(set) var pendingBlock: UnsafePointer<UInt8>?
    /// The first run of the segment being parsed.
    private(set) var pendingRunStart = 0
    /// The segment being parsed.
    private(set) var pendingSegment = 0

    init(header: TransactionCSVHeader, format: TransactionCSVFormat, expectedRows: Int) {
        parser = TransactionRowParser(header: header, format: format)
        reserve(lines: expectedRows)
    }

    private mutating func reserve(lines: Int) {
        let target = lineItem.count + lines
        lineItem.reserveCapacity(target)
        lineQuantity.reserveCapacity(target)
        lineAmount.reserveCapacity(target)
        let runs = runDay.count + lines / 2 + 16
        runDay.reserveCapacity(runs)
        runLineStart.reserveCapacity(runs)
        runFirstLine.reserveCapacity(runs)
        runHashes.reserveCapacity(runs)
        runCustomer.reserveCapacity(runs)
    }

    /// Parses one segment: a block of whole lines.
    mutating func parse(segment: Int, block: UnsafeBufferPointer<UInt8>) {
        guard let blockBase = block.baseAddress else {
            segments.append((segment, runDay.count, runDay.count, 0))
            return
        }
        let runStart = runDay.count
        pendingKeyOffset.removeAll(keepingCapacity: true)
        pendingKeyLength.removeAll(keepingCapacity: true)
        pendingKeyHash.removeAll(keepingCapacity: true)
        escapedKeys.removeAll(keepingCapacity: true)
        pendingBlock = blockBase
        pendingRunStart = runStart
        pendingSegment = segment
        let blockEnd = blockBase + block.count
        var currentRunHasGap = false
        var linesSinceRunStart: UInt32 = 0
        var previousLineInRun = -1

        let lines = LineScanner.forEachLine(in: block, firstLineNumber: 0, isFinal: true) { line, lineInSegment in
            if line.isEmpty || line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return }
            rowsRead += 1
            switch parser.parse(line) {
            case .rejected(let column, let reason, let message):
                rejections.append((segment, lineInSegment, ImportRejection(
                    line: lineInSegment, column: column.map { parser.header.names[$0] }, reason: reason, message: message)))
            case .row(let row):
                // Same run when the customer and order id equal the current run's.
                var sameRun = false
                if runDay.count > runStart, let last = runHashes.indices.last {
                    let r = last - runStart
                    sameRun = runIDs.withBytes(at: last) { ByteHashing.equal($0, row.order) }
                        && pendingKey(r, block: blockBase) { ByteHashing.equal($0, row.customer) }
                }
                if sameRun {
                    let last = runDay.count - 1
                    guard runDay[last] == row.day else {
                        rejections.append((segment, lineInSegment, ImportRejection(
                            line: lineInSegment, column: "date", reason: .conflictingOrderDate,
                            message: "order \(runIDs[last]) is dated \(CalendarDay(dayNumber: runDay[last])) on an earlier line, \(CalendarDay(dayNumber: row.day)) here")))
                        return
                    }
                    if lineInSegment != previousLineInRun + 1 || currentRunHasGap {
                        recordGap(run: last, line: lineInSegment, linesSoFar: linesSinceRunStart, hadGap: currentRunHasGap)
                        currentRunHasGap = true
                    }
                    linesSinceRunStart += 1
                } else {
                    if let base = row.customer.baseAddress, base >= blockBase, base < blockEnd {
                        pendingKeyOffset.append(base - blockBase)
                    } else {
                        pendingKeyOffset.append(-(escapedKeys.count + 1))
                        escapedKeys.append(contentsOf: row.customer)
                    }
                    pendingKeyLength.append(Int32(row.customer.count))
                    pendingKeyHash.append(ByteHashing.hash(row.customer))
                    runDay.append(row.day)
                    runLineStart.append(lineItem.count)
                    runFirstLine.append(UInt32(truncatingIfNeeded: lineInSegment))
                    runIDs.append(buffer: row.order)
                    runHashes.append(ByteHashing.hash(row.order))
                    currentRunHasGap = false
                    linesSinceRunStart = 1
                }
                previousLineInRun = lineInSegment
                let (item, newItem) = items.intern(row.item, hash: ByteHashing.hash(row.item))
                if newItem { itemFirstSeen.append(UInt64(segment) << 32 | UInt64(lineInSegment)) }
                lineItem.append(item)
                lineQuantity.append(row.quantity)
                lineAmount.append(row.amountMinorUnits)
            }
        }.lines
        runCustomer.append(contentsOf: repeatElement(0, count: runDay.count - runStart))
        segments.append((segment, runStart, runDay.count, lines))
    }

    /// Calls `body` with the customer id bytes of pending run `r` (relative to the segment).
    @inline(__always)
    private func pendingKey<R>(_ r: Int, block: UnsafePointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let offset = pendingKeyOffset[r]
        let length = Int(pendingKeyLength[r])
        if offset >= 0 { return body(UnsafeBufferPointer(start: block + offset, count: length)) }
        return escapedKeys.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[(-offset - 1)..<(-offset - 1 + length)])) }
    }

    /// A run whose lines are not consecutive input lines keeps its line numbers explicitly.
    private mutating func recordGap(run: Int, line: Int, linesSoFar: UInt32, hadGap: Bool) {
        let key = Int32(run)
        if !hadGap {
            let first = runFirstLine[run]
            gappedRunLines[key] = (0..<linesSoFar).map { first + $0 }
        }
        gappedRunLines[key, default: []].append(UInt32(truncatingIfNeeded: line))
    }

    /// Stores the customer codes of the pending runs (runs `start...`).
    mutating func setCustomerCodes(_ codes: UnsafeBufferPointer<Int32>, from start: Int) {
        runCustomer.withUnsafeMutableBufferPointer { runCustomer in
            for (r, code) in codes.enumerated() { runCustomer[start + r] = code }
        }
    }

    /// Calls `body` with the customer id bytes of the pending runs, in order (valid only
    /// while the block is alive, that is until the builder's next block).
    func withPendingKeys<R>(_ body: (_ key: (Int) -> UnsafeBufferPointer<UInt8>, _ count: Int) -> R) -> R {
        let offsets = pendingKeyOffset
        let lengths = pendingKeyLength
        let block = pendingBlock
        return escapedKeys.withUnsafeBufferPointer { escaped in
            body({ r in
                let offset = offsets[r]
                let length = Int(lengths[r])
                if offset >= 0, let block { return UnsafeBufferPointer(start: block + offset, count: length) }
                return UnsafeBufferPointer(rebasing: escaped[(-offset - 1)..<(-offset - 1 + length)])
            }, offsets.count)
        }
    }

    /// The input lines (within their segment) of run `r`'s lines.
    func lineNumbers(ofRun r: Int) -> [UInt32] {
        if let lines = gappedRunLines[Int32(r)] { return lines }
        let end = r + 1 < runLineStart.count ? runLineStart[r + 1] : lineCount
        return (0..<UInt32(end - runLineStart[r])).map { runFirstLine[r] + $0 }
    }

    /// Hands the item table over to the assembly (this parser keeps an empty one).
    mutating func takeItemTable() -> InterningTable {
        var taken = InterningTable(expectedCount: 16)
        swap(&taken, &items)
        return taken
    }

    /// Frees the columns once the assembly has copied them.
    mutating func releaseColumns() {
        lineCount = lineItem.count
        lineItem = []
        lineQuantity = []
        lineAmount = []
    }
}

/// Owns one ``SnapshotSegmentParser`` per thread and the customer partitions, at stable addresses.
final class SegmentParserPool {
    let parsers: UnsafeMutablePointer<SnapshotSegmentParser>
    let count: Int
    let partitions: CustomerPartitions

    init(count: Int, header: TransactionCSVHeader, format: TransactionCSVFormat, expectedRows: Int) {
        self.count = count
        parsers = .allocate(capacity: count)
        for index in 0..<count {
            (parsers + index).initialize(to: SnapshotSegmentParser(header: header, format: format, expectedRows: expectedRows))
        }
        partitions = CustomerPartitions(count: count, expectedCustomers: max(1024, expectedRows * count / 4))
    }

    deinit {
        parsers.deinitialize(count: count)
        parsers.deallocate()
    }
}
