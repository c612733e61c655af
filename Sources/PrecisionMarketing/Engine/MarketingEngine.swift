#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Campaigns
import CustomerModel
import Privacy
import Segmentation
import Social

/// The facade: one object that runs the loop the library is for, ingest → data quality →
/// scores → segments → recommendations → consent-gated campaign plan → delivery →
/// measured results → feedback, over the stores and the event sink the caller passes in.
///
/// It enforces DESIGN.md principle 5 on every path, so none of it is left to the caller:
/// - **no profiling after an objection**: ``analyze(asOf:)`` leaves out every customer whose
///   latest decision on ``Purpose/profiling`` is an objection, so scores, segments,
///   recommendations and campaign audiences never include them;
/// - **no message without consent**: ``plan(_:audience:in:actor:responseProbabilities:recommendations:)``
///   screens every audience member through the consent ledger (marketing consent for the
///   chosen channel), the suppression list of erased people and the contact policy;
///   ``deliver(_:via:actor:)`` screens each message again at its send time, so two plans
///   made before either is sent cannot together exceed a cap;
/// - **erasure everywhere**: ``erase(_:actor:at:)`` reaches every store of ``MarketingStores``
///   that holds personal data, keeps keyed-hash suppression records so the person is not
///   re-imported or contacted, and audits it; ingest refuses data of erased people.
///
/// ```swift
/// let engine = try MarketingEngine(configuration: configuration)
/// _ = try await engine.ingest(transactionsCSV: bytes)
/// try await engine.recordConsents(consents, actor: "crm-sync")
/// let analysis = try await engine.analyze(asOf: asOf)
/// let plan = try await engine.plan(campaign, audience: lapsedVIPs, in: analysis, actor: "marketing")
/// _ = try await engine.deliver(plan, via: emailService, actor: "marketing")
/// let result = try await engine.measure(plan, windowDays: 14)   // lift against the holdout
/// ```
public actor MarketingEngine {
    /// The stores.
    public nonisolated let stores: MarketingStores
    /// Where domain events go (segment changes, planned, sent and suppressed messages, erasures).
    public nonisolated let sink: any EventSink
    /// The configuration.
    public nonisolated let configuration: MarketingEngineConfiguration
    /// The suppression list of erased people.
    public nonisolated let suppression: SuppressionList
    /// The audit log over ``MarketingStores/auditLog``.
    public nonisolated let auditLog: AuditLog
    let rights: DataSubjectRights

    /// Creates an engine over `stores` (in memory by default).
    /// - Throws: ``PrivacyError`` when the pseudonym key is rejected.
    public init(
        stores: MarketingStores = .inMemory(), sink: any EventSink = NoOpEventSink(), configuration: MarketingEngineConfiguration
    ) throws {
        let pseudonymizer = try Pseudonymizer(key: configuration.pseudonymKey, keyLabel: "engine")
        self.stores = stores
        self.sink = sink
        self.configuration = configuration
        suppression = SuppressionList(store: stores.suppressions, pseudonymizer: pseudonymizer)
        auditLog = AuditLog(store: stores.auditLog, pseudonymizer: pseudonymizer, eventSink: sink)
        rights = DataSubjectRights(
            customers: stores.customers, otherStores: stores.personalDataStores, suppression: suppression,
            registry: configuration.purposes, auditLog: auditLog, eventSink: sink)
    }

    // MARK: Ingest

    /// Imports the canonical transactions CSV: valid rows become orders in the order store,
    /// malformed rows are rejected with their line and reason, and orders of erased people
    /// are refused.
    /// - Throws: ``ImportError`` for a missing or malformed header; store errors.
    public func ingest(transactionsCSV bytes: [UInt8]) async throws -> IngestReport {
        let result = try TransactionCSVImporter.importOrders(
            from: bytes, format: TransactionCSVFormat(currency: configuration.currency))
        var report = try await ingest(orders: result.orders)
        report.importReport = result.report
        return report
    }

    /// Appends orders, refusing those of erased people.
    /// - Throws: store errors (the batch is then not stored).
    public func ingest(orders: [Order]) async throws -> IngestReport {
        let blocked = try await erasedCustomers(among: orders.map(\.customerID))
        let kept = blocked.isEmpty ? orders : orders.filter { !blocked.contains($0.customerID) }
        try await stores.orders.append(kept)
        return IngestReport(accepted: kept.count, blockedErased: blocked.sorted())
    }

    /// Upserts profiles, refusing those of erased people (by id, email or phone).
    /// - Throws: store errors.
    public func ingest(profiles: [CustomerProfile]) async throws -> IngestReport {
        let (accepted, blocked) = try await suppression.screenImport(profiles)
        try await stores.customers.upsert(accepted)
        return IngestReport(accepted: accepted.count, blockedErased: blocked.map(\.id).sorted())
    }

    /// Appends interaction events, refusing those of erased people.
    /// - Throws: store errors.
    public func ingest(interactions: [InteractionEvent]) async throws -> IngestReport {
        let blocked = try await erasedCustomers(among: interactions.map(\.customerID))
        let kept = blocked.isEmpty ? interactions : interactions.filter { !blocked.contains($0.customerID) }
        try await stores.interactions.append(kept)
        return IngestReport(accepted: kept.count, blockedErased: blocked.sorted())
    }

    /// Appends social events (shares, referrals, follows, mentions, community activity),
    /// refusing those where an erased person acts or is the target.
    /// - Throws: store errors.
    public func ingest(socialEvents: [SocialEvent]) async throws -> IngestReport {
        let blocked = try await erasedCustomers(among: socialEvents.flatMap { [$0.customerID] + ($0.targetCustomerID.map { [$0] } ?? []) })
        let kept = blocked.isEmpty ? socialEvents : socialEvents.filter {
            !blocked.contains($0.customerID) && !($0.targetCustomerID.map(blocked.contains) ?? false)
        }
        try await stores.socialEvents.append(kept)
        return IngestReport(accepted: kept.count, blockedErased: blocked.sorted())
    }

    /// Records consent decisions (grants, withdrawals, objections) and audits each one.
    /// - Throws: ``PrivacyError`` for a malformed record; store errors.
    public func recordConsents(_ records: [ConsentRecord], actor: String) async throws {
        try await stores.consents.append(records, auditLog: auditLog, actor: actor)
    }

    /// The customers among `ids` that were erased.
    func erasedCustomers(among ids: [CustomerID]) async throws -> Set<CustomerID> {
        var seen = Set<CustomerID>()
        return try await suppression.suppressedCustomers(ids.filter { seen.insert($0).inserted })
    }

    // MARK: Data subject rights

    /// Erases the customer from every store that holds personal data, keeps suppression
    /// records so they are never re-imported or contacted, and audits the erasure.
    /// - Throws: ``PrivacyError`` `.storeFailed` naming a store that failed (calling again completes it).
    public func erase(_ customerID: CustomerID, actor: String, at date: Date) async throws -> ErasureReceipt {
        try await rights.erase(customerID, actor: actor, at: date)
    }

    /// Everything held about the customer, store by store, with the privacy notice.
    /// - Throws: ``PrivacyError`` `.storeFailed` naming a store that failed.
    public func export(_ customerID: CustomerID, actor: String, at date: Date) async throws -> DataSubjectExport {
        try await rights.export(customerID, actor: actor, at: date)
    }
}

/// What an ingest call kept and refused.
public struct IngestReport: Sendable, Hashable {
    /// Records stored.
    public var accepted: Int
    /// Customers whose records were refused because they were erased.
    public var blockedErased: [CustomerID]
    /// For CSV input: rows read, kept, and rejected with line and reason.
    public var importReport: ImportReport?

    /// Creates a report.
    public init(accepted: Int, blockedErased: [CustomerID], importReport: ImportReport? = nil) {
        self.accepted = accepted
        self.blockedErased = blockedErased
        self.importReport = importReport
    }
}
