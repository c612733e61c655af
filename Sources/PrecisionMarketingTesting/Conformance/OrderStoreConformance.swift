import CustomerModel

/// The conformance suite every ``OrderStore`` implementation must pass.
///
/// Throws a ``ConformanceFailure`` naming the check on the first violation. `makeStore`
/// must return a new, empty store for each check.
///
/// ```swift
/// try await OrderStoreConformance { InMemoryOrderStore() }.run()
/// ```
public struct OrderStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any OrderStore

    /// Creates the suite with a factory of new, empty stores.
    public init(makeStore: @escaping @Sendable () async throws -> any OrderStore) {
        self.makeStore = makeStore
    }

    /// Runs every check in turn.
    public func run() async throws {
        try await checkAppendAndRead()
        try await checkPaging()
        try await checkReplaceAndDuplicates()
        try await checkDelete()
        try await checkBadInput()
        try await checkConcurrency()
    }

    private func check(_ name: String) -> ConformanceCheck {
        ConformanceCheck(suite: "OrderStoreConformance", check: name)
    }

    /// Appended orders read back equal, per customer by date then id, and are counted.
    public func checkAppendAndRead() async throws {
        let c = check("appendAndRead")
        let store = try await makeStore()
        try c.expect(try await store.count() == 0, "a new store is not empty")
        let orders = [
            ConformanceFixtures.order("o-3", customer: "ann", day: 5),
            ConformanceFixtures.order("o-1", customer: "ann", day: 9),
            ConformanceFixtures.order("o-2", customer: "bob", day: 1),
            ConformanceFixtures.order("o-0", customer: "ann", day: 5),
        ]
        try await store.append(orders)
        try c.expect(try await store.count() == 4, "count is not 4 after appending 4 orders")
        let ann = try await store.orders(for: "ann")
        try c.expect(ann.map(\.id) == ["o-0", "o-3", "o-1"], "orders of ann were \(ann.map(\.id)), expected [o-0, o-3, o-1] (by date, then id)")
        try c.expect(ann.allSatisfy { orders.contains($0) }, "an order did not read back equal to what was stored")
        let both = try await store.orders(for: ["bob", "nobody", "ann"])
        try c.expect(Set(both.map(\.id)) == ["o-0", "o-1", "o-2", "o-3"] && both.count == 4,
                     "orders(for: [bob, nobody, ann]) returned \(both.map(\.id))")
        try c.expect(try await store.orders(for: "nobody").isEmpty, "an unknown customer has orders")
    }

    /// Pages of every size return all orders once, ascending by order id, and are stable.
    public func checkPaging() async throws {
        let c = check("paging")
        let store = try await makeStore()
        let ids = ConformanceFixtures.ids("o", 0..<41).reversed() + ConformanceFixtures.awkwardIDs
        for index in stride(from: 0, to: ids.count, by: 8) {
            let batch = ids[index..<min(ids.count, index + 8)]
            try await store.append(batch.map { ConformanceFixtures.order($0, customer: "c\($0.utf8.count % 3)") })
        }
        for limit in [1, 6, 50, 1_000] {
            let keys = try await c.readAllKeys(limit: limit, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
            try c.expectKeys(keys, equal: ids, "paging with limit \(limit)")
        }
        let first = try await store.page(after: nil, limit: 6)
        let again = try await store.page(after: nil, limit: 6)
        try c.expect(first == again, "reading the first page twice gave different results")
    }

    /// The same id for the same customer replaces; for another customer it is refused whole.
    public func checkReplaceAndDuplicates() async throws {
        let c = check("replaceAndDuplicates")
        let store = try await makeStore()
        try await store.append([ConformanceFixtures.order("o-1", customer: "ann", cents: 100)])
        try await store.append([ConformanceFixtures.order("o-1", customer: "ann", cents: 250)])
        try c.expect(try await store.count() == 1, "re-appending an order of the same customer changed the count")
        let stored = try await store.orders(for: "ann").first
        try c.expect(stored?.lines.first?.amount.minorUnits == 250, "re-appending an order of the same customer did not replace it")
        try await c.expectStoreError(.duplicateID, "order id of another customer") {
            try await store.append([ConformanceFixtures.order("o-2", customer: "bob"), ConformanceFixtures.order("o-1", customer: "bob")])
        }
        try c.expect(try await store.count() == 1, "a refused batch stored some of its orders")
        try await c.expectStoreError(.duplicateID, "one order id for two customers in one batch") {
            try await store.append([ConformanceFixtures.order("o-3", customer: "ann"), ConformanceFixtures.order("o-3", customer: "bob")])
        }
        try c.expect(try await store.count() == 1, "a refused batch stored some of its orders")
        try c.expect(try await store.orders(for: "bob").isEmpty, "a refused batch stored orders of bob")
    }

    /// Deleting a customer's orders removes them from reads, pages and the count.
    public func checkDelete() async throws {
        let c = check("delete")
        let store = try await makeStore()
        let ids = ConformanceFixtures.ids("o", 0..<20)
        try await store.append(ids.enumerated().map { ConformanceFixtures.order($1, customer: $0 % 2 == 0 ? "even" : "odd") })
        let deleted = try await store.deleteOrders(for: ["even", "nobody"])
        try c.expect(deleted == 10, "deleting the 10 orders of 'even' returned \(deleted)")
        try c.expect(try await store.count() == 10, "count is not 10 after deleting 10 of 20")
        try c.expect(try await store.orders(for: "even").isEmpty, "deleted orders still read back")
        let keys = try await c.readAllKeys(limit: 3, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
        try c.expectKeys(keys, equal: ids.enumerated().filter { $0.offset % 2 == 1 }.map(\.element), "paging after a delete")
        try c.expect(try await store.deleteOrders(for: ["even"]) == 0, "deleting again did not return 0")
    }

    /// Invalid arguments throw ``StoreError`` and store nothing.
    public func checkBadInput() async throws {
        let c = check("badInput")
        let store = try await makeStore()
        try await c.expectStoreError(.invalidArgument, "page with limit 0") { _ = try await store.page(after: nil, limit: 0) }
        try await c.expectStoreError(.invalidArgument, "an empty order id") {
            try await store.append([ConformanceFixtures.order("ok", customer: "ann"), ConformanceFixtures.order("", customer: "ann")])
        }
        try await c.expectStoreError(.invalidArgument, "an empty customer id") {
            try await store.append([ConformanceFixtures.order("o-9", customer: "")])
        }
        try c.expect(try await store.count() == 0, "a refused batch stored records")
    }

    /// Many tasks appending and reading at once lose nothing and never see a broken page.
    public func checkConcurrency() async throws {
        let c = check("concurrency")
        let store = try await makeStore()
        let writers = 8
        let perWriter = 30
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    let ids = ConformanceFixtures.ids("w", (writer * perWriter)..<((writer + 1) * perWriter))
                    for start in stride(from: 0, to: ids.count, by: 6) {
                        try await store.append(ids[start..<(start + 6)].map { ConformanceFixtures.order($0, customer: "c\(writer)") })
                    }
                }
            }
            for reader in 0..<4 {
                group.addTask {
                    for _ in 0..<10 {
                        _ = try await c.readAllKeys(limit: 11, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
                        let orders = try await store.orders(for: CustomerID("c\(reader)"))
                        try c.expect(orders.count % 6 == 0, "a reader saw part of a batch: \(orders.count) orders of c\(reader)")
                    }
                }
            }
            try await group.waitForAll()
        }
        try c.expect(try await store.count() == writers * perWriter, "count is not \(writers * perWriter) after concurrent appends")
        let keys = try await c.readAllKeys(limit: 25, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
        try c.expectKeys(keys, equal: ConformanceFixtures.ids("w", 0..<(writers * perWriter)), "after concurrent appends")
    }
}
