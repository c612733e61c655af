import Foundation
import CustomerModel
import PostgresStorage

/// Wall-clock timing with the monotonic clock.
func measure<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let value = try await body()
    let elapsed = ContinuousClock.now - start
    return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
}

func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }

/// A fresh, migrated schema for one scenario.
func freshSchema(_ client: PostgresStorageClient, _ name: String) async throws -> PostgresSchema {
    let schema = try PostgresSchema(name)
    try await client.dropSchema(schema)
    try await client.migrate(schema: schema)
    return schema
}

/// Deterministic orders: `count` orders of `linesPerOrder` lines over `customers` customers,
/// numbered from `first` so that batches never collide.
func syntheticOrders(first: Int, count: Int, linesPerOrder: Int, customers: Int) -> [Order] {
    (first..<(first + count)).map { n in
        let customer = n % customers
        return Order(
            id: OrderID("o-\(n)"), customerID: CustomerID("c-\(customer)"), date: CalendarDay(dayNumber: Int32(19_000 + n % 730)),
            lines: (0..<linesPerOrder).map { line in
                OrderLine(itemID: ItemID("i-\((n * 7 + line * 13) % 5_000)"), quantity: 1 + (n + line) % 3,
                          amount: Money(minorUnits: Int64(100 + (n * 31 + line * 17) % 20_000), currency: .usd))
            })
    }
}

/// Writes a line to standard output at once (unbuffered, so progress shows in a pipe or a file).
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
