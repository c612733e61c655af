import Foundation
import CustomerModel
import Synchronization
import PostgresStorage

/// Stops and starts the PostgreSQL server with `pg_ctl`.
struct ServerControl: Sendable {
    let pgCtl: String
    let dataDirectory: String
    let owner: String?
    let startOptions: String

    init(environment: [String: String]) throws {
        guard let data = environment["PGDATA_DIR"], !data.isEmpty else {
            throw StoreError(.invalidArgument, "restart needs PGDATA_DIR (the server's data directory) and PG_START_OPTIONS")
        }
        pgCtl = environment["PG_CTL"] ?? "/usr/lib/postgresql/15/bin/pg_ctl"
        dataDirectory = data
        owner = environment["PG_OWNER"].flatMap { $0.isEmpty ? nil : $0 }
        startOptions = environment["PG_START_OPTIONS"] ?? ""
    }

    func stop() throws { try run(["-D", dataDirectory, "-m", "fast", "-w", "stop"]) }
    func start() throws { try run(["-D", dataDirectory, "-l", dataDirectory + "/../server.log", "-w", "-t", "60", "-o", startOptions, "start"]) }

    private func run(_ arguments: [String]) throws {
        let process = Process()
        if let owner {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", owner, "--", pgCtl] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: pgCtl)
            process.arguments = arguments
        }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw StoreError(.unavailable, "pg_ctl \(arguments.last ?? "") exited \(process.terminationStatus)")
        }
    }
}

/// Writes a first batch, then stops the server while the second batch is being appended and
/// starts it again: the second batch must fail with a typed error, and retrying it must store
/// it exactly once (nothing lost, nothing doubled).
enum RestartBenchmark {
    static func run(_ client: PostgresStorageClient, server: ServerControl) async throws {
        let schema = try await freshSchema(client, "bench_restart")
        let store = PostgresOrderStore(client: client, schema: schema)
        let first = syntheticOrders(first: 0, count: 50_000, linesPerOrder: 4, customers: 20_000)
        let second = syntheticOrders(first: 50_000, count: 150_000, linesPerOrder: 4, customers: 20_000)
        try await store.append(first)
        // The second batch takes a few seconds; the server stops (fast shutdown) 300 ms into it.
        let finished = Flag()
        let writer = Task {
            defer { finished.value.store(true, ordering: .releasing) }
            try await store.append(second)
        }
        try await Task.sleep(for: .milliseconds(300))
        try server.stop()
        // A batch that never reports back would be a failure of its own: give it 90 s.
        for _ in 0..<900 where !finished.value.load(ordering: .acquiring) { try await Task.sleep(for: .milliseconds(100)) }
        guard finished.value.load(ordering: .acquiring) else {
            try server.start()
            throw StoreError(.unavailable, "the interrupted batch did not report back within 90 s")
        }
        let outcome: String
        do {
            try await writer.value
            outcome = "the second batch committed before the server stopped"
        } catch let error as StoreError {
            outcome = "the second batch failed with StoreError .\(error.code): \(error.message)"
        }
        report("restart: \(outcome)")
        try server.start()
        // postgres-nio's pool does not recover once its connection circuit breaker has tripped
        // (the retry waits forever on the old client), so the retry uses a new client.
        let fresh = PostgresStorageClient(settings: client.settings, maximumConnections: 4)
        let retryStore = PostgresOrderStore(client: fresh, schema: schema)
        let (_, retry) = try await measure { try await retryStore.append(second) }
        // A third, identical retry: must change nothing.
        try await retryStore.append(second)
        let orders = try await retryStore.count()
        let (snapshot, _) = try await retryStore.snapshot()
        let lines = (0..<snapshot.orderCount).reduce(0) { $0 + snapshot.lines(ofOrder: $1).count }
        let total = (0..<snapshot.orderCount).reduce(Int64(0)) { sum, order in
            snapshot.lines(ofOrder: order).reduce(sum) { $0 + snapshot.lineAmounts[$1] }
        }
        let expectedTotal = (first + second).reduce(Int64(0)) { sum, order in order.lines.reduce(sum) { $0 + $1.amount.minorUnits } }
        guard orders == 200_000, lines == 800_000, total == expectedTotal else {
            throw StoreError(.unavailable, "after the restart and retries: \(orders) orders, \(lines) lines, amount \(total); "
                             + "expected 200000, 800000, \(expectedTotal)")
        }
        report("restart: retry stored the batch in \(seconds(retry)); after a second retry: \(orders) orders, \(lines) lines, "
              + "amount total \(total) minor units = the two batches exactly (no duplicates, nothing lost)")
        try await fresh.dropSchema(schema)
        await fresh.shutdown()
    }
}

/// A flag shared with a task.
final class Flag: Sendable {
    let value = Atomic<Bool>(false)
}
