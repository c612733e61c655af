/// Parses blocks of CSV lines into row columns for ``SnapshotBuilder``; one per thread.
///
/// Keeps its own interning tables so that threads never share mutable state. Every row
/// remembers its segment (a contiguous piece of the input, numbered in input order) and its
/// line within the segment, so that the assembly can restore input order and line numbers
/// no matter how the work was split.
///
/// A struct with mutating methods, reached through a pointer per thread (``SegmentParserPool``):
/// class properties would pay a dynamic exclusivity check on every row.
struct SnapshotSegmentParser: ~Copyable {
    var parser: TransactionRowParser
    var customers: InterningTable
    /// First appearance of each local customer: `segment << 32 | line in segment`.
    var customerFirstSeen: [UInt64] = []
    var items = InterningTable(expectedCount: 4096)
    var itemFirstSeen: [UInt64] = []

    /// Order-id runs: consecutive rows with the same customer and order id share one run.
    var runIDs = ByteStringTable()
    var runHashes: [UInt64] = []

    // Row columns, in this parser's input order.
    var rowCustomer: [Int32] = []
    var rowRun: [Int32] = []
    var rowDay: [Int32] = []
    var rowItem: [Int32] = []
    var rowQuantity: [Int32] = []
    var rowAmount: [Int64] = []
    /// Line of each row within its segment (0-based).
    var rowLine: [UInt32] = []

    /// Rejections with their line *within the segment* (fixed up by the assembly).
    var rejections: [(segment: Int, line: Int, rejection: ImportRejection)] = []
    var rowsRead = 0

    /// Segments this parser handled: (segment number, first row, end row, lines in it).
    var segments: [(segment: Int, rowStart: Int, rowEnd: Int, lines: Int)] = []

    init(header: TransactionCSVHeader, format: TransactionCSVFormat, expectedRows: Int) {
        parser = TransactionRowParser(header: header, format: format)
        customers = InterningTable(expectedCount: max(1024, expectedRows / 4))
        reserve(rows: expectedRows)
    }

    mutating func reserve(rows: Int) {
        let target = max(rowDay.count + rows, rowDay.capacity * 2)
        rowCustomer.reserveCapacity(target)
        rowRun.reserveCapacity(target)
        rowDay.reserveCapacity(target)
        rowItem.reserveCapacity(target)
        rowQuantity.reserveCapacity(target)
        rowAmount.reserveCapacity(target)
        rowLine.reserveCapacity(target)
    }

    /// Parses one segment: a block of whole lines.
    mutating func parse(segment: Int, block: UnsafeBufferPointer<UInt8>) {
        let rowStart = rowDay.count
        // A rough reservation: about 45 bytes a row in typical exports.
        if rowDay.capacity - rowDay.count < block.count / 40 { reserve(rows: block.count / 30) }
        var lastRunCustomer: Int32 = -1
        // Lines of one order are usually adjacent, so the customer often repeats: compare
        // with the previous row's key before hashing.
        var previousKey = InlineKey()
        var previousLength = -1
        var previousCustomer: Int32 = -1
        let segmentTag = UInt64(segment) << 32
        let lines = LineScanner.forEachLine(in: block, firstLineNumber: 0, isFinal: true) { line, lineInSegment in
            if line.isEmpty || line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return }
            rowsRead += 1
            switch parser.parse(line) {
            case .rejected(let column, let reason, let message):
                rejections.append((segment, lineInSegment, ImportRejection(
                    line: lineInSegment, column: column.map { parser.header.names[$0] }, reason: reason, message: message)))
            case .row(let row):
                let position = segmentTag | UInt64(lineInSegment)
                let key = InlineKey(row.customer)
                let customer: Int32
                if row.customer.count == previousLength && row.customer.count <= InlineKey.capacity && key == previousKey {
                    customer = previousCustomer
                } else {
                    let (index, isNew) = customers.intern(row.customer, hash: ByteHashing.hash(row.customer))
                    if isNew { customerFirstSeen.append(position) }
                    customer = index
                    previousKey = key
                    previousLength = row.customer.count
                    previousCustomer = index
                }
                let (item, newItem) = items.intern(row.item, hash: ByteHashing.hash(row.item))
                if newItem { itemFirstSeen.append(position) }
                // A new run unless the customer and the order id equal the previous row's.
                var sameRun = false
                if customer == lastRunCustomer, let lastRun = runHashes.indices.last {
                    sameRun = runIDs.withBytes(at: lastRun) { ByteHashing.equal($0, row.order) }
                }
                if !sameRun {
                    runIDs.append(buffer: row.order)
                    runHashes.append(ByteHashing.hash(row.order))
                    lastRunCustomer = customer
                }
                rowCustomer.append(customer)
                rowRun.append(Int32(runHashes.count - 1))
                rowDay.append(row.day)
                rowItem.append(item)
                rowQuantity.append(row.quantity)
                rowAmount.append(row.amountMinorUnits)
                rowLine.append(UInt32(truncatingIfNeeded: lineInSegment))
            }
        }.lines
        segments.append((segment, rowStart, rowDay.count, lines))
    }

    /// Frees the row columns once the assembly has copied them.
    mutating func releaseRows() {
        rowCustomer = []
        rowRun = []
        rowDay = []
        rowItem = []
        rowQuantity = []
        rowAmount = []
        rowLine = []
    }
}

/// Owns one ``SnapshotSegmentParser`` per thread at stable addresses.
final class SegmentParserPool {
    let parsers: UnsafeMutablePointer<SnapshotSegmentParser>
    let count: Int

    init(count: Int, header: TransactionCSVHeader, format: TransactionCSVFormat, expectedRows: Int) {
        self.count = count
        parsers = .allocate(capacity: count)
        for index in 0..<count {
            (parsers + index).initialize(to: SnapshotSegmentParser(header: header, format: format, expectedRows: expectedRows))
        }
    }

    deinit {
        parsers.deinitialize(count: count)
        parsers.deallocate()
    }
}
