#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import PostgresStorage
import Testing

/// A snapshot streamed from PostgreSQL holds exactly what the snapshot of the same CSV holds.
@Suite("PostgresOrderStore.snapshot", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct SnapshotStreamingTests {
    /// tx_10k.csv of the root package's Scoring fixtures (the peers' reference data).
    static let fixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/ScoringTests/Fixtures/tx_10k.csv")

    @Test func equalsTheSnapshotBuiltFromTheSameCSV() async throws {
        let bytes = [UInt8](try Data(contentsOf: Self.fixture))
        let format = TransactionCSVFormat(currency: .usd)
        let (expected, expectedReport) = try SnapshotBuilder.build(csv: bytes, format: format)
        let imported = try TransactionCSVImporter.importOrders(from: bytes, format: format)
        try await TestDatabase.withFreshSchemas { client, fresh in
            let store = PostgresOrderStore(client: client, schema: try await fresh())
            for start in stride(from: 0, to: imported.orders.count, by: 5_000) {
                try await store.append(Array(imported.orders[start..<min(imported.orders.count, start + 5_000)]))
            }
            // Small chunks, so that the builder sees many hand-overs.
            let (snapshot, report) = try await store.snapshot(format: format, chunkSize: 4_096)
            #expect(report.rowsRead == expectedReport.rowsKept)
            #expect(report.rejections.isEmpty)
            #expect(snapshot.customerCount == 10_000)
            #expect(snapshot.orderCount == 26_851)
            #expect(snapshot.orderCount == expected.orderCount)
            // Reach lines through orders: the line columns may hold copies that no order owns.
            let total = (0..<snapshot.orderCount).reduce(Int64(0)) { sum, order in
                snapshot.lines(ofOrder: order).reduce(sum) { $0 + snapshot.lineAmounts[$1] }
            }
            #expect(total == 208_542_845)
            #expect(Self.ordersByCustomer(snapshot) == Self.ordersByCustomer(expected))
            // Customers are indexed in ascending id order.
            let ids = (0..<snapshot.customerCount).map { snapshot.customerID(at: $0).rawValue }
            #expect(ids == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
    }

    @Test func refusesLinesInAnotherCurrency() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            let store = PostgresOrderStore(client: client, schema: try await fresh())
            try await store.append(Order(id: "o-1", customerID: "ann", date: CalendarDay(dayNumber: 19_800),
                                         lines: [OrderLine(itemID: "i", quantity: 1, amount: Money(minorUnits: 5, currency: .eur))]))
            let error = await #expect(throws: StoreError.self) { _ = try await store.snapshot(format: TransactionCSVFormat(currency: .usd)) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message == "1 stored order lines are not in USD; a snapshot has one currency")
        }
    }

    /// Every customer's orders, sorted by day and order id: independent of input order.
    static func ordersByCustomer(_ snapshot: CustomerSnapshot) -> [CustomerID: [Order]] {
        var result: [CustomerID: [Order]] = [:]
        for customer in 0..<snapshot.customerCount {
            result[snapshot.customerID(at: customer)] = snapshot.materializeOrders(ofCustomer: customer).sorted {
                $0.date != $1.date ? $0.date < $1.date : $0.id.rawValue < $1.id.rawValue
            }
        }
        return result
    }
}
