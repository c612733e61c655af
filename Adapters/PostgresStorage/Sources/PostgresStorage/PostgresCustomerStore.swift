import CustomerModel
import Logging
import PostgresNIO

/// A ``CustomerStore`` over PostgreSQL: one row per customer, the profile (attributes with
/// their provenance, devices, tags, dates) as a JSONB document.
///
/// Upserts are one multi-row `INSERT ... ON CONFLICT` statement, so a batch is stored whole
/// or not at all; pages are keyset reads on the primary key in ``StoreOrder``.
public struct PostgresCustomerStore: CustomerStore {
    private let client: PostgresStorageClient
    private let schema: PostgresSchema

    /// A store over the `customers` table of `schema` (see ``PostgresStorageClient/migrate(schema:)``).
    public init(client: PostgresStorageClient, schema: PostgresSchema = .default) {
        self.client = client
        self.schema = schema
    }

    /// Inserts or replaces profiles in one statement.
    public func upsert(_ profiles: [CustomerProfile]) async throws {
        if let empty = profiles.firstIndex(where: { $0.id.rawValue.isEmpty }) {
            throw StoreError(.invalidArgument, "profile \(empty) of the batch has an empty customer id")
        }
        let batch = StoreBatch.latestByKey(profiles) { $0.id.rawValue }
        guard !batch.isEmpty else { return }
        let ids = batch.map(\.id.rawValue)
        let documents = try batch.map { try JSONDocument.encode(StoredProfile($0), describing: "profile '\($0.id)'") }
        try await client.withConnection(schema) { connection in
            try await connection.query("""
                INSERT INTO \(unescaped: schema.name).customers (id, profile)
                SELECT id, document::jsonb FROM unnest(\(ids)::text[], \(documents)::text[]) AS batch (id, document)
                ON CONFLICT (id) DO UPDATE SET profile = EXCLUDED.profile
                """, logger: client.logger)
        }
    }

    /// The stored profiles with these ids, in the order of `ids`.
    public func profiles(for ids: [CustomerID]) async throws -> [CustomerProfile] {
        guard !ids.isEmpty else { return [] }
        let keys = ids.map(\.rawValue)
        let found = try await client.withConnection(schema) { connection in
            let rows = try await connection.query(
                "SELECT id, profile::text FROM \(unescaped: schema.name).customers WHERE id = ANY(\(keys)::text[])",
                logger: client.logger)
            var found: [String: CustomerProfile] = [:]
            for try await (id, document) in rows.decode((String, String).self) {
                found[id] = try JSONDocument.decode(StoredProfile.self, from: document, describing: "profile '\(id)'")
                    .profile(id: CustomerID(id))
            }
            return found
        }
        return StoreBatch.ordered(found, by: keys)
    }

    /// Up to `limit` profiles after `cursor`, ascending by customer id.
    public func page(after cursor: PageCursor?, limit: Int) async throws -> Page<CustomerProfile> {
        try StoreOrder.validate(limit: limit)
        let elements = try await client.withConnection(schema) { connection in
            let rows = try await connection.query("""
                SELECT id, profile::text FROM \(unescaped: schema.name).customers
                WHERE \(cursor?.token)::text IS NULL OR id > \(cursor?.token)::text
                ORDER BY id LIMIT \(limit + 1)
                """, logger: client.logger)
            var elements: [CustomerProfile] = []
            for try await (id, document) in rows.decode((String, String).self) {
                elements.append(try JSONDocument.decode(StoredProfile.self, from: document, describing: "profile '\(id)'").profile(id: CustomerID(id)))
            }
            return elements
        }
        return KeysetPage.make(elements, limit: limit) { PageCursor(after: $0.id) }
    }

    /// Deletes customers and returns how many existed.
    public func delete(_ ids: [CustomerID]) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let keys = ids.map(\.rawValue)
        return try await client.withConnection(schema) { connection in
            try await connection.count("""
                WITH deleted AS (DELETE FROM \(unescaped: schema.name).customers WHERE id = ANY(\(keys)::text[]) RETURNING 1)
                SELECT count(*) FROM deleted
                """, logger: client.logger)
        }
    }

    /// The number of stored customers.
    public func count() async throws -> Int {
        try await client.withConnection(schema) { connection in
            try await connection.count("SELECT count(*) FROM \(unescaped: schema.name).customers", logger: client.logger)
        }
    }
}

/// Cuts a keyset read of `limit + 1` rows into a page and its cursor.
enum KeysetPage {
    static func make<Element>(_ rows: [Element], limit: Int, cursor: (Element) -> PageCursor) -> Page<Element> {
        guard rows.count > limit else { return Page(elements: rows, nextCursor: nil) }
        let elements = Array(rows.prefix(limit))
        return Page(elements: elements, nextCursor: elements.last.map(cursor))
    }
}

extension PostgresConnection {
    /// Runs a query whose single row holds one count.
    func count(_ query: PostgresQuery, logger: Logger) async throws -> Int {
        var total = 0
        for try await (value) in try await self.query(query, logger: logger).decode(Int.self) { total = value }
        return total
    }
}
