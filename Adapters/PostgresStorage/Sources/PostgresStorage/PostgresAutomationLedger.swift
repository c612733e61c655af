import Campaigns
import CustomerModel
import Logging
import PostgresNIO

/// A ``Campaigns/AutomationLedger`` over PostgreSQL: one row per fired occasion key, keyed by
/// the customer id the key names (its second `|`-separated part, empty when it has none) and
/// the key, so that a customer's keys are one index range and the table can be distributed by
/// customer id.
///
/// A claim is one `INSERT ... ON CONFLICT DO NOTHING RETURNING`: the database decides which
/// of several concurrent claimers of a key wins, exactly once.
public struct PostgresAutomationLedger: AutomationLedger {
    private let client: PostgresStorageClient
    private let schema: PostgresSchema

    /// A ledger over the `automation_ledger` table of `schema`.
    public init(client: PostgresStorageClient, schema: PostgresSchema = .default) {
        self.client = client
        self.schema = schema
    }

    /// The customer part of a key, as the table's check constraint computes it.
    static func customer(ofKey key: String) -> String {
        let parts = key.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count >= 2 ? String(parts[1]) : ""
    }

    /// Records keys; each is new (true) the first time only, within the batch and across batches.
    public func claim(_ keys: [String]) async throws -> [Bool] {
        guard !keys.isEmpty else { return [] }
        var seen = Set<String>()
        let distinct = keys.filter { seen.insert($0).inserted }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let won = try await client.withConnection(schema) { connection in
            let rows = try await connection.query("""
                INSERT INTO \(unescaped: schema.name).automation_ledger (customer_id, key)
                SELECT * FROM unnest(\(distinct.map(Self.customer(ofKey:)))::text[], \(distinct)::text[])
                ON CONFLICT DO NOTHING
                RETURNING key
                """, logger: client.logger)
            var won = Set<String>()
            for try await (key) in rows.decode(String.self) { won.insert(key) }
            return won
        }
        var first = Set<String>()
        return keys.map { won.contains($0) && first.insert($0).inserted }
    }

    /// Forgets keys; returns how many were stored.
    public func remove(_ keys: [String]) async throws -> Int {
        guard !keys.isEmpty else { return 0 }
        let distinct = Array(Set(keys))
        return try await client.withConnection(schema) { connection in
            try await connection.count("""
                WITH deleted AS (
                    DELETE FROM \(unescaped: schema.name).automation_ledger AS l
                    USING unnest(\(distinct.map(Self.customer(ofKey:)))::text[], \(distinct)::text[]) AS gone (customer_id, key)
                    WHERE l.customer_id = gone.customer_id AND l.key = gone.key
                    RETURNING 1
                )
                SELECT count(*) FROM deleted
                """, logger: client.logger)
        }
    }

    /// Every key whose second `|`-separated part is `customerID`, sorted.
    public func keys(ofCustomer customerID: String) async throws -> [String] {
        let keys = try await client.withConnection(schema) { connection in
            let rows = try await connection.query("""
                SELECT key FROM \(unescaped: schema.name).automation_ledger
                WHERE customer_id = \(customerID) AND strpos(key, '|') > 0
                """, logger: client.logger)
            var keys: [String] = []
            for try await (key) in rows.decode(String.self) { keys.append(key) }
            return keys
        }
        return keys.sorted()
    }
}
