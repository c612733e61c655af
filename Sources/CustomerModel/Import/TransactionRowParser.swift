#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One valid row of the transactions CSV, its ids still as bytes.
///
/// The id buffers point into the input (or the splitter's scratch buffer) and are valid only
/// until the next row is parsed: consumers intern or copy them at once.
struct TransactionRow {
    var customer: UnsafeBufferPointer<UInt8>
    var order: UnsafeBufferPointer<UInt8>
    var item: UnsafeBufferPointer<UInt8>
    var day: Int32
    var quantity: Int32
    var amountMinorUnits: Int64
}

/// Validates rows of the transactions CSV: the one place that decides what a valid row is,
/// shared by the row importer and the snapshot builder.
struct TransactionRowParser: ~Copyable {
    let header: TransactionCSVHeader
    let format: TransactionCSVFormat
    private let minorDigits: Int
    private let firstDay: Int32
    private let lastAcceptedDay: Int32
    private var splitter = CSVFieldSplitter()
    // The last valid date field and its day: exports are usually sorted by date, so the
    // same ten bytes repeat for thousands of lines.
    private var lastDateLow: UInt64 = 0
    private var lastDateHigh: UInt64 = 0
    private var lastDay: Int32 = 0
    private var hasLastDate = false

    init(header: TransactionCSVHeader, format: TransactionCSVFormat) {
        self.header = header
        self.format = format
        self.minorDigits = format.currency.minorUnitDigits
        self.firstDay = format.acceptedDates.lowerBound.dayNumber
        self.lastAcceptedDay = format.acceptedDates.upperBound.dayNumber
    }

    /// The outcome for one line.
    enum Outcome {
        case row(TransactionRow)
        case rejected(column: Int?, reason: RejectionReason, message: String)
    }

    /// Parses and validates one line (without its line break).
    /// - Complexity: O(n) in the length of the line.
    @inline(__always)
    mutating func parse(_ line: UnsafeBufferPointer<UInt8>) -> Outcome {
        guard splitter.split(line) else {
            return .rejected(column: nil, reason: .malformedQuoting, message: "unclosed quote or text after a closing quote")
        }
        guard splitter.count == header.fieldCount else {
            return .rejected(
                column: nil, reason: .wrongColumnCount,
                message: "\(splitter.count) fields where the header has \(header.fieldCount)")
        }
        let customer = splitter.field(header.customer)
        let order = splitter.field(header.order)
        let item = splitter.field(header.item)
        if customer.isEmpty { return .rejected(column: header.customer, reason: .emptyID, message: "customer_id is empty") }
        if order.isEmpty { return .rejected(column: header.order, reason: .emptyID, message: "order_id is empty") }
        if item.isEmpty { return .rejected(column: header.item, reason: .emptyID, message: "item_id is empty") }

        let dateField = splitter.field(header.date)
        let dayNumber: Int32
        if dateField.count == 10, let base = dateField.baseAddress,
           hasLastDate,
           UnsafeRawPointer(base).loadUnaligned(as: UInt64.self) == lastDateLow,
           UnsafeRawPointer(base).loadUnaligned(fromByteOffset: 2, as: UInt64.self) == lastDateHigh {
            dayNumber = lastDay
        } else {
            guard let day = CalendarDay.parse(dateField) else {
                return .rejected(column: header.date, reason: .invalidDate, message: "'\(Self.quote(dateField))' is not a YYYY-MM-DD date")
            }
            guard day.dayNumber >= firstDay && day.dayNumber <= lastAcceptedDay else {
                return .rejected(
                    column: header.date, reason: .dateOutOfRange,
                    message: "\(day) is outside \(format.acceptedDates.lowerBound)...\(format.acceptedDates.upperBound)")
            }
            dayNumber = day.dayNumber
            if let base = dateField.baseAddress {
                // parse succeeded, so the field is exactly ten bytes long
                lastDateLow = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
                lastDateHigh = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: 2, as: UInt64.self)
                lastDay = dayNumber
                hasLastDate = true
            }
        }

        let quantityField = splitter.field(header.quantity)
        guard let quantity = Self.parsePositiveInt32(quantityField) else {
            return .rejected(
                column: header.quantity, reason: .invalidQuantity,
                message: "'\(Self.quote(quantityField))' is not a positive integer")
        }

        let amountField = splitter.field(header.amount)
        switch DecimalParser.parseMinorUnits(amountField, digits: minorDigits) {
        case .value(let units):
            if units < 0 {
                return .rejected(column: header.amount, reason: .negativeAmount, message: "amount \(Self.quote(amountField)) is negative")
            }
            return .row(TransactionRow(
                customer: customer, order: order, item: item, day: dayNumber,
                quantity: quantity, amountMinorUnits: units))
        case .failure(let code):
            let reason: RejectionReason
            let message: String
            switch code {
            case .tooManyDecimals:
                reason = .tooManyDecimals
                message = "amount '\(Self.quote(amountField))' has more than \(minorDigits) decimals for \(format.currency.code)"
            case .overflow:
                reason = .amountOverflow
                message = "amount '\(Self.quote(amountField))' is too large"
            default:
                reason = .invalidAmount
                message = "amount '\(Self.quote(amountField))' is not a decimal number"
            }
            return .rejected(column: header.amount, reason: reason, message: message)
        }
    }

    /// A positive integer that fits in 32 bits, digits only.
    @inline(__always)
    static func parsePositiveInt32(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard !bytes.isEmpty, bytes.count <= 10 else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            let digit = byte &- 48
            guard digit <= 9 else { return nil }
            value = value * 10 + Int64(digit)
        }
        guard value >= 1 && value <= Int64(Int32.max) else { return nil }
        return Int32(value)
    }

    /// The field as text for a message, cut to 40 characters.
    static func quote(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes.prefix(40), as: UTF8.self)
        return bytes.count > 40 ? text + "…" : text
    }
}

/// Walks the lines of a byte buffer: strips `\r`, reports 1-based line numbers.
enum LineScanner {
    /// Calls `body(line, lineNumber)` for every complete line in `bytes` (the last line only
    /// if `isFinal` or it ends in `\n`). Returns the offset just past the last line consumed
    /// and the number of lines consumed.
    /// - Complexity: O(n).
    @inline(__always)
    static func forEachLine(
        in bytes: UnsafeBufferPointer<UInt8>, firstLineNumber: Int, isFinal: Bool,
        _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) -> (consumed: Int, lines: Int) {
        guard let base = bytes.baseAddress else { return (0, 0) }
        let end = bytes.count
        var start = 0
        var lineNumber = firstLineNumber
        while start < end {
            let remaining = end - start
            let found = memchrNewline(base + start, remaining)
            let lineEnd: Int
            let next: Int
            if let found {
                lineEnd = found - base
                next = lineEnd + 1
            } else {
                guard isFinal else { break }
                lineEnd = end
                next = end
            }
            var contentEnd = lineEnd
            if contentEnd > start && base[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            body(UnsafeBufferPointer(start: base + start, count: contentEnd - start), lineNumber)
            lineNumber += 1
            start = next
        }
        return (start, lineNumber - firstLineNumber)
    }

    /// The first `\n` in `count` bytes from `pointer`.
    @inline(__always)
    static func memchrNewline(_ pointer: UnsafePointer<UInt8>, _ count: Int) -> UnsafePointer<UInt8>? {
        guard let raw = memchr(pointer, Int32(UInt8(ascii: "\n")), count) else { return nil }
        return UnsafePointer(raw.assumingMemoryBound(to: UInt8.self))
    }
}
