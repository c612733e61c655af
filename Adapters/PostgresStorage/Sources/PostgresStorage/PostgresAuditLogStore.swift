#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Logging
import PostgresNIO
import Privacy

/// An ``Privacy/AuditLogStore`` over PostgreSQL: one row per entry, keyed by its sequence, with
/// every hashed field in its own column and the hashes as `bytea`.
///
/// The time is stored as the exact `Double` the entry holds (seconds since 2001), so the
/// entries read back bit for bit and ``Privacy/AuditChain/verify(_:)`` recomputes the same
/// hashes. An append takes a transaction-scoped advisory lock of the schema's log, checks that
/// the batch starts at the stored count, and inserts it in one statement: writers in other
/// processes are serialised, and the loser of a race gets `.duplicateID`, on which
/// ``Privacy/AuditLog`` re-reads the chain and retries.
public struct PostgresAuditLogStore: AuditLogStore {
    private let client: PostgresStorageClient
    private let schema: PostgresSchema

    /// A store over the `audit_log` table of `schema`.
    public init(client: PostgresStorageClient, schema: PostgresSchema = .default) {
        self.client = client
        self.schema = schema
    }

    /// Appends a contiguous batch at the end of the log.
    public func append(_ entries: [AuditEntry]) async throws {
        try Self.checkContiguous(entries)
        guard !entries.isEmpty else { return }
        try await client.withTransaction(schema) { connection in
            try await Self.append(entries, schema: schema, on: connection, logger: client.logger)
        }
    }

    /// Up to `limit` entries from `sequence` on.
    public func entries(from sequence: Int, limit: Int) async throws -> [AuditEntry] {
        try StoreOrder.validate(limit: limit)
        guard sequence >= 0 else { throw StoreError(.invalidArgument, "audit sequence \(sequence) is negative") }
        return try await client.withConnection(schema) { connection in
            try await Self.read("""
                SELECT \(unescaped: Self.columns) FROM \(unescaped: schema.name).audit_log
                WHERE sequence >= \(sequence) ORDER BY sequence LIMIT \(limit)
                """, on: connection, logger: client.logger)
        }
    }

    /// The last entry.
    public func last() async throws -> AuditEntry? {
        try await client.withConnection(schema) { connection in
            try await Self.last(schema: schema, on: connection, logger: client.logger)
        }
    }

    /// The number of entries.
    public func count() async throws -> Int {
        try await client.withConnection(schema) { connection in
            try await connection.count("SELECT count(*) FROM \(unescaped: schema.name).audit_log", logger: client.logger)
        }
    }

    // MARK: Shared with the erasure transaction

    static let columns = "sequence, action, actor, subject, purpose, detail, occurred_seconds, previous_hash, hash"

    static func checkContiguous(_ entries: [AuditEntry]) throws {
        for (offset, entry) in entries.enumerated().dropFirst() where entry.sequence != entries[0].sequence + offset {
            throw StoreError(.invalidArgument, "audit entry \(entry.sequence) is at offset \(offset) of a batch starting at \(entries[0].sequence)")
        }
    }

    /// Serialises writers of the schema's log until the transaction ends.
    static func lock(schema: PostgresSchema, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\("precision-audit:" + schema.name)))", logger: logger)
    }

    /// Appends inside the caller's transaction: locks, checks the position, inserts.
    static func append(_ entries: [AuditEntry], schema: PostgresSchema, on connection: PostgresConnection, logger: Logger) async throws {
        guard let first = entries.first else { return }
        try await lock(schema: schema, on: connection, logger: logger)
        let stored = try await connection.count("SELECT count(*) FROM \(unescaped: schema.name).audit_log", logger: logger)
        guard first.sequence == stored else {
            throw StoreError(.duplicateID, "audit entry \(first.sequence) appended to a log of \(stored) entries")
        }
        let sequences = entries.map { Int64($0.sequence) }
        let actions = entries.map(\.action.name)
        let actors = entries.map(\.actor)
        let subjects = entries.map { $0.subject ?? "" }
        let hasSubject = entries.map { $0.subject != nil }
        let purposes = entries.map { $0.purpose?.name ?? "" }
        let hasPurpose = entries.map { $0.purpose != nil }
        let details = entries.map(\.detail)
        let seconds = entries.map(\.occurredAt.timeIntervalSinceReferenceDate)
        // Hex text, decoded by the server: bytea arrays have no driver encoding.
        let previous = entries.map(\.previousHash.hex)
        let hashes = entries.map(\.hash.hex)
        try await connection.query("""
            INSERT INTO \(unescaped: schema.name).audit_log (\(unescaped: columns))
            SELECT sequence, action, actor, CASE WHEN has_subject THEN subject END, CASE WHEN has_purpose THEN purpose END,
                   detail, occurred_seconds, decode(previous_hash, 'hex'), decode(hash, 'hex')
            FROM unnest(\(sequences)::bigint[], \(actions)::text[], \(actors)::text[], \(subjects)::text[], \(hasSubject)::boolean[],
                        \(purposes)::text[], \(hasPurpose)::boolean[], \(details)::text[], \(seconds)::double precision[],
                        \(previous)::text[], \(hashes)::text[])
                 AS batch (sequence, action, actor, subject, has_subject, purpose, has_purpose, detail, occurred_seconds,
                           previous_hash, hash)
            """, logger: logger)
    }

    /// The last entry, read after taking the log's lock, so that the caller can chain after it.
    static func lastLocked(schema: PostgresSchema, on connection: PostgresConnection, logger: Logger) async throws -> AuditEntry? {
        try await lock(schema: schema, on: connection, logger: logger)
        return try await last(schema: schema, on: connection, logger: logger)
    }

    static func last(schema: PostgresSchema, on connection: PostgresConnection, logger: Logger) async throws -> AuditEntry? {
        try await read("""
            SELECT \(unescaped: columns) FROM \(unescaped: schema.name).audit_log ORDER BY sequence DESC LIMIT 1
            """, on: connection, logger: logger).first
    }

    static func read(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> [AuditEntry] {
        let rows = try await connection.query(query, logger: logger)
        var entries: [AuditEntry] = []
        typealias Row = (Int64, String, String, String?, String?, String, Double, ByteBuffer, ByteBuffer)
        for try await (sequence, action, actor, subject, purpose, detail, seconds, previous, hash) in rows.decode(Row.self) {
            var entry = AuditEntry(
                sequence: Int(sequence), action: AuditAction(action), actor: actor, subject: subject, purpose: purpose.map { Purpose($0) },
                detail: detail, occurredAt: Date(timeIntervalSinceReferenceDate: seconds),
                previousHash: HashDigest(bytes: Array(previous.readableBytesView)))
            // The stored hash, not a recomputed one: verification must see what was stored.
            entry.hash = HashDigest(bytes: Array(hash.readableBytesView))
            entries.append(entry)
        }
        return entries
    }
}
