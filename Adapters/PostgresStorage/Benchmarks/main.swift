// postgres-benchmarks: the issue's targets, measured against the server the PG* variables name.
//
//   postgres-benchmarks [append] [snapshot] [consent] [restart]   (all four by default)
//
// Options (environment): TX_1M (default /tmp/peers-data/tx_1m.csv) for `snapshot`;
// PG_CTL, PGDATA_DIR, PG_OWNER (run pg_ctl as this user, for a root shell) and PG_START_OPTIONS
// (the -o string the server was started with) for `restart`, which stops and starts the server.
// Every scenario works in its own schema and drops it at the end.
#if canImport(FoundationEssentials)
import FoundationEssentials
#endif
import Foundation
import CustomerModel
import PostgresStorage
import PrecisionMarketingTesting
import Privacy

let environment = ProcessInfo.processInfo.environment
let requested = Set(CommandLine.arguments.dropFirst())
let all = ["append", "snapshot", "consent", "restart"]
for name in requested where !all.contains(name) {
    FileHandle.standardError.write(Data("unknown scenario '\(name)'; scenarios: \(all.joined(separator: ", "))\n".utf8))
    exit(2)
}
let scenarios = requested.isEmpty ? all : all.filter { requested.contains($0) }

let settings: PostgresSettings
do {
    settings = try PostgresSettings(environment: environment)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
let client = PostgresStorageClient(settings: settings, maximumConnections: 8)
report("PostgreSQL at \(settings)")

var failed = false
for scenario in scenarios {
    do {
        switch scenario {
        case "append": try await AppendBenchmark.run(client)
        case "snapshot": try await SnapshotBenchmark.run(client, csv: environment["TX_1M"] ?? "/tmp/peers-data/tx_1m.csv")
        case "consent": try await ConsentLookupBenchmark.run(client)
        default: try await RestartBenchmark.run(client, server: try ServerControl(environment: environment))
        }
    } catch {
        report("\(scenario): FAILED: \(error)")
        failed = true
    }
}
// After `restart` the pool of `client` may never settle (see RestartBenchmark): just exit.
if !scenarios.contains("restart") { await client.shutdown() }
exit(failed ? 1 : 0)
