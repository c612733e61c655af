import CustomerModel

/// Stores the audit log: an append-only, hash-chained sequence of ``AuditEntry``s.
///
/// `append` must keep the sequence contiguous: the first entry of a batch must be numbered
/// ``count()`` and the rest follow without gaps, else the store throws
/// ``CustomerModel/StoreError`` `.duplicateID` (another writer appended first) and stores
/// nothing. There is no update and no delete. ``InMemoryAuditLogStore`` is the in-memory
/// implementation; `AuditLogStoreConformance` in PrecisionMarketingTesting checks any other.
public protocol AuditLogStore: Sendable {
    /// Appends entries at the end.
    /// - Throws: ``CustomerModel/StoreError`` `.duplicateID` when the first sequence is not
    ///   ``count()``, `.invalidArgument` when the batch is not contiguous.
    func append(_ entries: [AuditEntry]) async throws

    /// Up to `limit` entries from position `sequence` on, in order.
    /// - Throws: ``CustomerModel/StoreError`` `.invalidArgument` when `limit` is below 1 or `sequence` is negative.
    func entries(from sequence: Int, limit: Int) async throws -> [AuditEntry]

    /// The last entry, if any.
    func last() async throws -> AuditEntry?

    /// The number of entries.
    func count() async throws -> Int
}

extension AuditLogStore {
    /// Every entry, read `pageSize` at a time.
    public func allEntries(pageSize: Int = 1_000) async throws -> [AuditEntry] {
        var all: [AuditEntry] = []
        while true {
            let page = try await entries(from: all.count, limit: pageSize)
            all.append(contentsOf: page)
            if page.count < pageSize { return all }
        }
    }
}
