#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Privacy

/// The conformance suite for a ``Privacy/PersonalDataStore``: what erasure and export rely on.
///
/// `makeStore` returns a new store and a closure that puts data about a customer into it.
/// The suite seeds two customers, exports and erases one, and checks that exactly that
/// customer's data is gone.
///
/// ```swift
/// try await PersonalDataStoreConformance {
///     let orders = InMemoryOrderStore()
///     return (PersonalDataStores.orders(orders), { id in try await orders.append(anOrder(of: id)) })
/// }.run()
/// ```
public struct PersonalDataStoreConformance: Sendable {
    /// A store and a closure that seeds it with data about a customer.
    public typealias Fixture = (store: any PersonalDataStore, seed: @Sendable (CustomerID) async throws -> Void)
    private let makeStore: @Sendable () async throws -> Fixture

    public init(makeStore: @escaping @Sendable () async throws -> Fixture) {
        self.makeStore = makeStore
    }

    /// Runs every check.
    public func run() async throws {
        let fixture = try await makeStore()
        let c = ConformanceCheck(suite: "PersonalDataStoreConformance", check: fixture.store.name)
        let store = fixture.store
        let ann: CustomerID = "suite-ann"
        let bob: CustomerID = "suite-bob"
        try c.expect(Self.isEmptyArray(try await store.exportJSON(for: ann)), "a new store exports data about a customer")
        try await fixture.seed(ann)
        try await fixture.seed(bob)
        let exported = try await store.exportJSON(for: ann)
        try c.expect(Self.isArray(exported) && !Self.isEmptyArray(exported), "the export of a seeded customer is not a non-empty JSON array: \(exported.prefix(80))")
        try c.expect(!exported.contains(bob.rawValue), "the export of one customer mentions another")
        let removed = try await store.erase(ann)
        try c.expect(removed > 0, "erasing a seeded customer removed \(removed) records")
        try c.expect(Self.isEmptyArray(try await store.exportJSON(for: ann)), "an erased customer still exports data")
        try c.expect(try await store.erase(ann) == 0, "erasing twice removed records the second time")
        try c.expect(!Self.isEmptyArray(try await store.exportJSON(for: bob)), "erasing one customer removed another's data")
    }

    private static func trimmed(_ json: String) -> String { json.filter { !$0.isWhitespace } }
    private static func isArray(_ json: String) -> Bool { let t = trimmed(json); return t.hasPrefix("[") && t.hasSuffix("]") }
    private static func isEmptyArray(_ json: String) -> Bool { trimmed(json) == "[]" }
}
