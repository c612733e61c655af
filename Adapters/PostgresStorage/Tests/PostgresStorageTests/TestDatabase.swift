#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import PostgresStorage
import Testing
import Synchronization

/// The server the tests use: the one the PG* environment variables name (`.ci/run` starts one).
enum TestDatabase {
    /// True when `PGHOST` is set; the server tests are skipped otherwise.
    static let isConfigured = ProcessInfo.processInfo.environment["PGHOST"].map { !$0.isEmpty } ?? false

    static let skipReason: Comment = "no PostgreSQL server configured: set PGHOST (and PGPORT, PGUSER, PGDATABASE) or run .ci/run"

    private static let counter = Atomic<Int>(0)

    /// A schema name no other test uses.
    static func uniqueSchema() throws -> PostgresSchema {
        let number = counter.add(1, ordering: .relaxed).newValue
        let process = ProcessInfo.processInfo.processIdentifier
        return try PostgresSchema("t_\(process)_\(number)_\(UInt32.random(in: 0...UInt32.max))")
    }

    /// Runs `body` with a client and a factory of freshly migrated schemas, then drops them all.
    static func withFreshSchemas<Result>(
        _ body: (PostgresStorageClient, @escaping @Sendable () async throws -> PostgresSchema) async throws -> Result
    ) async throws -> Result {
        let settings = try PostgresSettings(environment: ProcessInfo.processInfo.environment)
        let client = PostgresStorageClient(settings: settings, maximumConnections: 6)
        let created = Mutex<[PostgresSchema]>([])
        let makeSchema: @Sendable () async throws -> PostgresSchema = {
            let schema = try uniqueSchema()
            created.withLock { $0.append(schema) }
            try await client.migrate(schema: schema)
            return schema
        }
        do {
            let result = try await body(client, makeSchema)
            for schema in created.withLock({ $0 }) { try await client.dropSchema(schema) }
            await client.shutdown()
            return result
        } catch {
            for schema in created.withLock({ $0 }) { try? await client.dropSchema(schema) }
            await client.shutdown()
            throw error
        }
    }
}
