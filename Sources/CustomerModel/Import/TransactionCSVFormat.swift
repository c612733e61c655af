/// The canonical transactions CSV: `customer_id,order_id,date,item_id,quantity,amount`.
///
/// One row per order line; `date` is `YYYY-MM-DD`; `amount` is the line total in currency
/// units with a dot; ids are strings (RFC 4180 quoting allowed, `""` for a quote). Columns
/// are found by name, so their order may differ and extra columns are ignored; every row
/// must have as many fields as the header. A UTF-8 byte-order mark and CRLF line ends are
/// accepted; blank lines are skipped. A line break inside a quoted field is not part of the
/// format: such a row is rejected as malformed quoting, so one stray quote can never swallow
/// the rest of a file.
public struct TransactionCSVFormat: Sendable, Hashable {
    /// The required column names, in canonical order.
    public static let columns = ["customer_id", "order_id", "date", "item_id", "quantity", "amount"]

    /// The currency of the `amount` column (the file has no currency column).
    public var currency: Currency
    /// Dates outside this range are rejected as `dateOutOfRange`.
    public var acceptedDates: ClosedRange<CalendarDay>

    /// The default accepted range: 1900-01-01 through 2199-12-31.
    public static let defaultAcceptedDates: ClosedRange<CalendarDay> =
        CalendarDay(dayNumber: -25_567)...CalendarDay(dayNumber: 84_005)

    /// Creates a format description.
    public init(currency: Currency = .usd, acceptedDates: ClosedRange<CalendarDay> = TransactionCSVFormat.defaultAcceptedDates) {
        self.currency = currency
        self.acceptedDates = acceptedDates
    }
}

/// The position of each required column in a header.
struct TransactionCSVHeader: Sendable {
    /// Field index of customer_id, order_id, date, item_id, quantity, amount.
    var customer = 0, order = 1, date = 2, item = 3, quantity = 4, amount = 5
    /// Number of fields every row must have.
    var fieldCount = 6
    /// The header's column names, to name a column in a rejection.
    var names: [String] = TransactionCSVFormat.columns

    /// Reads the header line.
    ///
    /// - Throws: ``ImportError`` for malformed quoting, a duplicate or a missing column.
    init(line: UnsafeBufferPointer<UInt8>) throws(ImportError) {
        var fields = CSVFieldSplitter()
        guard fields.split(line) else {
            throw ImportError(.malformedHeader, "the header line has malformed quoting")
        }
        var names: [String] = []
        for index in 0..<fields.count {
            let raw = String(decoding: fields.field(index), as: UTF8.self)
            names.append(raw.trimmingASCIISpaces().lowercased())
        }
        var seen: Set<String> = []
        for name in names where !name.isEmpty {
            guard seen.insert(name).inserted else {
                throw ImportError(.duplicateColumn, "the header names column '\(name)' twice")
            }
        }
        func position(_ column: String) throws(ImportError) -> Int {
            guard let index = names.firstIndex(of: column) else {
                throw ImportError(.missingColumn, "the header has no '\(column)' column (expected \(TransactionCSVFormat.columns.joined(separator: ",")))")
            }
            return index
        }
        customer = try position("customer_id")
        order = try position("order_id")
        date = try position("date")
        item = try position("item_id")
        quantity = try position("quantity")
        amount = try position("amount")
        fieldCount = names.count
        self.names = names
    }

    init() {}
}

extension String {
    func trimmingASCIISpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
