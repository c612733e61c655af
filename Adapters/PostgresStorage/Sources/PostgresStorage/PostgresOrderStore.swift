import CustomerModel
import Logging
import PostgresNIO

/// An ``OrderStore`` over PostgreSQL: `orders` (one row per order) and `order_lines` (one row
/// per line, numbered in the order's line order, with the customer id for per-customer reads
/// and sharding).
///
/// An append is one transaction of three multi-row statements: upsert the orders (refusing,
/// by a guarded `ON CONFLICT`, an order id stored for another customer even when a concurrent
/// batch wrote it), replace their lines, insert the new lines. Reads are single statements,
/// so a reader never sees part of a batch.
public struct PostgresOrderStore: OrderStore {
    let client: PostgresStorageClient
    let schema: PostgresSchema

    /// A store over the `orders` and `order_lines` tables of `schema`.
    public init(client: PostgresStorageClient, schema: PostgresSchema = .default) {
        self.client = client
        self.schema = schema
    }

    /// Appends orders, replacing stored orders with the same id and customer.
    public func append(_ orders: [Order]) async throws {
        var owners: [OrderID: CustomerID] = [:]
        for order in orders {
            guard !order.id.rawValue.isEmpty, !order.customerID.rawValue.isEmpty else {
                throw StoreError(.invalidArgument, "order '\(order.id)' of customer '\(order.customerID)' has an empty id")
            }
            if let owner = owners.updateValue(order.customerID, forKey: order.id), owner != order.customerID {
                throw StoreError(.duplicateID, "order '\(order.id)' appears for customers '\(owner)' and '\(order.customerID)'")
            }
        }
        let batch = StoreBatch.latestByKey(orders) { $0.id.rawValue }
        guard !batch.isEmpty else { return }
        let columns = OrderColumns(batch)
        let lines = OrderLineColumns(batch)
        let name = schema.name
        try await client.withTransaction(schema) { connection in
            let logger = client.logger
            let written = try await connection.count("""
                WITH written AS (
                    INSERT INTO \(unescaped: name).orders AS stored (id, customer_id, day, channel, salesperson)
                    SELECT id, customer_id, day,
                           CASE WHEN has_channel THEN channel END, CASE WHEN has_salesperson THEN salesperson END
                    FROM unnest(\(columns.ids)::text[], \(columns.customers)::text[], \(columns.days)::integer[],
                                \(columns.channels)::text[], \(columns.hasChannel)::boolean[],
                                \(columns.salespeople)::text[], \(columns.hasSalesperson)::boolean[])
                         AS batch (id, customer_id, day, channel, has_channel, salesperson, has_salesperson)
                    ON CONFLICT (id) DO UPDATE
                    SET day = EXCLUDED.day, channel = EXCLUDED.channel, salesperson = EXCLUDED.salesperson
                    WHERE stored.customer_id = EXCLUDED.customer_id
                    RETURNING 1
                )
                SELECT count(*) FROM written
                """, logger: logger)
            if written != batch.count {
                throw try await conflict(in: columns, on: connection)
            }
            try await connection.query(
                "DELETE FROM \(unescaped: name).order_lines WHERE order_id = ANY(\(columns.ids)::text[])", logger: logger)
            guard !lines.orderIDs.isEmpty else { return }
            try await connection.query("""
                INSERT INTO \(unescaped: name).order_lines
                    (order_id, line_number, customer_id, item_id, quantity, amount_minor, currency, currency_digits, category_id)
                SELECT order_id, line_number, customer_id, item_id, quantity, amount_minor, currency, currency_digits,
                       CASE WHEN has_category THEN category_id END
                FROM unnest(\(lines.orderIDs)::text[], \(lines.lineNumbers)::integer[], \(lines.customers)::text[],
                            \(lines.items)::text[], \(lines.quantities)::bigint[], \(lines.amounts)::bigint[],
                            \(lines.currencies)::text[], \(lines.digits)::smallint[],
                            \(lines.categories)::text[], \(lines.hasCategory)::boolean[])
                     AS batch (order_id, line_number, customer_id, item_id, quantity, amount_minor, currency, currency_digits,
                               category_id, has_category)
                """, logger: logger)
        }
    }

    /// The error for a batch whose upsert skipped orders: the first order id stored for another customer.
    private func conflict(in columns: OrderColumns, on connection: PostgresConnection) async throws -> StoreError {
        let rows = try await connection.query("""
            SELECT stored.id, stored.customer_id, batch.customer_id
            FROM \(unescaped: schema.name).orders AS stored
            JOIN unnest(\(columns.ids)::text[], \(columns.customers)::text[]) AS batch (id, customer_id) ON batch.id = stored.id
            WHERE stored.customer_id <> batch.customer_id
            ORDER BY stored.id LIMIT 1
            """, logger: client.logger)
        for try await (id, stored, asked) in rows.decode((String, String, String).self) {
            return StoreError(.duplicateID, "order '\(id)' is stored for customer '\(stored)', not '\(asked)'")
        }
        return StoreError(.unavailable, "an order upsert wrote fewer rows than the batch without a conflicting order")
    }

    /// The orders of these customers, by date, then order id.
    public func orders(for customerIDs: [CustomerID]) async throws -> [Order] {
        guard !customerIDs.isEmpty else { return [] }
        let keys = customerIDs.map(\.rawValue)
        return try await read("""
            SELECT o.id, o.customer_id, o.day, o.channel, o.salesperson,
                   l.item_id, l.quantity, l.amount_minor, l.currency, l.currency_digits, l.category_id
            FROM \(unescaped: schema.name).orders AS o
            LEFT JOIN \(unescaped: schema.name).order_lines AS l ON l.order_id = o.id
            WHERE o.customer_id = ANY(\(keys)::text[])
            ORDER BY o.day, o.id, l.line_number
            """)
    }

    /// Up to `limit` orders after `cursor`, ascending by order id.
    public func page(after cursor: PageCursor?, limit: Int) async throws -> Page<Order> {
        try StoreOrder.validate(limit: limit)
        let orders = try await read("""
            WITH chosen AS (
                SELECT * FROM \(unescaped: schema.name).orders
                WHERE \(cursor?.token)::text IS NULL OR id > \(cursor?.token)::text
                ORDER BY id LIMIT \(limit + 1)
            )
            SELECT o.id, o.customer_id, o.day, o.channel, o.salesperson,
                   l.item_id, l.quantity, l.amount_minor, l.currency, l.currency_digits, l.category_id
            FROM chosen AS o
            LEFT JOIN \(unescaped: schema.name).order_lines AS l ON l.order_id = o.id
            ORDER BY o.id, l.line_number
            """)
        return KeysetPage.make(orders, limit: limit) { PageCursor(after: $0.id) }
    }

    /// Deletes every order of these customers (their lines go with them).
    public func deleteOrders(for customerIDs: [CustomerID]) async throws -> Int {
        guard !customerIDs.isEmpty else { return 0 }
        let keys = customerIDs.map(\.rawValue)
        return try await client.withConnection(schema) { connection in
            try await connection.count("""
                WITH deleted AS (DELETE FROM \(unescaped: schema.name).orders WHERE customer_id = ANY(\(keys)::text[]) RETURNING 1)
                SELECT count(*) FROM deleted
                """, logger: client.logger)
        }
    }

    /// The number of stored orders.
    public func count() async throws -> Int {
        try await client.withConnection(schema) { connection in
            try await connection.count("SELECT count(*) FROM \(unescaped: schema.name).orders", logger: client.logger)
        }
    }

    /// Runs one statement returning order rows joined with their lines, grouped by order.
    private func read(_ query: PostgresQuery) async throws -> [Order] {
        try await client.withConnection(schema) { connection in
            let rows = try await connection.query(query, logger: client.logger)
            var orders: [Order] = []
            typealias Row = (String, String, Int32, String?, String?, String?, Int64?, Int64?, String?, Int16?, String?)
            for try await row in rows.decode(Row.self) {
                let (id, customer, day, channel, salesperson, item, quantity, amount, currency, digits, category) = row
                if orders.last?.id.rawValue != id {
                    orders.append(Order(id: OrderID(id), customerID: CustomerID(customer), date: CalendarDay(dayNumber: day),
                                        lines: [], channel: channel.map { Channel($0) }, salesperson: salesperson.map { SalespersonID($0) }))
                }
                guard let item, let quantity, let amount, let currency, let digits else { continue }
                let unit: Currency
                do {
                    unit = try Currency(code: currency, minorUnitDigits: Int(digits))
                } catch {
                    throw StoreError(.unavailable, "order '\(id)' has a stored line in an unreadable currency: \(error)")
                }
                orders[orders.count - 1].lines.append(OrderLine(
                    itemID: ItemID(item), quantity: Int(quantity), amount: Money(minorUnits: amount, currency: unit),
                    categoryID: category.map { CategoryID($0) }))
            }
            return orders
        }
    }
}

/// The order columns of a batch, as arrays for `unnest`.
private struct OrderColumns {
    var ids: [String] = []
    var customers: [String] = []
    var days: [Int32] = []
    var channels: [String] = []
    var hasChannel: [Bool] = []
    var salespeople: [String] = []
    var hasSalesperson: [Bool] = []

    init(_ orders: [Order]) {
        for order in orders {
            ids.append(order.id.rawValue)
            customers.append(order.customerID.rawValue)
            days.append(order.date.dayNumber)
            channels.append(order.channel?.name ?? "")
            hasChannel.append(order.channel != nil)
            salespeople.append(order.salesperson?.rawValue ?? "")
            hasSalesperson.append(order.salesperson != nil)
        }
    }
}

/// The line columns of a batch, as arrays for `unnest`.
private struct OrderLineColumns {
    var orderIDs: [String] = []
    var lineNumbers: [Int32] = []
    var customers: [String] = []
    var items: [String] = []
    var quantities: [Int64] = []
    var amounts: [Int64] = []
    var currencies: [String] = []
    var digits: [Int16] = []
    var categories: [String] = []
    var hasCategory: [Bool] = []

    init(_ orders: [Order]) {
        for order in orders {
            for (number, line) in order.lines.enumerated() {
                orderIDs.append(order.id.rawValue)
                lineNumbers.append(Int32(number))
                customers.append(order.customerID.rawValue)
                items.append(line.itemID.rawValue)
                quantities.append(Int64(line.quantity))
                amounts.append(line.amount.minorUnits)
                currencies.append(line.amount.currency.code)
                digits.append(Int16(line.amount.currency.minorUnitDigits))
                categories.append(line.categoryID?.rawValue ?? "")
                hasCategory.append(line.categoryID != nil)
            }
        }
    }
}
