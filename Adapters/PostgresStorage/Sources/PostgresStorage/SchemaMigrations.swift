import CustomerModel
import Logging
import PostgresNIO

/// One step of the schema: the statements that take it from `version - 1` to `version`.
struct SchemaMigration: Sendable {
    let version: Int
    let summary: String
    /// SQL statements; `{s}` stands for the schema name.
    let statements: [String]
}

/// The versioned schema of the stores, applied in order by ``PostgresStorageClient/migrate(schema:)``.
///
/// Ids are `COLLATE "C"` so that keyset pages follow ``StoreOrder`` (UTF-8 byte order).
/// Profiles, prospects and interaction events are JSONB documents (their Codable form, with
/// provenance), beside the key columns that reads filter and sort on; orders and their lines
/// are plain columns so that a snapshot can be read without decoding documents. Version 2 adds
/// the privacy, segmentation and campaign stores: consent records and contacts as documents
/// beside their keys and times, the audit log and suppressions as plain columns (hashes as
/// `bytea`), memberships and automation keys as bare keys. A released version is never
/// edited: changes are new versions.
enum SchemaMigrations {
    static let all: [SchemaMigration] = [
        SchemaMigration(version: 1, summary: "customers, orders, order lines, interactions, prospects", statements: [
            """
            CREATE TABLE {s}.customers (
                id text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
                profile jsonb NOT NULL
            )
            """,
            """
            CREATE TABLE {s}.orders (
                id text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
                customer_id text COLLATE "C" NOT NULL CHECK (customer_id <> ''),
                day integer NOT NULL,
                channel text,
                salesperson text
            )
            """,
            "CREATE INDEX orders_by_customer ON {s}.orders (customer_id, day, id)",
            """
            CREATE TABLE {s}.order_lines (
                order_id text COLLATE "C" NOT NULL REFERENCES {s}.orders (id) ON DELETE CASCADE,
                line_number integer NOT NULL,
                customer_id text COLLATE "C" NOT NULL,
                item_id text NOT NULL,
                quantity bigint NOT NULL,
                amount_minor bigint NOT NULL,
                currency text NOT NULL,
                currency_digits smallint NOT NULL CHECK (currency_digits BETWEEN 0 AND 4),
                category_id text,
                PRIMARY KEY (order_id, line_number)
            )
            """,
            "CREATE INDEX order_lines_by_customer ON {s}.order_lines (customer_id)",
            """
            CREATE TABLE {s}.interactions (
                id text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
                customer_id text COLLATE "C" NOT NULL CHECK (customer_id <> ''),
                occurred_seconds double precision NOT NULL,
                occurred_at timestamptz GENERATED ALWAYS AS (to_timestamp(occurred_seconds + 978307200)) STORED,
                event jsonb NOT NULL
            )
            """,
            "CREATE INDEX interactions_by_customer ON {s}.interactions (customer_id, occurred_seconds, id)",
            """
            CREATE TABLE {s}.prospects (
                id text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
                prospect jsonb NOT NULL
            )
            """,
        ]),
        SchemaMigration(version: 2, summary: "consents, contacts, audit log, suppressions, segment memberships, automation ledger", statements: [
            """
            CREATE TABLE {s}.consents (
                id text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
                customer_id text COLLATE "C" NOT NULL CHECK (customer_id <> ''),
                recorded_seconds double precision NOT NULL,
                record jsonb NOT NULL
            )
            """,
            "CREATE INDEX consents_by_customer ON {s}.consents (customer_id, recorded_seconds, id)",
            """
            CREATE TABLE {s}.contacts (
                id text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
                customer_id text COLLATE "C" NOT NULL CHECK (customer_id <> ''),
                sent_seconds double precision NOT NULL,
                record jsonb NOT NULL
            )
            """,
            "CREATE INDEX contacts_by_customer ON {s}.contacts (customer_id, sent_seconds, id)",
            "CREATE INDEX contacts_by_sent ON {s}.contacts (sent_seconds)",
            """
            CREATE TABLE {s}.audit_log (
                sequence bigint PRIMARY KEY CHECK (sequence >= 0),
                action text NOT NULL,
                actor text NOT NULL,
                subject text,
                purpose text,
                detail text NOT NULL,
                occurred_seconds double precision NOT NULL,
                previous_hash bytea NOT NULL,
                hash bytea NOT NULL
            )
            """,
            "CREATE INDEX audit_log_by_subject ON {s}.audit_log (subject, sequence) WHERE subject IS NOT NULL",
            """
            CREATE TABLE {s}.suppressions (
                fingerprint bytea PRIMARY KEY,
                kind text NOT NULL,
                key_identifier text NOT NULL,
                erased_seconds double precision NOT NULL
            )
            """,
            """
            CREATE TABLE {s}.segment_memberships (
                segment_id text COLLATE "C" NOT NULL CHECK (segment_id <> ''),
                customer_id text COLLATE "C" NOT NULL CHECK (customer_id <> ''),
                PRIMARY KEY (segment_id, customer_id)
            )
            """,
            "CREATE INDEX segment_memberships_by_customer ON {s}.segment_memberships (customer_id, segment_id)",
            """
            CREATE TABLE {s}.automation_ledger (
                customer_id text COLLATE "C" NOT NULL,
                key text COLLATE "C" NOT NULL,
                PRIMARY KEY (customer_id, key),
                CHECK (customer_id = CASE WHEN strpos(key, '|') > 0 THEN split_part(key, '|', 2) ELSE '' END)
            )
            """,
        ]),
    ]

    static var latestVersion: Int { all.last?.version ?? 0 }
}

extension PostgresStorageClient {
    /// The schema version this adapter writes and reads.
    public static var latestSchemaVersion: Int { SchemaMigrations.latestVersion }

    /// Creates `schema` if needed and applies the migrations it lacks, in one transaction,
    /// recording each in `schema_version`. Safe to call at every start and from many processes
    /// at once (an advisory lock serialises them).
    /// - Returns: The schema's version afterwards.
    /// - Throws: ``StoreError`` `.unavailable` when the server cannot be reached or the schema is
    ///   newer than this adapter.
    @discardableResult
    public func migrate(schema: PostgresSchema = .default) async throws -> Int {
        try await migrate(schema: schema, through: SchemaMigrations.latestVersion)
    }

    /// Applies the migrations up to `target` only (tests of upgrades from older versions).
    @discardableResult
    func migrate(schema: PostgresSchema, through target: Int) async throws -> Int {
        try await withTransaction(schema) { connection in
            let logger = self.logger
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\("precision-migrate:" + schema.name)))", logger: logger)
            try await connection.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: schema.name)", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS \(unescaped: schema.name).schema_version (
                    version integer PRIMARY KEY,
                    summary text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var current = try await Self.version(of: schema, on: connection, logger: logger)
            guard current <= SchemaMigrations.latestVersion else {
                throw StoreError(.unavailable, "schema '\(schema)' is at version \(current), newer than this adapter's \(SchemaMigrations.latestVersion)")
            }
            for migration in SchemaMigrations.all where migration.version > current && migration.version <= target {
                for statement in migration.statements {
                    let sql = statement.replacing("{s}", with: schema.name)
                    try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO \(unescaped: schema.name).schema_version (version, summary) VALUES (\(migration.version), \(migration.summary))",
                    logger: logger)
                current = migration.version
            }
            return current
        }
    }

    /// The version of `schema`: 0 when it or its `schema_version` table does not exist.
    public func schemaVersion(schema: PostgresSchema = .default) async throws -> Int {
        try await withConnection(schema) { connection in
            let exists = try await connection.query(
                "SELECT to_regclass(\(schema.name + ".schema_version")) IS NOT NULL", logger: self.logger)
            for try await (found) in exists.decode(Bool.self) where !found { return 0 }
            return try await Self.version(of: schema, on: connection, logger: self.logger)
        }
    }

    /// Drops `schema` with every table and row in it (for tests and tear-down).
    public func dropSchema(_ schema: PostgresSchema) async throws {
        try await withConnection(schema) { connection in
            try await connection.query("DROP SCHEMA IF EXISTS \(unescaped: schema.name) CASCADE", logger: self.logger)
        }
    }

    private static func version(of schema: PostgresSchema, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let rows = try await connection.query(
            "SELECT coalesce(max(version), 0) FROM \(unescaped: schema.name).schema_version", logger: logger)
        var version = 0
        for try await (value) in rows.decode(Int.self) { version = value }
        return version
    }
}
