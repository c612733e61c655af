/// Reads orders with their lines from JSON Lines bytes: one order per line.
///
/// ```json
/// {"order_id": "o1", "customer_id": "c1", "date": "2024-03-01", "currency": "EUR",
///  "channel": "web", "salesperson_id": "s7",
///  "lines": [{"item_id": "sku-1", "quantity": 2, "amount": "19.90", "category_id": "shoes"}]}
/// ```
/// `amount` is the line total, a decimal string (preferred: it is exact) or a JSON number.
/// The currency comes from the line's `currency`, else the order's, else
/// ``JSONLinesImportOptions/defaultCurrency``; all lines of an order share one currency.
/// See `Documentation/JSONLinesImport.md` for every field and rejection reason.
public struct JSONLinesOrderImporter: Sendable {
    /// Date range, default currency and other options.
    public var options: JSONLinesImportOptions

    /// Creates an importer.
    public init(options: JSONLinesImportOptions = JSONLinesImportOptions()) {
        self.options = options
    }

    /// Parses every line; valid lines become orders, bad lines rejections in the report.
    /// - Complexity: O(n) in the number of bytes.
    public func parse(_ bytes: some Collection<UInt8>) -> JSONLinesImportResult<Order> {
        JSONLinesReader.read(bytes, idField: "order_id", id: \.id.rawValue) { object throws(JSONLinesFieldError) in
            try order(from: object)
        }
    }

    private func order(from object: JSONLinesObject) throws(JSONLinesFieldError) -> Order {
        let id = OrderID(try object.id("order_id"))
        let customer = CustomerID(try object.id("customer_id"))
        let date = try object.day("date", options: options)
        let orderCurrency = try object.optionalCurrency("currency") ?? options.defaultCurrency
        let channel = try object.optionalString("channel").map { Channel($0) }
        let salesperson = try object.optionalID("salesperson_id").map(SalespersonID.init)
        guard let lineObjects = try object.optionalObjects("lines") else {
            throw object.failure("lines", .missingField, "lines is required")
        }
        guard !lineObjects.isEmpty else {
            throw object.failure("lines", .invalidField, "an order needs at least one line")
        }
        var lines: [OrderLine] = []
        lines.reserveCapacity(lineObjects.count)
        for line in lineObjects {
            let item = ItemID(try line.id("item_id"))
            let quantity = try line.quantity("quantity")
            guard let currency = try line.optionalCurrency("currency") ?? orderCurrency else {
                throw object.failure("currency", .missingField, "currency is required (no default currency is set)")
            }
            if let first = lines.first, first.amount.currency != currency {
                throw line.failure("currency", .invalidField,
                                   "\(line.name("currency")) \(currency.code) differs from the order's \(first.amount.currency.code)")
            }
            let amount = try line.amount("amount", currency: currency)
            let category = try line.optionalID("category_id").map(CategoryID.init)
            lines.append(OrderLine(itemID: item, quantity: quantity, amount: amount, categoryID: category))
        }
        return Order(id: id, customerID: customer, date: date, lines: lines, channel: channel, salesperson: salesperson)
    }
}
