import Foundation
import CustomerModel
import PostgresStorage

/// Loads tx_1m.csv (5.18M lines) into PostgreSQL through `PostgresOrderStore.append`, then
/// builds the snapshot from the database three times and checks it against the snapshot of the
/// CSV itself.
enum SnapshotBenchmark {
    static func run(_ client: PostgresStorageClient, csv path: String) async throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let format = TransactionCSVFormat(currency: .usd)
        let (expected, _) = try SnapshotBuilder.build(csv: bytes, format: format)
        let imported = try TransactionCSVImporter.importOrders(from: bytes, format: format)
        let schema = try await freshSchema(client, "bench_snapshot")
        let store = PostgresOrderStore(client: client, schema: schema)
        let (_, load) = try await measure {
            for start in stride(from: 0, to: imported.orders.count, by: 20_000) {
                try await store.append(Array(imported.orders[start..<min(imported.orders.count, start + 20_000)]))
            }
        }
        report("snapshot: loaded \(imported.orders.count) orders of \(path) in \(seconds(load))")
        var best = Double.infinity
        for run in 1...3 {
            let ((snapshot, importReport), elapsed) = try await measure { try await store.snapshot(format: format) }
            guard snapshot.customerCount == expected.customerCount, snapshot.orderCount == expected.orderCount,
                  importReport.rejections.isEmpty
            else {
                throw StoreError(.unavailable, "the snapshot from PostgreSQL has \(snapshot.customerCount) customers and "
                                 + "\(snapshot.orderCount) orders, the CSV's \(expected.customerCount) and \(expected.orderCount)")
            }
            report("snapshot: run \(run): \(importReport.rowsRead) lines, \(snapshot.customerCount) customers, "
                  + "\(snapshot.orderCount) orders in \(seconds(elapsed))")
            best = min(best, elapsed)
        }
        report("snapshot: best of 3 \(seconds(best)) (target < 15 s)")
        try await client.dropSchema(schema)
    }
}
