#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Logging
import PostgresNIO

/// An ``InteractionStore`` over PostgreSQL: one row per event, the event as a JSONB document
/// beside its customer id and its time (exact seconds since 2001, plus a `timestamptz` column
/// for people writing SQL).
///
/// An append is one transaction: insert the new events (`ON CONFLICT DO NOTHING`), then read
/// back the ids that were already stored and refuse the batch if any differs in content, so
/// re-sending a batch is a safe retry.
public struct PostgresInteractionStore: InteractionStore {
    private let client: PostgresStorageClient
    private let schema: PostgresSchema

    /// A store over the `interactions` table of `schema`.
    public init(client: PostgresStorageClient, schema: PostgresSchema = .default) {
        self.client = client
        self.schema = schema
    }

    /// Appends events; identical re-sent events are skipped.
    public func append(_ events: [InteractionEvent]) async throws {
        var batch: [EventID: InteractionEvent] = [:]
        for event in events {
            guard !event.id.rawValue.isEmpty, !event.customerID.rawValue.isEmpty else {
                throw StoreError(.invalidArgument, "event '\(event.id)' of customer '\(event.customerID)' has an empty id")
            }
            if let earlier = batch.updateValue(event, forKey: event.id), earlier != event {
                throw StoreError(.duplicateID, "event '\(event.id)' appears twice in the batch with different content")
            }
        }
        let fresh = batch.values.sorted { StoreOrder.precedes($0.id, $1.id) }
        guard !fresh.isEmpty else { return }
        let ids = fresh.map(\.id.rawValue)
        let customers = fresh.map(\.customerID.rawValue)
        let seconds = fresh.map(\.occurredAt.timeIntervalSinceReferenceDate)
        let documents = try fresh.map { try JSONDocument.encode($0, describing: "event '\($0.id)'") }
        let name = schema.name
        try await client.withTransaction(schema) { connection in
            let logger = client.logger
            let inserted = try await connection.query("""
                INSERT INTO \(unescaped: name).interactions (id, customer_id, occurred_seconds, event)
                SELECT id, customer_id, occurred_seconds, document::jsonb
                FROM unnest(\(ids)::text[], \(customers)::text[], \(seconds)::double precision[], \(documents)::text[])
                     AS batch (id, customer_id, occurred_seconds, document)
                ON CONFLICT (id) DO NOTHING
                RETURNING id
                """, logger: logger)
            var written = Set<String>()
            for try await (id) in inserted.decode(String.self) { written.insert(id) }
            let existing = ids.filter { !written.contains($0) }
            guard !existing.isEmpty else { return }
            let rows = try await connection.query(
                "SELECT id, event::text FROM \(unescaped: name).interactions WHERE id = ANY(\(existing)::text[])", logger: logger)
            for try await (id, document) in rows.decode((String, String).self) {
                let stored = try JSONDocument.decode(InteractionEvent.self, from: document, describing: "event '\(id)'")
                if batch[EventID(id)] != stored {
                    throw StoreError(.duplicateID, "event '\(id)' is stored with different content")
                }
            }
        }
    }

    /// The events of these customers in `range`, by time, then id.
    public func events(for customerIDs: [CustomerID], in range: Range<Date>?) async throws -> [InteractionEvent] {
        guard !customerIDs.isEmpty else { return [] }
        let keys = customerIDs.map(\.rawValue)
        let all = range == nil
        let lower = range?.lowerBound.timeIntervalSinceReferenceDate ?? 0
        let upper = range?.upperBound.timeIntervalSinceReferenceDate ?? 0
        return try await read("""
            SELECT event::text FROM \(unescaped: schema.name).interactions
            WHERE customer_id = ANY(\(keys)::text[])
              AND (\(all) OR (occurred_seconds >= \(lower) AND occurred_seconds < \(upper)))
            ORDER BY occurred_seconds, id
            """)
    }

    /// Up to `limit` events after `cursor`, ascending by event id.
    public func page(after cursor: PageCursor?, limit: Int) async throws -> Page<InteractionEvent> {
        try StoreOrder.validate(limit: limit)
        let events = try await read("""
            SELECT event::text FROM \(unescaped: schema.name).interactions
            WHERE \(cursor?.token)::text IS NULL OR id > \(cursor?.token)::text
            ORDER BY id LIMIT \(limit + 1)
            """)
        return KeysetPage.make(events, limit: limit) { PageCursor(after: $0.id) }
    }

    /// Deletes every event of these customers.
    public func deleteEvents(for customerIDs: [CustomerID]) async throws -> Int {
        guard !customerIDs.isEmpty else { return 0 }
        let keys = customerIDs.map(\.rawValue)
        return try await client.withConnection(schema) { connection in
            try await connection.count("""
                WITH deleted AS (DELETE FROM \(unescaped: schema.name).interactions WHERE customer_id = ANY(\(keys)::text[]) RETURNING 1)
                SELECT count(*) FROM deleted
                """, logger: client.logger)
        }
    }

    /// The number of stored events.
    public func count() async throws -> Int {
        try await client.withConnection(schema) { connection in
            try await connection.count("SELECT count(*) FROM \(unescaped: schema.name).interactions", logger: client.logger)
        }
    }

    private func read(_ query: PostgresQuery) async throws -> [InteractionEvent] {
        try await client.withConnection(schema) { connection in
            var events: [InteractionEvent] = []
            for try await (document) in try await connection.query(query, logger: client.logger).decode(String.self) {
                events.append(try JSONDocument.decode(InteractionEvent.self, from: document, describing: "an event"))
            }
            return events
        }
    }
}
