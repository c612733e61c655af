/// Stores orders with their lines: the transaction data of the customer database.
///
/// Pages are in ``StoreOrder`` (ascending order id). Appending an order whose id is stored
/// for the same customer replaces it (a correction or a re-delivery); an order id that is
/// stored, or appears earlier in the batch, for a different customer is a ``StoreError``
/// `.duplicateID`, and the whole batch is refused. ``InMemoryOrderStore`` is the in-memory
/// implementation; `OrderStoreConformance` in PrecisionMarketingTesting checks any other.
public protocol OrderStore: Sendable {
    /// Appends orders, replacing stored orders with the same id and customer.
    /// - Throws: ``StoreError`` `.duplicateID` for an order id of another customer,
    ///   `.invalidArgument` for an empty order or customer id. Nothing is stored then.
    func append(_ orders: [Order]) async throws

    /// The orders of these customers, by date, then order id.
    func orders(for customerIDs: [CustomerID]) async throws -> [Order]

    /// Up to `limit` orders after `cursor` (from the first when `cursor` is nil).
    /// - Throws: ``StoreError`` `.invalidArgument` when `limit` is below 1.
    func page(after cursor: PageCursor?, limit: Int) async throws -> Page<Order>

    /// Deletes every order of these customers and returns how many were deleted.
    func deleteOrders(for customerIDs: [CustomerID]) async throws -> Int

    /// The number of stored orders.
    func count() async throws -> Int
}

extension OrderStore {
    /// Appends one order.
    public func append(_ order: Order) async throws {
        try await append([order])
    }

    /// The orders of one customer, by date, then order id.
    public func orders(for customerID: CustomerID) async throws -> [Order] {
        try await orders(for: [customerID])
    }

    /// Every stored order in store order, read page by page.
    /// - Complexity: O(n) reads of `pageSize` records.
    public func allOrders(pageSize: Int = 1_000) async throws -> [Order] {
        var all: [Order] = []
        var cursor: PageCursor?
        repeat {
            let page = try await page(after: cursor, limit: pageSize)
            all.append(contentsOf: page.elements)
            cursor = page.nextCursor
        } while cursor != nil
        return all
    }
}
