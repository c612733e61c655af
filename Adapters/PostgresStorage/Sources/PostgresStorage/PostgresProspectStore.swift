import CustomerModel
import Logging
import PostgresNIO

/// A ``ProspectStore`` over PostgreSQL: one row per prospect, the prospect (attributes with
/// their provenance, source, inquiry, conversion) as a JSONB document.
///
/// Upserts are one multi-row `INSERT ... ON CONFLICT` statement, so a batch is stored whole
/// or not at all; pages are keyset reads on the primary key in ``StoreOrder``.
public struct PostgresProspectStore: ProspectStore {
    private let client: PostgresStorageClient
    private let schema: PostgresSchema

    /// A store over the `prospects` table of `schema` (see ``PostgresStorageClient/migrate(schema:)``).
    public init(client: PostgresStorageClient, schema: PostgresSchema = .default) {
        self.client = client
        self.schema = schema
    }

    /// Inserts or replaces prospects in one statement.
    public func upsert(_ prospects: [Prospect]) async throws {
        if let empty = prospects.firstIndex(where: { $0.id.rawValue.isEmpty }) {
            throw StoreError(.invalidArgument, "prospect \(empty) of the batch has an empty prospect id")
        }
        let batch = StoreBatch.latestByKey(prospects) { $0.id.rawValue }
        guard !batch.isEmpty else { return }
        let ids = batch.map(\.id.rawValue)
        let documents = try batch.map { try JSONDocument.encode(StoredProspect($0), describing: "prospect '\($0.id)'") }
        try await client.withConnection(schema) { connection in
            try await connection.query("""
                INSERT INTO \(unescaped: schema.name).prospects (id, prospect)
                SELECT id, document::jsonb FROM unnest(\(ids)::text[], \(documents)::text[]) AS batch (id, document)
                ON CONFLICT (id) DO UPDATE SET prospect = EXCLUDED.prospect
                """, logger: client.logger)
        }
    }

    /// The stored prospects with these ids, in the order of `ids`.
    public func prospects(for ids: [ProspectID]) async throws -> [Prospect] {
        guard !ids.isEmpty else { return [] }
        let keys = ids.map(\.rawValue)
        let found = try await client.withConnection(schema) { connection in
            let rows = try await connection.query(
                "SELECT id, prospect::text FROM \(unescaped: schema.name).prospects WHERE id = ANY(\(keys)::text[])",
                logger: client.logger)
            var found: [String: Prospect] = [:]
            for try await (id, document) in rows.decode((String, String).self) {
                found[id] = try JSONDocument.decode(StoredProspect.self, from: document, describing: "prospect '\(id)'").prospect(id: ProspectID(id))
            }
            return found
        }
        return StoreBatch.ordered(found, by: keys)
    }

    /// Up to `limit` prospects after `cursor`, ascending by prospect id.
    public func page(after cursor: PageCursor?, limit: Int) async throws -> Page<Prospect> {
        try StoreOrder.validate(limit: limit)
        let elements = try await client.withConnection(schema) { connection in
            let rows = try await connection.query("""
                SELECT id, prospect::text FROM \(unescaped: schema.name).prospects
                WHERE \(cursor?.token)::text IS NULL OR id > \(cursor?.token)::text
                ORDER BY id LIMIT \(limit + 1)
                """, logger: client.logger)
            var elements: [Prospect] = []
            for try await (id, document) in rows.decode((String, String).self) {
                elements.append(try JSONDocument.decode(StoredProspect.self, from: document, describing: "prospect '\(id)'").prospect(id: ProspectID(id)))
            }
            return elements
        }
        return KeysetPage.make(elements, limit: limit) { PageCursor(after: $0.id) }
    }

    /// Deletes prospects and returns how many existed.
    public func delete(_ ids: [ProspectID]) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let keys = ids.map(\.rawValue)
        return try await client.withConnection(schema) { connection in
            try await connection.count("""
                WITH deleted AS (DELETE FROM \(unescaped: schema.name).prospects WHERE id = ANY(\(keys)::text[]) RETURNING 1)
                SELECT count(*) FROM deleted
                """, logger: client.logger)
        }
    }

    /// The number of stored prospects.
    public func count() async throws -> Int {
        try await client.withConnection(schema) { connection in
            try await connection.count("SELECT count(*) FROM \(unescaped: schema.name).prospects", logger: client.logger)
        }
    }
}
