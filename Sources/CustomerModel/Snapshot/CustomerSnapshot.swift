/// The read-only, columnar form of customers' orders that every analytic reads.
///
/// Customers and items are interned to dense indices (`0..<customerCount`, in order of
/// first appearance in the input), dates are day numbers, amounts are integer minor units.
/// Orders are grouped by customer and sorted by day (ties in input order); each order's
/// lines are contiguous, in input order:
///
/// ```
/// customer c owns orders  customerOrderOffsets[c] ..< customerOrderOffsets[c + 1]
/// order o owns lines      orderLineStarts[o]      ..< orderLineEnds[o]
/// ```
///
/// Line columns stay in input order (so building a snapshot never moves the lines); reach
/// lines through an order's range, never by position alone: rejected lines may remain in
/// the columns without belonging to any order.
///
/// Orders are identified by (customer, order id): the same order id under two customers is
/// two orders. Build one with ``SnapshotBuilder`` (from CSV bytes, in parallel) or
/// ``init(orders:currency:)`` (from stores).
public struct CustomerSnapshot: Sendable {
    /// The currency of every amount.
    public let currency: Currency
    /// Customer ids by customer index.
    public let customerIDs: ByteStringTable
    /// Item ids by item index.
    public let itemIDs: ByteStringTable
    /// Orders of customer `c`: `customerOrderOffsets[c]..<customerOrderOffsets[c+1]`.
    public let customerOrderOffsets: [Int]
    /// The day number of each order.
    public let orderDays: [Int32]
    /// First line of order `o`.
    public let orderLineStarts: [Int]
    /// End (exclusive) of the lines of order `o`.
    public let orderLineEnds: [Int]
    /// The item index of each line.
    public let lineItems: [Int32]
    /// The quantity of each line.
    public let lineQuantities: [Int32]
    /// The amount of each line in minor units.
    public let lineAmounts: [Int64]
    /// Where each order's id is in ``orderIDTable``.
    let orderIDIndex: [Int32]
    /// Order id strings (possibly with repeats; reach them through ``orderID(at:)``).
    let orderIDTable: ByteStringTable

    init(
        currency: Currency, customerIDs: ByteStringTable, itemIDs: ByteStringTable,
        customerOrderOffsets: [Int], orderDays: [Int32], orderLineStarts: [Int], orderLineEnds: [Int],
        lineItems: [Int32], lineQuantities: [Int32], lineAmounts: [Int64],
        orderIDIndex: [Int32], orderIDTable: ByteStringTable
    ) {
        self.currency = currency
        self.customerIDs = customerIDs
        self.itemIDs = itemIDs
        self.customerOrderOffsets = customerOrderOffsets
        self.orderDays = orderDays
        self.orderLineStarts = orderLineStarts
        self.orderLineEnds = orderLineEnds
        var lines = 0
        for o in 0..<orderDays.count { lines += orderLineEnds[o] - orderLineStarts[o] }
        self.lineCount = lines
        self.lineItems = lineItems
        self.lineQuantities = lineQuantities
        self.lineAmounts = lineAmounts
        self.orderIDIndex = orderIDIndex
        self.orderIDTable = orderIDTable
    }

    /// Number of customers.
    public var customerCount: Int { customerIDs.count }
    /// Number of items.
    public var itemCount: Int { itemIDs.count }
    /// Number of orders.
    public var orderCount: Int { orderDays.count }
    /// Number of order lines (of all orders).
    public let lineCount: Int

    /// The id of customer `index`.
    public func customerID(at index: Int) -> CustomerID { CustomerID(customerIDs[index]) }
    /// The id of item `index`.
    public func itemID(at index: Int) -> ItemID { ItemID(itemIDs[index]) }
    /// The id of order `index`.
    public func orderID(at index: Int) -> OrderID { OrderID(orderIDTable[Int(orderIDIndex[index])]) }

    /// The orders of customer `index`, as order indices.
    public func orders(ofCustomer index: Int) -> Range<Int> {
        customerOrderOffsets[index]..<customerOrderOffsets[index + 1]
    }

    /// The lines of order `index`, as line indices.
    public func lines(ofOrder index: Int) -> Range<Int> {
        orderLineStarts[index]..<orderLineEnds[index]
    }

    /// The day of order `index`.
    public func day(ofOrder index: Int) -> CalendarDay { CalendarDay(dayNumber: orderDays[index]) }

    /// The first and last order days, or nil for an empty snapshot.
    /// - Complexity: O(orders).
    public var dayRange: ClosedRange<CalendarDay>? {
        guard var low = orderDays.first else { return nil }
        var high = low
        for day in orderDays {
            low = min(low, day)
            high = max(high, day)
        }
        return CalendarDay(dayNumber: low)...CalendarDay(dayNumber: high)
    }

    /// A dictionary from customer id to customer index, for look-ups of single customers.
    /// - Complexity: O(customers).
    public func makeCustomerIndex() -> [CustomerID: Int] {
        var index: [CustomerID: Int] = [:]
        index.reserveCapacity(customerCount)
        for c in 0..<customerCount { index[customerID(at: c)] = c }
        return index
    }

    /// A dictionary from item id to item index.
    /// - Complexity: O(items).
    public func makeItemIndex() -> [ItemID: Int] {
        var index: [ItemID: Int] = [:]
        index.reserveCapacity(itemCount)
        for i in 0..<itemCount { index[itemID(at: i)] = i }
        return index
    }

    /// The orders of one customer as model values (for display and tests, not hot loops).
    public func materializeOrders(ofCustomer index: Int) -> [Order] {
        let customer = customerID(at: index)
        return orders(ofCustomer: index).map { o in
            Order(
                id: orderID(at: o), customerID: customer, date: day(ofOrder: o),
                lines: lines(ofOrder: o).map { l in
                    OrderLine(
                        itemID: itemID(at: Int(lineItems[l])), quantity: Int(lineQuantities[l]),
                        amount: Money(minorUnits: lineAmounts[l], currency: currency))
                })
        }
    }
}
