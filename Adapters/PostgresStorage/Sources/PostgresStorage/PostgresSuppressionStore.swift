#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Logging
import PostgresNIO
import Privacy

/// A ``Privacy/SuppressionStore`` over PostgreSQL: one row per keyed fingerprint (`bytea`
/// primary key, so look-ups are one index probe and pages sort as the hex spelling does).
public struct PostgresSuppressionStore: SuppressionStore {
    private let client: PostgresStorageClient
    private let schema: PostgresSchema

    /// A store over the `suppressions` table of `schema`.
    public init(client: PostgresStorageClient, schema: PostgresSchema = .default) {
        self.client = client
        self.schema = schema
    }

    /// Adds records; a fingerprint already stored (or earlier in the batch) keeps its first record.
    public func add(_ records: [SuppressionRecord]) async throws {
        guard !records.isEmpty else { return }
        try await client.withConnection(schema) { connection in
            try await Self.add(records, schema: schema, on: connection, logger: client.logger)
        }
    }

    /// The stored fingerprints among `fingerprints`.
    public func contained(_ fingerprints: [HashDigest]) async throws -> Set<HashDigest> {
        guard !fingerprints.isEmpty else { return [] }
        let hex = fingerprints.map(\.hex)
        return try await client.withConnection(schema) { connection in
            let rows = try await connection.query("""
                SELECT fingerprint FROM \(unescaped: schema.name).suppressions
                WHERE fingerprint = ANY(SELECT decode(h, 'hex') FROM unnest(\(hex)::text[]) AS asked (h))
                """, logger: client.logger)
            var found = Set<HashDigest>()
            for try await (bytes) in rows.decode(ByteBuffer.self) { found.insert(HashDigest(bytes: Array(bytes.readableBytesView))) }
            return found
        }
    }

    /// Every record, by fingerprint.
    public func allRecords() async throws -> [SuppressionRecord] {
        try await client.withConnection(schema) { connection in
            let rows = try await connection.query("""
                SELECT fingerprint, kind, key_identifier, erased_seconds FROM \(unescaped: schema.name).suppressions ORDER BY fingerprint
                """, logger: client.logger)
            var records: [SuppressionRecord] = []
            for try await (bytes, kind, key, seconds) in rows.decode((ByteBuffer, String, String, Double).self) {
                records.append(SuppressionRecord(
                    fingerprint: HashDigest(bytes: Array(bytes.readableBytesView)), kind: Pseudonymizer.IdentifierKind(kind),
                    keyIdentifier: key, erasedAt: Date(timeIntervalSinceReferenceDate: seconds)))
            }
            return records
        }
    }

    /// Inserts inside the caller's connection or transaction.
    static func add(_ records: [SuppressionRecord], schema: PostgresSchema, on connection: PostgresConnection, logger: Logger) async throws {
        var seen = Set<HashDigest>()
        let batch = records.filter { seen.insert($0.fingerprint).inserted }.sorted { $0.fingerprint.hex < $1.fingerprint.hex }
        guard !batch.isEmpty else { return }
        let hex = batch.map(\.fingerprint.hex)
        let kinds = batch.map(\.kind.name)
        let keys = batch.map(\.keyIdentifier)
        let seconds = batch.map(\.erasedAt.timeIntervalSinceReferenceDate)
        try await connection.query("""
            INSERT INTO \(unescaped: schema.name).suppressions (fingerprint, kind, key_identifier, erased_seconds)
            SELECT decode(fingerprint, 'hex'), kind, key_identifier, erased_seconds
            FROM unnest(\(hex)::text[], \(kinds)::text[], \(keys)::text[], \(seconds)::double precision[])
                 AS batch (fingerprint, kind, key_identifier, erased_seconds)
            ON CONFLICT (fingerprint) DO NOTHING
            """, logger: logger)
    }
}
