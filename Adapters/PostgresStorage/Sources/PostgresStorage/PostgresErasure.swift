#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Logging
import PostgresNIO
import Privacy

/// Erases one customer from every table of a schema in one transaction (GDPR Art. 17, PIPL
/// Art. 47): either everything about the customer is gone and the suppression records and
/// the audit entry are stored, or, when any step fails, nothing changed at all.
///
/// The receipt is the one ``Privacy/DataSubjectRights/erase(_:actor:at:)`` returns over the
/// in-memory stores registered as `customers` (always first), then
/// `PersonalDataStores.orders`, `.interactions`, `.consents`, `.contactHistory`,
/// `.segmentMemberships` and `.automationLedger` with their default names: the same store
/// names, categories and counts (orders, not lines; memberships; occasion keys), the same
/// pseudonym and the same number of suppression records. Prospects are not personal data of
/// a customer and are not touched.
public struct PostgresErasure: Sendable {
    private let client: PostgresStorageClient
    private let schema: PostgresSchema
    private let pseudonymizer: Pseudonymizer

    /// The stores of a receipt, in order, with their categories.
    public static let stores: [(name: String, category: DataCategory)] = [
        ("customers", .profile), ("orders", .orders), ("interactions", .interactions), ("consents", "consent"),
        ("contactHistory", .contactHistory), ("segmentMemberships", .derived), ("automationLedger", .contactHistory),
    ]

    /// The SQL that deletes one customer's rows from each store's table; `$1` is the customer id.
    private static let deletions: [String] = [
        "DELETE FROM {s}.customers WHERE id = $1",
        "DELETE FROM {s}.orders WHERE customer_id = $1",
        "DELETE FROM {s}.interactions WHERE customer_id = $1",
        "DELETE FROM {s}.consents WHERE customer_id = $1",
        "DELETE FROM {s}.contacts WHERE customer_id = $1",
        "DELETE FROM {s}.segment_memberships WHERE customer_id = $1",
        "DELETE FROM {s}.automation_ledger WHERE customer_id = $1 AND strpos(key, '|') > 0",
    ]

    /// An eraser over the tables of `schema`; `pseudonymizer` makes the suppression
    /// fingerprints and the receipt's subject, as the ``Privacy/SuppressionList`` of the
    /// in-memory path does.
    public init(client: PostgresStorageClient, schema: PostgresSchema = .default, pseudonymizer: Pseudonymizer) {
        self.client = client
        self.schema = schema
        self.pseudonymizer = pseudonymizer
    }

    /// Erases the customer, stores the suppression records of its id, email and phone and,
    /// when `actor` is given, appends an ``Privacy/AuditAction/erasure`` entry to the schema's
    /// audit log (subject: the pseudonym; detail: `store=count,...`), all in one transaction.
    /// - Throws: ``Privacy/PrivacyError`` `.storeFailed` naming the store whose step failed,
    ///   with nothing erased; ``CustomerModel/StoreError`` `.unavailable` when the server fails
    ///   before or after the steps (also with nothing erased).
    public func erase(_ customerID: CustomerID, actor: String?, at date: Date) async throws -> ErasureReceipt {
        let name = schema.name
        let schema = self.schema
        let settings = client.settings
        let pseudonymizer = self.pseudonymizer
        let subject = pseudonymizer.pseudonym(for: customerID).rawValue
        return try await client.withTransaction(schema) { connection in
            let logger = client.logger
            var profile: CustomerProfile?
            let rows = try await connection.query(
                "SELECT profile::text FROM \(unescaped: name).customers WHERE id = \(customerID.rawValue) FOR UPDATE", logger: logger)
            for try await (document) in rows.decode(String.self) {
                profile = try JSONDocument.decode(StoredProfile.self, from: document, describing: "profile '\(customerID)'")
                    .profile(id: customerID)
            }
            let suppressions = SuppressionList(store: PostgresSuppressionStore(client: client, schema: schema), pseudonymizer: pseudonymizer)
                .records(for: profile, customerID: customerID, erasedAt: date)
            try await PostgresSuppressionStore.add(suppressions, schema: schema, on: connection, logger: logger)
            var erased: [StoreErasure] = []
            for (store, sql) in zip(Self.stores, Self.deletions) {
                do {
                    var bindings = PostgresBindings()
                    bindings.append(customerID.rawValue)
                    let counted = "WITH deleted AS (" + sql.replacing("{s}", with: name) + " RETURNING 1) SELECT count(*) FROM deleted"
                    let removed = try await connection.count(PostgresQuery(unsafeSQL: counted, binds: bindings), logger: logger)
                    erased.append(StoreErasure(store: store.name, category: store.category, recordsRemoved: removed))
                } catch {
                    let cause = PostgresErrorTranslation.storeError(for: error, schema: schema, settings: settings)
                    throw PrivacyError(.storeFailed, "erasure in store '\(store.name)' failed, nothing was erased: \(cause)")
                }
            }
            if let actor {
                let previous = try await PostgresAuditLogStore.lastLocked(schema: schema, on: connection, logger: logger)
                let entry = AuditEntry(
                    sequence: (previous?.sequence ?? -1) + 1, action: .erasure, actor: actor, subject: subject, purpose: nil,
                    detail: erased.map { "\($0.store)=\($0.recordsRemoved)" }.joined(separator: ","), occurredAt: date,
                    previousHash: previous?.hash ?? AuditEntry.genesisHash)
                try await PostgresAuditLogStore.append([entry], schema: schema, on: connection, logger: logger)
            }
            return ErasureReceipt(subject: subject, erasedAt: date, stores: erased, suppressionRecords: suppressions.count)
        }
    }
}
