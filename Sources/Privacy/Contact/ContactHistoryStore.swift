#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Stores the messages sent to customers (the contact history the contact policy reads).
///
/// Appending a record whose id is stored for the same customer replaces it (how a response
/// is recorded); an id stored, or earlier in the batch, for another customer is a
/// ``CustomerModel/StoreError`` `.duplicateID` and the whole batch is refused. Pages are in
/// ``CustomerModel/StoreOrder`` (ascending record id). ``InMemoryContactHistoryStore`` is
/// the in-memory implementation; `ContactHistoryStoreConformance` checks any other.
public protocol ContactHistoryStore: Sendable {
    /// Appends or replaces records.
    /// - Throws: ``CustomerModel/StoreError`` `.duplicateID`, `.invalidArgument` for an empty id.
    func append(_ records: [ContactRecord]) async throws

    /// The records of these customers sent at or after `since` (all when nil), by time, then id.
    func contacts(for customerIDs: [CustomerID], since: Date?) async throws -> [ContactRecord]

    /// Up to `limit` records after `cursor`.
    /// - Throws: ``CustomerModel/StoreError`` `.invalidArgument` when `limit` is below 1.
    func page(after cursor: PageCursor?, limit: Int) async throws -> Page<ContactRecord>

    /// Deletes every record of these customers and returns how many.
    func deleteContacts(for customerIDs: [CustomerID]) async throws -> Int

    /// Deletes every record sent before `date` (a retention purge) and returns how many.
    func deleteContacts(sentBefore date: Date) async throws -> Int

    /// The number of stored records.
    func count() async throws -> Int
}

extension ContactHistoryStore {
    /// Appends one record.
    public func append(_ record: ContactRecord) async throws { try await append([record]) }

    /// Every record of one customer, by time, then id.
    public func contacts(for customerID: CustomerID) async throws -> [ContactRecord] {
        try await contacts(for: [customerID], since: nil)
    }

    /// Every stored record in store order.
    public func allContacts(pageSize: Int = 1_000) async throws -> [ContactRecord] {
        try await readAllPages(pageSize: pageSize) { try await page(after: $0, limit: $1) }
    }
}
