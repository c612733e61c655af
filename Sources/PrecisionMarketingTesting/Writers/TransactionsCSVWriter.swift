import CustomerModel

/// Writes orders as the canonical transactions CSV of DESIGN.md, as bytes:
/// `customer_id,order_id,date,item_id,quantity,amount`, one row per order line, rows
/// sorted by date, customer, order and item, amounts with exactly the currency's decimals.
///
/// Built for speed: bytes are appended to one buffer (no `String` per field). Ids that
/// contain a comma, a quote or a line break are quoted as RFC 4180 says.
public struct TransactionsCSVWriter: Sendable {
    /// The header row, without the line break.
    public static let header = "customer_id,order_id,date,item_id,quantity,amount"

    /// Whether to write the header row first (default true).
    public var includesHeader: Bool
    /// Whether rows end with `\r\n` instead of `\n` (default false).
    public var usesCRLF: Bool

    /// Creates a writer.
    public init(includesHeader: Bool = true, usesCRLF: Bool = false) {
        self.includesHeader = includesHeader
        self.usesCRLF = usesCRLF
    }

    /// The CSV bytes of `orders`.
    /// - Complexity: O(lines) when the orders are already in canonical order (as
    ///   ``SyntheticDataset/orders`` are), O(n log n) otherwise.
    public func bytes(for orders: [Order]) -> [UInt8] {
        var bytes: [UInt8] = []
        let lines = orders.reduce(0) { $0 + $1.lines.count }
        bytes.reserveCapacity(64 + lines * 48)
        append(orders, to: &bytes)
        return bytes
    }

    /// Appends the CSV of `orders` to `bytes`.
    public func append(_ orders: [Order], to bytes: inout [UInt8]) {
        if includesHeader {
            bytes.append(contentsOf: Self.header.utf8)
            appendNewline(to: &bytes)
        }
        let sorted = Self.isCanonical(orders) ? Array(orders.indices) : orders.indices.sorted { Self.precedes(orders[$0], orders[$1]) }
        for index in sorted {
            let order = orders[index]
            let lines = Self.linesAreSorted(order.lines) ? order.lines : order.lines.sorted { $0.itemID < $1.itemID }
            for line in lines {
                appendField(order.customerID.rawValue, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                appendField(order.id.rawValue, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                order.date.appendISO(to: &bytes)
                bytes.append(UInt8(ascii: ","))
                appendField(line.itemID.rawValue, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                if line.quantity < 0 { bytes.append(UInt8(ascii: "-")) }
                DecimalParser.appendDigits(UInt64(line.quantity.magnitude), minimumWidth: 1, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                DecimalParser.append(minorUnits: line.amount.minorUnits, digits: line.amount.currency.minorUnitDigits, to: &bytes)
                appendNewline(to: &bytes)
            }
        }
    }

    /// True when `a` comes before `b` in canonical order: date, customer, order.
    static func precedes(_ a: Order, _ b: Order) -> Bool {
        if a.date != b.date { return a.date < b.date }
        if a.customerID != b.customerID { return a.customerID < b.customerID }
        return a.id < b.id
    }

    static func isCanonical(_ orders: [Order]) -> Bool {
        var index = 1
        while index < orders.count {
            if precedes(orders[index], orders[index - 1]) { return false }
            index += 1
        }
        return true
    }

    static func linesAreSorted(_ lines: [OrderLine]) -> Bool {
        var index = 1
        while index < lines.count {
            if lines[index].itemID < lines[index - 1].itemID { return false }
            index += 1
        }
        return true
    }

    private func appendNewline(to bytes: inout [UInt8]) {
        if usesCRLF { bytes.append(UInt8(ascii: "\r")) }
        bytes.append(UInt8(ascii: "\n"))
    }

    private func appendField(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = text.utf8
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
