extension CustomerSnapshot {
    /// Builds a snapshot from order values (what the stores hold), for analytics on stored data.
    ///
    /// Customers and items are indexed in order of first appearance in `orders`; each
    /// customer's orders are sorted by day (ties in input order).
    /// - Throws: ``MoneyError`` `.currencyMismatch` when a line is not in `currency`;
    ///   ``ImportError`` `.invalidRecord` for a quantity that is not in 1...Int32.max.
    /// - Complexity: O(lines) plus the sort of each customer's orders.
    public init(orders: [Order], currency: Currency) throws {
        var customerIndex: [CustomerID: Int] = [:]
        var customerIDs = ByteStringTable()
        var ordersOfCustomer: [[Int]] = []
        for (position, order) in orders.enumerated() {
            if let index = customerIndex[order.customerID] {
                ordersOfCustomer[index].append(position)
            } else {
                customerIndex[order.customerID] = ordersOfCustomer.count
                customerIDs.append(order.customerID.rawValue.utf8)
                ordersOfCustomer.append([position])
            }
        }
        var itemIndex: [ItemID: Int32] = [:]
        var itemIDs = ByteStringTable()
        var orderIDTable = ByteStringTable()
        var customerOrderOffsets = [0]
        var orderDays: [Int32] = []
        var orderLineStarts: [Int] = []
        var orderLineEnds: [Int] = []
        var lineItems: [Int32] = []
        var lineQuantities: [Int32] = []
        var lineAmounts: [Int64] = []
        var orderIDIndex: [Int32] = []
        for positions in ordersOfCustomer {
            let sorted = positions.sorted { (orders[$0].date, $0) < (orders[$1].date, $1) }
            for position in sorted {
                let order = orders[position]
                for line in order.lines {
                    guard line.amount.currency == currency else {
                        throw MoneyError(
                            .currencyMismatch,
                            "order \(order.id) has a line in \(line.amount.currency.code), the snapshot is in \(currency.code)")
                    }
                    let item: Int32
                    if let known = itemIndex[line.itemID] {
                        item = known
                    } else {
                        item = Int32(itemIDs.count)
                        itemIndex[line.itemID] = item
                        itemIDs.append(line.itemID.rawValue.utf8)
                    }
                    lineItems.append(item)
                    guard line.quantity >= 1, let quantity = Int32(exactly: line.quantity) else {
                        throw ImportError(.invalidRecord, "order \(order.id) has quantity \(line.quantity), not in 1...\(Int32.max)")
                    }
                    lineQuantities.append(quantity)
                    lineAmounts.append(line.amount.minorUnits)
                }
                orderLineStarts.append(lineItems.count - order.lines.count)
                orderLineEnds.append(lineItems.count)
                orderIDIndex.append(Int32(orderIDTable.count))
                orderIDTable.append(order.id.rawValue.utf8)
                orderDays.append(order.date.dayNumber)
            }
            customerOrderOffsets.append(orderDays.count)
        }
        self.init(
            currency: currency, customerIDs: customerIDs, itemIDs: itemIDs,
            customerOrderOffsets: customerOrderOffsets, orderDays: orderDays, orderLineStarts: orderLineStarts, orderLineEnds: orderLineEnds,
            lineItems: lineItems, lineQuantities: lineQuantities, lineAmounts: lineAmounts,
            orderIDIndex: orderIDIndex, orderIDTable: orderIDTable)
    }

    /// Builds a snapshot from everything an order store holds, reading it page by page.
    /// - Throws: what the store throws, or ``MoneyError`` for a line in another currency.
    public static func build(from store: some OrderStore, currency: Currency, pageSize: Int = 10_000) async throws -> CustomerSnapshot {
        let orders = try await store.allOrders(pageSize: pageSize)
        return try CustomerSnapshot(orders: orders, currency: currency)
    }
}
