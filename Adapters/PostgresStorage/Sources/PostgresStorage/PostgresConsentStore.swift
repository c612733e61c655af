import CustomerModel
import Logging
import PostgresNIO
import Privacy

/// A ``Privacy/ConsentStore`` over PostgreSQL: one row per consent record, the record as a JSONB
/// document beside its customer id and its time (seconds since 2001, exact), indexed by
/// customer and time so that one customer's history is one index range.
///
/// An append is one transaction: insert the new records (`ON CONFLICT DO NOTHING`), then read
/// back the ids that were already stored and refuse the whole batch if any differs in content,
/// so re-sending a batch is a safe retry and the ledger stays append-only.
public struct PostgresConsentStore: ConsentStore {
    private let client: PostgresStorageClient
    private let schema: PostgresSchema

    /// A store over the `consents` table of `schema` (see ``PostgresStorageClient/migrate(schema:)``).
    public init(client: PostgresStorageClient, schema: PostgresSchema = .default) {
        self.client = client
        self.schema = schema
    }

    /// Appends records; identical re-sent records are skipped.
    public func append(_ records: [ConsentRecord]) async throws {
        var batch: [ConsentRecordID: ConsentRecord] = [:]
        for record in records {
            if let failure = record.validationFailure { throw StoreError(.invalidArgument, failure) }
            if let earlier = batch.updateValue(record, forKey: record.id), earlier != record {
                throw StoreError(.duplicateID, "consent record '\(record.id)' appears twice in the batch with different content")
            }
        }
        let fresh = batch.values.sorted { StoreOrder.precedes($0.id, $1.id) }
        guard !fresh.isEmpty else { return }
        let ids = fresh.map(\.id.rawValue)
        let customers = fresh.map(\.customerID.rawValue)
        let seconds = fresh.map(\.recordedAt.timeIntervalSinceReferenceDate)
        let documents = try fresh.map { try JSONDocument.encode($0, describing: "consent record '\($0.id)'") }
        let name = schema.name
        try await client.withTransaction(schema) { connection in
            let logger = client.logger
            let inserted = try await connection.query("""
                INSERT INTO \(unescaped: name).consents (id, customer_id, recorded_seconds, record)
                SELECT id, customer_id, recorded_seconds, document::jsonb
                FROM unnest(\(ids)::text[], \(customers)::text[], \(seconds)::double precision[], \(documents)::text[])
                     AS batch (id, customer_id, recorded_seconds, document)
                ON CONFLICT (id) DO NOTHING
                RETURNING id
                """, logger: logger)
            var written = Set<String>()
            for try await (id) in inserted.decode(String.self) { written.insert(id) }
            let existing = ids.filter { !written.contains($0) }
            guard !existing.isEmpty else { return }
            let rows = try await connection.query(
                "SELECT id, record::text FROM \(unescaped: name).consents WHERE id = ANY(\(existing)::text[])", logger: logger)
            for try await (id, document) in rows.decode((String, String).self) {
                let stored = try JSONDocument.decode(ConsentRecord.self, from: document, describing: "consent record '\(id)'")
                if batch[ConsentRecordID(id)] != stored {
                    throw StoreError(.duplicateID, "consent record '\(id)' is stored with different content")
                }
            }
        }
    }

    /// The history of these customers, by time, then record id.
    public func history(for customerIDs: [CustomerID]) async throws -> [ConsentRecord] {
        guard !customerIDs.isEmpty else { return [] }
        let keys = customerIDs.map(\.rawValue)
        return try await read("""
            SELECT record::text FROM \(unescaped: schema.name).consents
            WHERE customer_id = ANY(\(keys)::text[])
            ORDER BY recorded_seconds, id
            """)
    }

    /// Up to `limit` records after `cursor`, ascending by record id.
    public func page(after cursor: PageCursor?, limit: Int) async throws -> Page<ConsentRecord> {
        try StoreOrder.validate(limit: limit)
        let records = try await read("""
            SELECT record::text FROM \(unescaped: schema.name).consents
            WHERE \(cursor?.token)::text IS NULL OR id > \(cursor?.token)::text
            ORDER BY id LIMIT \(limit + 1)
            """)
        return KeysetPage.make(records, limit: limit) { PageCursor(after: $0.id) }
    }

    /// Deletes every record of these customers (erasure only).
    public func deleteRecords(for customerIDs: [CustomerID]) async throws -> Int {
        guard !customerIDs.isEmpty else { return 0 }
        let keys = customerIDs.map(\.rawValue)
        return try await client.withConnection(schema) { connection in
            try await connection.count("""
                WITH deleted AS (DELETE FROM \(unescaped: schema.name).consents WHERE customer_id = ANY(\(keys)::text[]) RETURNING 1)
                SELECT count(*) FROM deleted
                """, logger: client.logger)
        }
    }

    /// The number of stored records.
    public func count() async throws -> Int {
        try await client.withConnection(schema) { connection in
            try await connection.count("SELECT count(*) FROM \(unescaped: schema.name).consents", logger: client.logger)
        }
    }

    private func read(_ query: PostgresQuery) async throws -> [ConsentRecord] {
        try await client.withConnection(schema) { connection in
            var records: [ConsentRecord] = []
            for try await (document) in try await connection.query(query, logger: client.logger).decode(String.self) {
                records.append(try JSONDocument.decode(ConsentRecord.self, from: document, describing: "a consent record"))
            }
            return records
        }
    }
}
