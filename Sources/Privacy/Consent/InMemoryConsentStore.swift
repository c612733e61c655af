import CustomerModel
import Synchronization

/// A ``ConsentStore`` that keeps the ledger in memory, guarded by a `Mutex`.
///
/// Emits one ``CustomerModel/DomainEventKind/consentChanged`` per new record (details
/// `purpose`, `channel`, `decision`, `method`, `store`) after releasing its lock.
public final class InMemoryConsentStore: ConsentStore {
    private struct State: Sendable {
        var records: [ConsentRecordID: ConsentRecord] = [:]
        var byCustomer: [CustomerID: [ConsentRecordID]] = [:]
        var index = SortedKeyIndex<ConsentRecordID>()
    }

    private let state = Mutex(State())
    private let sink: (any EventSink)?
    private let timeSource: (any TimeSource)?

    /// Creates an empty store that emits no events.
    public init() {
        sink = nil
        timeSource = nil
    }

    /// Creates an empty store that reports new records to `eventSink`, stamped by `timeSource`.
    public init(eventSink: any EventSink, timeSource: any TimeSource) {
        sink = eventSink
        self.timeSource = timeSource
    }

    /// Appends records; the batch is validated as a whole before anything is stored.
    /// - Complexity: O(k) for k records.
    public func append(_ records: [ConsentRecord]) async throws {
        var batch: [ConsentRecordID: ConsentRecord] = [:]
        var fresh: [ConsentRecord] = []
        for record in records {
            if let failure = record.validationFailure { throw StoreError(.invalidArgument, failure) }
            if let earlier = batch.updateValue(record, forKey: record.id) {
                guard earlier == record else {
                    throw StoreError(.duplicateID, "consent record '\(record.id)' appears twice in the batch with different content")
                }
            } else {
                fresh.append(record)
            }
        }
        let now = sink == nil ? nil : timeSource?.now()
        let added = try state.withLock { state throws(StoreError) -> [ConsentRecord] in
            var added: [ConsentRecord] = []
            for record in fresh {
                if let stored = state.records[record.id] {
                    guard stored == record else {
                        throw StoreError(.duplicateID, "consent record '\(record.id)' is stored with different content")
                    }
                } else {
                    added.append(record)
                }
            }
            for record in added {
                state.records[record.id] = record
                state.byCustomer[record.customerID, default: []].append(record.id)
                state.index.insert(record.id)
            }
            return added
        }
        guard let sink, let now, !added.isEmpty else { return }
        await sink.record(added.map { record in
            DomainEvent(kind: .consentChanged, customerID: record.customerID, occurredAt: now, details: [
                "purpose": record.purpose.name, "channel": record.channel?.name ?? "*",
                "decision": record.decision.rawValue, "method": record.method.name, "store": "InMemoryConsentStore",
            ])
        })
    }

    /// The history of these customers, by time, then record id.
    /// - Complexity: O(m log m) for m records found.
    public func history(for customerIDs: [CustomerID]) async throws -> [ConsentRecord] {
        let found = state.withLock { state -> [ConsentRecord] in
            var seen = Set<CustomerID>()
            var found: [ConsentRecord] = []
            for customer in customerIDs where seen.insert(customer).inserted {
                for id in state.byCustomer[customer] ?? [] {
                    if let record = state.records[id] { found.append(record) }
                }
            }
            return found
        }
        // Sorting positions, not the records, keeps the large values from moving on every swap.
        let order = found.indices.sorted { found[$0].precedesInHistory(found[$1]) }
        return order.map { found[$0] }
    }

    /// The ledger of these customers, grouped straight from the per-customer index (each
    /// customer's few records sorted on their own, no global sort).
    /// - Complexity: O(n + m log k) for m records of at most k per customer.
    public func ledger(for customerIDs: [CustomerID]) async throws -> ConsentLedger {
        let histories = state.withLock { state -> [CustomerID: [ConsentRecord]] in
            var histories: [CustomerID: [ConsentRecord]] = [:]
            histories.reserveCapacity(customerIDs.count)
            for customer in customerIDs where histories[customer] == nil {
                guard let ids = state.byCustomer[customer], !ids.isEmpty else { continue }
                var records = ids.compactMap { state.records[$0] }
                if records.count > 1 { records.sort { $0.precedesInHistory($1) } }
                histories[customer] = records
            }
            return histories
        }
        return ConsentLedger(sortedHistories: histories)
    }

    /// Up to `limit` records after `cursor`, ascending by record id.
    public func page(after cursor: PageCursor?, limit: Int) async throws -> Page<ConsentRecord> {
        try StoreOrder.validate(limit: limit)
        return state.withLock { state in
            let (keys, hasMore) = state.index.keys(after: cursor.map { ConsentRecordID($0.token) }, limit: limit)
            return Page(elements: keys.compactMap { state.records[$0] },
                        nextCursor: hasMore ? keys.last.map { PageCursor(after: $0) } : nil)
        }
    }

    /// Deletes every record of these customers.
    /// - Complexity: O(n + m) for m records deleted.
    public func deleteRecords(for customerIDs: [CustomerID]) async throws -> Int {
        state.withLock { state in
            var removed = Set<ConsentRecordID>()
            for customer in customerIDs {
                for id in state.byCustomer.removeValue(forKey: customer) ?? [] where state.records.removeValue(forKey: id) != nil {
                    removed.insert(id)
                }
            }
            state.index.remove(removed)
            return removed.count
        }
    }

    /// The number of stored records.
    public func count() async throws -> Int { state.withLock { $0.records.count } }
}
