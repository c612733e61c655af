import CustomerModel

/// The audit log of every access to personal data, consent change, export, erasure and
/// retention purge (GDPR Art. 5(2), 30; PIPL Art. 54–55), hash-chained with SHA-256.
///
/// An actor, so entries are chained in one order. With a ``Pseudonymizer`` the log stores
/// customer references as keyed pseudonyms: the chain can then never be broken by an
/// erasure (nothing in it identifies the person without the key), and still shows what
/// was done to whom. Each entry also goes to the event sink as
/// ``CustomerModel/DomainEventKind/auditRecorded``.
public actor AuditLog {
    /// Where entries are kept.
    public let store: any AuditLogStore
    private let pseudonymizer: Pseudonymizer?
    private let sink: (any EventSink)?
    private var tail: AuditEntry??
    /// The last scheduled append: each append waits for the one before, because an actor
    /// may interleave calls at every `await` and the chain needs one order.
    private var queue: Task<Void, Never>?

    /// Creates a log over `store`.
    public init(store: any AuditLogStore, pseudonymizer: Pseudonymizer? = nil, eventSink: (any EventSink)? = nil) {
        self.store = store
        self.pseudonymizer = pseudonymizer
        self.sink = eventSink
    }

    /// The reference stored for a customer: its pseudonym, or its id without a pseudonymizer.
    public nonisolated func subject(for customerID: CustomerID) -> String {
        pseudonymizer?.pseudonym(for: customerID).rawValue ?? customerID.rawValue
    }

    /// Chains and appends entries, then sends them to the sink.
    ///
    /// Calls are appended in the order they reach the log. When another process appended
    /// to the store first (the store throws `.duplicateID`), the chain is re-read and the
    /// append retried, up to three times.
    /// - Throws: store errors.
    @discardableResult
    public func record(_ drafts: [AuditEntryDraft]) async throws -> [AuditEntry] {
        guard !drafts.isEmpty else { return [] }
        let before = queue
        let work = Task { () async throws -> [AuditEntry] in
            await before?.value
            return try await self.append(drafts)
        }
        queue = Task { _ = try? await work.value }
        return try await work.value
    }

    private func append(_ drafts: [AuditEntryDraft]) async throws -> [AuditEntry] {
        var attempt = 0
        while true {
            let previous: AuditEntry?
            if let cached = tail { previous = cached } else { previous = try await store.last() }
            let entries = chain(drafts, after: previous)
            do {
                try await store.append(entries)
                tail = .some(entries.last)
                await deliver(entries)
                return entries
            } catch let error as StoreError where error.code == .duplicateID && attempt < 3 {
                tail = nil
                attempt += 1
            }
        }
    }

    /// Chains and appends one entry.
    @discardableResult
    public func record(_ draft: AuditEntryDraft) async throws -> AuditEntry? {
        try await record([draft]).first
    }

    /// Reads the whole log from the store and verifies the chain.
    /// - Complexity: O(total bytes of the log).
    public func verify(pageSize: Int = 1_000) async throws -> AuditVerification {
        var checked = 0
        var previous: AuditEntry?
        while true {
            let page = try await store.entries(from: checked, limit: pageSize)
            let result = AuditChain.verify(page, startingAfter: previous)
            if !result.isIntact {
                return AuditVerification(entriesChecked: checked + result.entriesChecked,
                                         firstBrokenSequence: result.firstBrokenSequence, reason: result.reason)
            }
            checked += page.count
            previous = page.last ?? previous
            if page.count < pageSize { return AuditVerification(entriesChecked: checked, firstBrokenSequence: nil, reason: nil) }
        }
    }

    private func chain(_ drafts: [AuditEntryDraft], after previous: AuditEntry?) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        var sequence = (previous?.sequence ?? -1) + 1
        var link = previous?.hash ?? AuditEntry.genesisHash
        for draft in drafts {
            let entry = AuditEntry(
                sequence: sequence, action: draft.action, actor: draft.actor,
                subject: draft.customerID.map(subject(for:)), purpose: draft.purpose,
                detail: draft.detail, occurredAt: draft.occurredAt, previousHash: link)
            entries.append(entry)
            link = entry.hash
            sequence += 1
        }
        return entries
    }

    private func deliver(_ entries: [AuditEntry]) async {
        guard let sink else { return }
        await sink.record(entries.map { entry in
            var details = ["action": entry.action.name, "actor": entry.actor, "sequence": String(entry.sequence), "hash": entry.hash.hex]
            if let purpose = entry.purpose { details["purpose"] = purpose.name }
            if let subject = entry.subject { details["subject"] = subject }
            return DomainEvent(kind: .auditRecorded, customerID: nil, occurredAt: entry.occurredAt, details: details)
        })
    }
}
