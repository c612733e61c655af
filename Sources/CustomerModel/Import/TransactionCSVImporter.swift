/// Imports the canonical transactions CSV into ``Order`` values, with a report of every
/// rejected row. Use it to load stores or to validate a file; analytics use
/// ``SnapshotBuilder``, which reads the same format straight into columns.
///
/// Bytes can arrive in chunks of any size (``append(_:)``), so a file of several gigabytes
/// is never held at once. Lines of one order are grouped by (customer, order id); a line
/// whose date differs from the order's first line is rejected as `conflictingOrderDate`.
///
/// ```swift
/// var importer = TransactionCSVImporter(format: TransactionCSVFormat(currency: .eur))
/// try importer.append(bytes)
/// let result = try importer.finish()
/// print(result.report.rowsRejected)
/// ```
public struct TransactionCSVImporter {
    /// The orders and the report of one import.
    public struct Result: Sendable {
        /// Orders in order of first appearance; lines in input order.
        public var orders: [Order]
        /// Rows read, kept and rejected.
        public var report: ImportReport
    }

    private let format: TransactionCSVFormat
    private var reader = CSVChunkReader()
    private var orders: [Order] = []
    private var orderIndex: [OrderKey: Int] = [:]
    private var report = ImportReport()
    private var finished = false

    private struct OrderKey: Hashable {
        var customer: CustomerID
        var order: OrderID
    }

    /// Creates an importer for files in `format`.
    public init(format: TransactionCSVFormat = TransactionCSVFormat()) {
        self.format = format
    }

    /// Imports a whole input at once.
    /// - Throws: ``ImportError`` when the header is missing or malformed.
    public static func importOrders(from bytes: some Sequence<UInt8>, format: TransactionCSVFormat = TransactionCSVFormat()) throws(ImportError) -> Result {
        var importer = TransactionCSVImporter(format: format)
        try importer.append(bytes)
        return try importer.finish()
    }

    /// Feeds the next chunk of the input.
    /// - Throws: ``ImportError`` when the header is missing or malformed.
    public mutating func append(_ chunk: some Sequence<UInt8>) throws(ImportError) {
        let bytes = Array(chunk)
        try bytes.withUnsafeBufferPointer { (buffer) throws(ImportError) in
            try feed(buffer, isFinal: false)
        }
    }

    /// Ends the input and returns the orders and the report.
    /// - Throws: ``ImportError`` when the input had no header.
    public mutating func finish() throws(ImportError) -> Result {
        if !finished {
            finished = true
            try feed(UnsafeBufferPointer(start: nil, count: 0), isFinal: true)
        }
        return Result(orders: orders, report: report)
    }

    private mutating func feed(_ buffer: UnsafeBufferPointer<UInt8>, isFinal: Bool) throws(ImportError) {
        var reader = self.reader
        defer { self.reader = reader }
        try reader.feed(buffer, isFinal: isFinal) { block, firstLine, header in
            var parser = TransactionRowParser(header: header, format: format)
            return LineScanner.forEachLine(in: block, firstLineNumber: firstLine, isFinal: true) { line, number in
                self.consume(line: line, number: number, parser: &parser)
            }.lines
        }
    }

    private mutating func consume(line: UnsafeBufferPointer<UInt8>, number: Int, parser: inout TransactionRowParser) {
        if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return }
        report.rowsRead += 1
        switch parser.parse(line) {
        case .rejected(let column, let reason, let message):
            report.rejections.append(ImportRejection(
                line: number, column: column.map { parser.header.names[$0] }, reason: reason, message: message))
        case .row(let row):
            let customer = CustomerID(String(decoding: row.customer, as: UTF8.self))
            let orderID = OrderID(String(decoding: row.order, as: UTF8.self))
            let day = CalendarDay(dayNumber: row.day)
            let line = OrderLine(
                itemID: ItemID(String(decoding: row.item, as: UTF8.self)), quantity: Int(row.quantity),
                amount: Money(minorUnits: row.amountMinorUnits, currency: format.currency))
            let key = OrderKey(customer: customer, order: orderID)
            if let index = orderIndex[key] {
                guard orders[index].date == day else {
                    report.rejections.append(ImportRejection(
                        line: number, column: "date", reason: .conflictingOrderDate,
                        message: "order \(orderID) of customer \(customer) is dated \(orders[index].date) on an earlier line, \(day) here"))
                    return
                }
                orders[index].lines.append(line)
            } else {
                orderIndex[key] = orders.count
                orders.append(Order(id: orderID, customerID: customer, date: day, lines: [line]))
            }
            report.rowsKept += 1
        }
    }
}

extension RejectionReason {
    /// A line of an order whose date differs from the order's earlier lines.
    public static let conflictingOrderDate = RejectionReason("conflictingOrderDate")
}
