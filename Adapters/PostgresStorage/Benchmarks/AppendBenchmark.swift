import CustomerModel
import PostgresStorage

/// Appends 1,000,000 order lines (250,000 orders of 4 lines, 100,000 customers) through
/// `PostgresOrderStore.append` in batches, then checks that every line is stored.
enum AppendBenchmark {
    static let orders = 250_000
    static let linesPerOrder = 4
    static let batchOrders = 12_500

    static func run(_ client: PostgresStorageClient) async throws {
        let schema = try await freshSchema(client, "bench_append")
        let store = PostgresOrderStore(client: client, schema: schema)
        let batches = stride(from: 0, to: orders, by: batchOrders).map {
            syntheticOrders(first: $0, count: batchOrders, linesPerOrder: linesPerOrder, customers: 100_000)
        }
        let (_, elapsed) = try await measure {
            for batch in batches { try await store.append(batch) }
        }
        let stored = try await store.count()
        let (snapshot, _) = try await store.snapshot()
        let lines = (0..<snapshot.orderCount).reduce(0) { $0 + snapshot.lines(ofOrder: $1).count }
        guard stored == orders, lines == orders * linesPerOrder else {
            throw StoreError(.unavailable, "stored \(stored) orders and \(lines) lines, expected \(orders) and \(orders * linesPerOrder)")
        }
        report("append: \(lines) order lines (\(stored) orders, batches of \(batchOrders * linesPerOrder) lines) in \(seconds(elapsed)) "
              + "= \(Int(Double(lines) / elapsed)) lines/s (target < 30 s)")
        try await client.dropSchema(schema)
    }
}
