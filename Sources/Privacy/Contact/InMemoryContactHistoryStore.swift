#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Synchronization

/// A ``ContactHistoryStore`` that keeps records in memory, guarded by a `Mutex`.
public final class InMemoryContactHistoryStore: ContactHistoryStore {
    private struct State: Sendable {
        var records: [ContactRecordID: ContactRecord] = [:]
        var byCustomer: [CustomerID: Set<ContactRecordID>] = [:]
        var index = SortedKeyIndex<ContactRecordID>()
    }

    private let state = Mutex(State())

    /// Creates an empty store.
    public init() {}

    /// Appends or replaces records; the batch is validated as a whole first.
    /// - Complexity: O(k) for k records.
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
        try state.withLock { state throws(StoreError) in
            for (id, customer) in owners {
                if let stored = state.records[id], stored.customerID != customer {
                    throw StoreError(.duplicateID, "contact '\(id)' is stored for customer '\(stored.customerID)', not '\(customer)'")
                }
            }
            for record in records where state.records.updateValue(record, forKey: record.id) == nil {
                state.index.insert(record.id)
                state.byCustomer[record.customerID, default: []].insert(record.id)
            }
        }
    }

    /// The records of these customers sent at or after `since`, by time, then id.
    public func contacts(for customerIDs: [CustomerID], since: Date?) async throws -> [ContactRecord] {
        let found = state.withLock { state -> [ContactRecord] in
            var seen = Set<CustomerID>()
            var found: [ContactRecord] = []
            for customer in customerIDs where seen.insert(customer).inserted {
                for id in state.byCustomer[customer] ?? [] {
                    if let record = state.records[id], since.map({ record.sentAt >= $0 }) ?? true { found.append(record) }
                }
            }
            return found
        }
        return found.sorted { $0.sentAt != $1.sentAt ? $0.sentAt < $1.sentAt : StoreOrder.precedes($0.id, $1.id) }
    }

    /// Up to `limit` records after `cursor`, ascending by id.
    public func page(after cursor: PageCursor?, limit: Int) async throws -> Page<ContactRecord> {
        try StoreOrder.validate(limit: limit)
        return state.withLock { state in
            let (keys, hasMore) = state.index.keys(after: cursor.map { ContactRecordID($0.token) }, limit: limit)
            return Page(elements: keys.compactMap { state.records[$0] }, nextCursor: hasMore ? keys.last.map { PageCursor(after: $0) } : nil)
        }
    }

    /// Deletes every record of these customers.
    public func deleteContacts(for customerIDs: [CustomerID]) async throws -> Int {
        state.withLock { state in
            var removed = Set<ContactRecordID>()
            for customer in customerIDs {
                for id in state.byCustomer.removeValue(forKey: customer) ?? [] where state.records.removeValue(forKey: id) != nil {
                    removed.insert(id)
                }
            }
            state.index.remove(removed)
            return removed.count
        }
    }

    /// Deletes every record sent before `date`.
    /// - Complexity: O(n).
    public func deleteContacts(sentBefore date: Date) async throws -> Int {
        state.withLock { state in
            let old = state.records.values.filter { $0.sentAt < date }
            for record in old {
                state.records.removeValue(forKey: record.id)
                state.byCustomer[record.customerID]?.remove(record.id)
                if state.byCustomer[record.customerID]?.isEmpty == true { state.byCustomer.removeValue(forKey: record.customerID) }
            }
            state.index.remove(Set(old.map(\.id)))
            return old.count
        }
    }

    /// The number of stored records.
    public func count() async throws -> Int { state.withLock { $0.records.count } }
}
