import CustomerModel

/// Stores the consent ledger: append-only history of ``ConsentRecord``s.
///
/// Records are immutable facts: appending a record identical to a stored one is a no-op
/// (a safe retry); a record id that is stored, or appears earlier in the batch, with other
/// content is a ``CustomerModel/StoreError`` `.duplicateID`, and the whole batch is refused.
/// The only removal is ``deleteRecords(for:)``, which erasure uses. Pages are in
/// ``CustomerModel/StoreOrder`` (ascending record id). ``InMemoryConsentStore`` is the in-memory
/// implementation; `ConsentStoreConformance` in PrecisionMarketingTesting checks any other.
public protocol ConsentStore: Sendable {
    /// Appends records.
    /// - Throws: ``CustomerModel/StoreError`` `.duplicateID` for a record id with other content,
    ///   `.invalidArgument` for a record whose ``ConsentRecord/validationFailure`` is not nil.
    ///   Nothing is stored then.
    func append(_ records: [ConsentRecord]) async throws

    /// The history of these customers, by time, then record id.
    func history(for customerIDs: [CustomerID]) async throws -> [ConsentRecord]

    /// Up to `limit` records after `cursor` (from the first when `cursor` is nil).
    /// - Throws: ``CustomerModel/StoreError`` `.invalidArgument` when `limit` is below 1.
    func page(after cursor: PageCursor?, limit: Int) async throws -> Page<ConsentRecord>

    /// Deletes every record of these customers (erasure only) and returns how many.
    func deleteRecords(for customerIDs: [CustomerID]) async throws -> Int

    /// The number of stored records.
    func count() async throws -> Int

    /// The ledger of these customers, ready to answer status questions. The default builds
    /// it from ``history(for:)``; a store may build it more directly.
    func ledger(for customerIDs: [CustomerID]) async throws -> ConsentLedger
}

extension ConsentStore {
    /// Appends one record.
    public func append(_ record: ConsentRecord) async throws { try await append([record]) }

    /// The history of one customer, by time, then record id.
    public func history(for customerID: CustomerID) async throws -> [ConsentRecord] {
        try await history(for: [customerID])
    }

    /// Every stored record in store order, read page by page.
    /// - Complexity: O(n) reads of `pageSize` records.
    public func allRecords(pageSize: Int = 1_000) async throws -> [ConsentRecord] {
        try await readAllPages(pageSize: pageSize) { try await page(after: $0, limit: $1) }
    }

    /// Appends records and writes one ``AuditAction/consentChange`` entry per record to
    /// the audit log (purpose, channel, decision, method, notice version).
    public func append(_ records: [ConsentRecord], auditLog: AuditLog, actor: String) async throws {
        try await append(records)
        try await auditLog.record(records.map { record in
            AuditEntryDraft(action: .consentChange, actor: actor, customerID: record.customerID, purpose: record.purpose,
                            detail: "\(record.decision.rawValue) over \(record.channel?.name ?? "every channel") by \(record.method.name)"
                                + (record.noticeVersion.map { ", notice \($0)" } ?? "") + ", record \(record.id)",
                            occurredAt: record.recordedAt)
        })
    }

    /// The ledger of these customers, ready to answer status questions.
    public func ledger(for customerIDs: [CustomerID]) async throws -> ConsentLedger {
        ConsentLedger(history: try await history(for: customerIDs))
    }
}
