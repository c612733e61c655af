import Synchronization

/// An ``OrderStore`` that keeps orders in memory, guarded by a `Mutex`.
///
/// Emits one ``DomainEventKind/ordersAppended`` per customer and batch (detail `count`) and
/// one ``DomainEventKind/ordersDeleted`` per customer that had orders, after releasing its lock.
public final class InMemoryOrderStore: OrderStore {
    private struct State: Sendable {
        var orders: [OrderID: Order] = [:]
        var byCustomer: [CustomerID: Set<OrderID>] = [:]
        var index = SortedKeyIndex<OrderID>()
    }

    private let state = Mutex(State())
    private let emitter: StoreEventEmitter

    /// Creates an empty store that emits no events.
    public init() {
        emitter = StoreEventEmitter(sink: nil, timeSource: nil, storeName: "InMemoryOrderStore")
    }

    /// Creates an empty store that reports changes to `eventSink`, stamped by `timeSource`.
    public init(eventSink: any EventSink, timeSource: any TimeSource) {
        emitter = StoreEventEmitter(sink: eventSink, timeSource: timeSource, storeName: "InMemoryOrderStore")
    }

    /// Appends orders; the batch is validated as a whole before anything is stored.
    /// - Complexity: O(k) for k orders.
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
        let emitter = self.emitter
        let now = emitter.timestamp()
        let events = try state.withLock { state throws(StoreError) -> [DomainEvent] in
            for (id, customer) in owners {
                if let stored = state.orders[id], stored.customerID != customer {
                    throw StoreError(.duplicateID, "order '\(id)' is stored for customer '\(stored.customerID)', not '\(customer)'")
                }
            }
            var counts: [CustomerID: Int] = [:]
            var customerOrder: [CustomerID] = []
            for order in orders {
                if state.orders.updateValue(order, forKey: order.id) == nil {
                    state.index.insert(order.id)
                    state.byCustomer[order.customerID, default: []].insert(order.id)
                }
                if counts.updateValue((counts[order.customerID] ?? 0) + 1, forKey: order.customerID) == nil {
                    customerOrder.append(order.customerID)
                }
            }
            return customerOrder.compactMap { customer in
                emitter.event(.ordersAppended, customerID: customer, at: now, details: ["count": String(counts[customer] ?? 0)])
            }
        }
        await emitter.deliver(events)
    }

    /// The orders of these customers, by date, then order id.
    /// - Complexity: O(m log m) for m orders found.
    public func orders(for customerIDs: [CustomerID]) async throws -> [Order] {
        let found = state.withLock { state -> [Order] in
            var seen = Set<CustomerID>()
            var found: [Order] = []
            for customer in customerIDs where seen.insert(customer).inserted {
                for id in state.byCustomer[customer] ?? [] {
                    if let order = state.orders[id] { found.append(order) }
                }
            }
            return found
        }
        return found.sorted { $0.date != $1.date ? $0.date < $1.date : StoreOrder.precedes($0.id, $1.id) }
    }

    /// Up to `limit` orders after `cursor`, ascending by order id.
    /// - Complexity: O(log n + limit), plus O(k log k + n) once after k new orders.
    public func page(after cursor: PageCursor?, limit: Int) async throws -> Page<Order> {
        try StoreOrder.validate(limit: limit)
        return state.withLock { state in
            let (keys, hasMore) = state.index.keys(after: cursor.map { OrderID($0.token) }, limit: limit)
            let elements = keys.compactMap { state.orders[$0] }
            return Page(elements: elements, nextCursor: hasMore ? keys.last.map { PageCursor(after: $0) } : nil)
        }
    }

    /// Deletes every order of these customers.
    /// - Complexity: O(n + m) for m orders deleted.
    public func deleteOrders(for customerIDs: [CustomerID]) async throws -> Int {
        let emitter = self.emitter
        let now = emitter.timestamp()
        let (deleted, events) = state.withLock { state -> (Int, [DomainEvent]) in
            var removed = Set<OrderID>()
            var events: [DomainEvent] = []
            for customer in customerIDs {
                guard let ids = state.byCustomer.removeValue(forKey: customer) else { continue }
                for id in ids { state.orders.removeValue(forKey: id) }
                removed.formUnion(ids)
                if let event = emitter.event(.ordersDeleted, customerID: customer, at: now, details: ["count": String(ids.count)]) {
                    events.append(event)
                }
            }
            state.index.remove(removed)
            return (removed.count, events)
        }
        await emitter.deliver(events)
        return deleted
    }

    /// The number of stored orders.
    public func count() async throws -> Int {
        state.withLock { $0.orders.count }
    }
}
