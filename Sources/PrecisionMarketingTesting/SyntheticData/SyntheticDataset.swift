import CustomerModel

/// Everything one run of ``SyntheticDataGenerator`` produced.
///
/// Customer `i` (0-based) is `C` + `i + 1` zero-padded to seven digits, at index `i` of
/// ``customers`` and ``profiles``. Orders are in canonical order (date, customer, order)
/// and numbered `O000000001` … in that order; lines are sorted by item. Interaction events
/// are in time order and numbered `E0000000001` ….
public struct SyntheticDataset: Sendable {
    /// The configuration that produced the data.
    public let configuration: SyntheticDataGenerator.Configuration
    /// The item catalogue (item → category, price, popularity).
    public let catalogue: ItemCatalogue
    /// Per customer, the hidden traits behind its behaviour.
    public let customers: [SyntheticCustomerTraits]
    /// Per customer, the profile (empty when profiles were not requested).
    public let profiles: [CustomerProfile]
    /// Every order; each customer has at least one.
    public let orders: [Order]
    /// Every interaction event (empty when interactions were not requested).
    public let interactions: [InteractionEvent]
    /// Which profiles were made dirty, and how.
    public let dirtyData: DirtyDataManifest

    /// The customer ids, in index order.
    public var customerIDs: [CustomerID] { customers.map(\.customerID) }

    /// The number of order lines (rows of the transactions CSV).
    public var orderLineCount: Int { orders.reduce(0) { $0 + $1.lines.count } }

    /// The canonical transactions CSV of the orders (see ``TransactionsCSVWriter``).
    public func transactionsCSV() -> [UInt8] {
        TransactionsCSVWriter().bytes(for: orders)
    }
}
