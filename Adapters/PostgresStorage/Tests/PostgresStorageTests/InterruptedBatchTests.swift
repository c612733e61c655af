import CustomerModel
import PostgresNIO
@testable import PostgresStorage
import Testing

/// A batch that the server interrupts midway fails with a typed error, stores nothing, and is
/// stored exactly once when retried.
@Suite("Interrupted batches", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct InterruptedBatchTests {
    static func orders(_ range: Range<Int>) -> [Order] {
        range.map { n in
            Order(id: OrderID("o-\(n)"), customerID: CustomerID("c-\(n % 7)"), date: CalendarDay(dayNumber: 20_000 + Int32(n % 30)),
                  lines: (0..<3).map { OrderLine(itemID: ItemID("i-\($0)"), quantity: 1, amount: Money(minorUnits: Int64(n * 10 + $0), currency: .usd)) })
        }
    }

    @Test func aBatchCutOffByTheServerFailsTypedAndItsRetryIsStoredOnce() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            let schema = try await fresh()
            let store = PostgresOrderStore(client: client, schema: schema)
            let first = Self.orders(0..<200)
            let second = Self.orders(200..<500)
            try await store.append(first)
            // Hold a lock that the second batch's insert waits on, find its backend and cancel the
            // statement from the server side. (Ending the backend outright, as a restart does, is
            // the `restart` scenario of postgres-benchmarks: it needs the server to itself.)
            let (terminated, writer) = try await client.withTransaction(schema) { holder in
                try await holder.query("LOCK TABLE \(unescaped: schema.name).orders IN EXCLUSIVE MODE", logger: client.logger)
                let writer = Task { try await store.append(second) }
                var terminated = false
                for _ in 0..<500 where !terminated {
                    // Statistics views are snapshotted once per transaction unless cleared.
                    try await holder.query("SELECT pg_stat_clear_snapshot()", logger: client.logger)
                    let rows = try await holder.query("""
                        SELECT pg_cancel_backend(pid) FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND query LIKE \("%INSERT INTO " + schema.name + ".orders%")
                        """, logger: client.logger)
                    for try await (done) in rows.decode(Bool.self) { terminated = terminated || done }
                    if !terminated { try await Task.sleep(for: .milliseconds(10)) }
                }
                // The writer is awaited after the lock is released, so a miss cannot hang the test.
                return (terminated, writer)
            }
            #expect(terminated, "the second batch's backend was never seen waiting")
            guard case .failure(let failure) = await writer.result else {
                Issue.record("the interrupted batch succeeded")
                return
            }
            let error = try #require(failure as? StoreError)
            #expect(error.code == .unavailable)
            #expect(error.message.contains("PostgreSQL at \(client.settings)"), "\(error.message)")
            // Nothing of the failed batch is stored; the first batch is intact.
            #expect(try await store.count() == 200)
            try await store.append(second)
            try await store.append(second)
            #expect(try await store.count() == 500)
            let stored = try await store.orders(for: (0..<7).map { CustomerID("c-\($0)") })
            #expect(stored.count == 500)
            #expect(Set(stored) == Set(first + second))
        }
    }
}
