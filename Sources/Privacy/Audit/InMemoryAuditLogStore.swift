import CustomerModel
import Synchronization

/// An ``AuditLogStore`` that keeps entries in an array, guarded by a `Mutex`.
public final class InMemoryAuditLogStore: AuditLogStore {
    private let entries = Mutex<[AuditEntry]>([])

    /// Creates an empty log.
    public init() {}

    /// Appends a contiguous batch at the end.
    /// - Complexity: O(k) for k entries.
    public func append(_ batch: [AuditEntry]) async throws {
        for (offset, entry) in batch.enumerated().dropFirst() where entry.sequence != batch[0].sequence + offset {
            throw StoreError(.invalidArgument, "audit entry \(entry.sequence) is at offset \(offset) of a batch starting at \(batch[0].sequence)")
        }
        try entries.withLock { entries throws(StoreError) in
            guard let first = batch.first else { return }
            guard first.sequence == entries.count else {
                throw StoreError(.duplicateID, "audit entry \(first.sequence) appended to a log of \(entries.count) entries")
            }
            entries.append(contentsOf: batch)
        }
    }

    /// Up to `limit` entries from `sequence` on.
    public func entries(from sequence: Int, limit: Int) async throws -> [AuditEntry] {
        try StoreOrder.validate(limit: limit)
        guard sequence >= 0 else { throw StoreError(.invalidArgument, "audit sequence \(sequence) is negative") }
        return entries.withLock { entries in
            guard sequence < entries.count else { return [] }
            return Array(entries[sequence..<min(entries.count, sequence + limit)])
        }
    }

    /// The last entry.
    public func last() async throws -> AuditEntry? { entries.withLock { $0.last } }

    /// The number of entries.
    public func count() async throws -> Int { entries.withLock { $0.count } }
}
