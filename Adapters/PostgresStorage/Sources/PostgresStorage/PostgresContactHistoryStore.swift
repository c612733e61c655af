#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Logging
import PostgresNIO
import Privacy

/// A ``Privacy/ContactHistoryStore`` over PostgreSQL: one row per message sent, the record as a
/// JSONB document beside its customer id and send time (seconds since 2001, exact), indexed by
/// customer and time (the contact policy's look-up) and by time alone (retention purges).
///
/// An append is one multi-row upsert in a transaction: a record whose id is stored for the same
/// customer is replaced (how a response is recorded); an id stored for another customer makes
/// the guarded `ON CONFLICT` skip it, and the batch is then refused whole.
public struct PostgresContactHistoryStore: ContactHistoryStore {
    private let client: PostgresStorageClient
    private let schema: PostgresSchema

    /// A store over the `contacts` table of `schema`.
    public init(client: PostgresStorageClient, schema: PostgresSchema = .default) {
        self.client = client
        self.schema = schema
    }

    /// Appends or replaces records; later records of the batch win.
    public func append(_ records: [ContactRecord]) async throws {
        var owners: [ContactRecordID: CustomerID] = [:]
        for record in records {
            guard !record.id.rawValue.isEmpty, !record.customerID.rawValue.isEmpty else {
                throw StoreError(.invalidArgument, "contact '\(record.id)' of customer '\(record.customerID)' has an empty id")
            }
            if let owner = owners.updateValue(record.customerID, forKey: record.id), owner != record.customerID {
                throw StoreError(.duplicateID, "contact '\(record.id)' appears for customers '\(owner)' and '\(record.customerID)'")
            }
        }
        let batch = StoreBatch.latestByKey(records) { $0.id.rawValue }
        guard !batch.isEmpty else { return }
        let ids = batch.map(\.id.rawValue)
        let customers = batch.map(\.customerID.rawValue)
        let seconds = batch.map(\.sentAt.timeIntervalSinceReferenceDate)
        let documents = try batch.map { try JSONDocument.encode($0, describing: "contact '\($0.id)'") }
        let name = schema.name
        try await client.withTransaction(schema) { connection in
            let logger = client.logger
            let written = try await connection.count("""
                WITH written AS (
                    INSERT INTO \(unescaped: name).contacts AS stored (id, customer_id, sent_seconds, record)
                    SELECT id, customer_id, sent_seconds, document::jsonb
                    FROM unnest(\(ids)::text[], \(customers)::text[], \(seconds)::double precision[], \(documents)::text[])
                         AS batch (id, customer_id, sent_seconds, document)
                    ON CONFLICT (id) DO UPDATE SET sent_seconds = EXCLUDED.sent_seconds, record = EXCLUDED.record
                    WHERE stored.customer_id = EXCLUDED.customer_id
                    RETURNING 1
                )
                SELECT count(*) FROM written
                """, logger: logger)
            guard written != batch.count else { return }
            let rows = try await connection.query("""
                SELECT stored.id, stored.customer_id, batch.customer_id
                FROM \(unescaped: name).contacts AS stored
                JOIN unnest(\(ids)::text[], \(customers)::text[]) AS batch (id, customer_id) ON batch.id = stored.id
                WHERE stored.customer_id <> batch.customer_id
                ORDER BY stored.id LIMIT 1
                """, logger: logger)
            for try await (id, stored, asked) in rows.decode((String, String, String).self) {
                throw StoreError(.duplicateID, "contact '\(id)' is stored for customer '\(stored)', not '\(asked)'")
            }
            throw StoreError(.unavailable, "a contact upsert wrote fewer rows than the batch without a conflicting contact")
        }
    }

    /// The records of these customers sent at or after `since`, by time, then id.
    public func contacts(for customerIDs: [CustomerID], since: Date?) async throws -> [ContactRecord] {
        guard !customerIDs.isEmpty else { return [] }
        let keys = customerIDs.map(\.rawValue)
        let lower = since?.timeIntervalSinceReferenceDate
        return try await read("""
            SELECT record::text FROM \(unescaped: schema.name).contacts
            WHERE customer_id = ANY(\(keys)::text[])
              AND (\(lower)::double precision IS NULL OR sent_seconds >= \(lower)::double precision)
            ORDER BY sent_seconds, id
            """)
    }

    /// Up to `limit` records after `cursor`, ascending by id.
    public func page(after cursor: PageCursor?, limit: Int) async throws -> Page<ContactRecord> {
        try StoreOrder.validate(limit: limit)
        let records = try await read("""
            SELECT record::text FROM \(unescaped: schema.name).contacts
            WHERE \(cursor?.token)::text IS NULL OR id > \(cursor?.token)::text
            ORDER BY id LIMIT \(limit + 1)
            """)
        return KeysetPage.make(records, limit: limit) { PageCursor(after: $0.id) }
    }

    /// Deletes every record of these customers.
    public func deleteContacts(for customerIDs: [CustomerID]) async throws -> Int {
        guard !customerIDs.isEmpty else { return 0 }
        let keys = customerIDs.map(\.rawValue)
        return try await client.withConnection(schema) { connection in
            try await connection.count("""
                WITH deleted AS (DELETE FROM \(unescaped: schema.name).contacts WHERE customer_id = ANY(\(keys)::text[]) RETURNING 1)
                SELECT count(*) FROM deleted
                """, logger: client.logger)
        }
    }

    /// Deletes every record sent before `date`.
    public func deleteContacts(sentBefore date: Date) async throws -> Int {
        let cutoff = date.timeIntervalSinceReferenceDate
        return try await client.withConnection(schema) { connection in
            try await connection.count("""
                WITH deleted AS (DELETE FROM \(unescaped: schema.name).contacts WHERE sent_seconds < \(cutoff) RETURNING 1)
                SELECT count(*) FROM deleted
                """, logger: client.logger)
        }
    }

    /// The number of stored records.
    public func count() async throws -> Int {
        try await client.withConnection(schema) { connection in
            try await connection.count("SELECT count(*) FROM \(unescaped: schema.name).contacts", logger: client.logger)
        }
    }

    private func read(_ query: PostgresQuery) async throws -> [ContactRecord] {
        try await client.withConnection(schema) { connection in
            var records: [ContactRecord] = []
            for try await (document) in try await connection.query(query, logger: client.logger).decode(String.self) {
                records.append(try JSONDocument.decode(ContactRecord.self, from: document, describing: "a contact record"))
            }
            return records
        }
    }
}
