/// An order: what a customer bought on one day, as lines.
public struct Order: Hashable, Sendable, Codable, Identifiable {
    /// The order.
    public var id: OrderID
    /// Who placed it.
    public var customerID: CustomerID
    /// The day it was placed.
    public var date: CalendarDay
    /// The order lines.
    public var lines: [OrderLine]
    /// Where it was placed (web, app, in store, …), if known.
    public var channel: Channel?
    /// The salesperson or dealer credited, if any.
    public var salesperson: SalespersonID?

    public init(
        id: OrderID, customerID: CustomerID, date: CalendarDay, lines: [OrderLine],
        channel: Channel? = nil, salesperson: SalespersonID? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.date = date
        self.lines = lines
        self.channel = channel
        self.salesperson = salesperson
    }

    /// The order total.
    ///
    /// - Throws: ``MoneyError`` when lines are in different currencies or the sum overflows.
    public func total() throws(MoneyError) -> Money? {
        guard let first = lines.first else { return nil }
        return try Money.sum(lines.lazy.map(\.amount), currency: first.amount.currency)
    }
}

/// One line of an order: an item, a quantity, and the line total.
public struct OrderLine: Hashable, Sendable, Codable {
    /// The product or service.
    public var itemID: ItemID
    /// How many units (a positive integer).
    public var quantity: Int
    /// The line total (not the unit price).
    public var amount: Money
    /// The item's category, if known.
    public var categoryID: CategoryID?

    public init(itemID: ItemID, quantity: Int, amount: Money, categoryID: CategoryID? = nil) {
        self.itemID = itemID
        self.quantity = quantity
        self.amount = amount
        self.categoryID = categoryID
    }
}
