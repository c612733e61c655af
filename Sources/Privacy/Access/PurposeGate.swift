#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Purpose-gated access to personal data (GDPR Art. 5(1)(b), 6 and 21; PIPL Art. 6, 13 and 14).
///
/// Every read of a customer's personal data names a purpose. The gate looks the purpose up
/// in the ``PurposeRegistry``, checks the fields asked for against it, and checks consent
/// or the other legal basis in the ``ConsentStore``. A refusal is an ``AccessDenial`` that
/// names every missing requirement; with an ``AuditLog`` every decision is recorded.
///
/// ```swift
/// let gate = PurposeGate(registry: .standard, consents: consentStore, auditLog: audit)
/// let profile = try await gate.readProfile(
///     AccessRequest(customerID: "c-1", purpose: .marketing, channel: .email, actor: "campaign-7"),
///     from: customers, at: now)   // throws AccessDenial without email marketing consent
/// ```
public struct PurposeGate: Sendable {
    /// The declared purposes.
    public let registry: PurposeRegistry
    /// The consent ledger.
    public let consents: any ConsentStore
    /// Where decisions are recorded, if anywhere.
    public let auditLog: AuditLog?

    /// Creates a gate.
    public init(registry: PurposeRegistry, consents: any ConsentStore, auditLog: AuditLog? = nil) {
        self.registry = registry
        self.consents = consents
        self.auditLog = auditLog
    }

    /// Decides a request at `date` without throwing for a refusal.
    /// - Throws: only store errors.
    public func check(_ request: AccessRequest, at date: Date) async throws -> AccessDecision {
        try await check([request], at: date)[0]
    }

    /// Decides many requests at `date` with one read of the consent store and one batch
    /// of audit entries (in request order): the same decisions as one ``check(_:at:)`` each.
    /// - Throws: only store errors.
    /// - Complexity: O(requests + their customers' consent records).
    public func check(_ requests: [AccessRequest], at date: Date) async throws -> [AccessDecision] {
        var seen = Set<CustomerID>()
        let ledger = try await consents.ledger(for: requests.map(\.customerID).filter { seen.insert($0).inserted })
        return try await check(requests, at: date, ledger: ledger)
    }

    /// Decides many requests on a ledger the caller already read from ``consents`` (it must
    /// hold every requesting customer's history up to `date`), so one audience is read once.
    /// - Throws: only audit-log errors.
    public func check(_ requests: [AccessRequest], at date: Date, ledger: ConsentLedger) async throws -> [AccessDecision] {
        var decisions: [AccessDecision] = []
        decisions.reserveCapacity(requests.count)
        var drafts: [AuditEntryDraft] = []
        for request in requests {
            var missing: [MissingRequirement]
            var basis: LegalBasis?
            var record: ConsentRecord?
            if let definition = registry.definition(for: request.purpose) {
                missing = request.fields.filter { !definition.fields.contains($0) }.map {
                    MissingRequirement.fieldNotCovered($0, purpose: request.purpose)
                }
                let outcome = PurposeRules.evaluate(
                    definition, ledger: ledger, customerID: request.customerID, channel: request.channel, at: date)
                missing += outcome.missing
                basis = definition.legalBasis
                record = outcome.record
            } else {
                missing = [.purposeNotRegistered(request.purpose)]
            }
            let detail: String
            if let basis, missing.isEmpty {
                decisions.append(.granted(basis: basis, record: record))
                detail = "basis \(basis.rawValue)"
            } else {
                decisions.append(.denied(AccessDenial(request: request, missing: missing)))
                detail = missing.map(\.description).joined(separator: "; ")
            }
            if auditLog != nil {
                drafts.append(AuditEntryDraft(
                    action: missing.isEmpty ? .access : .accessDenied, actor: request.actor, customerID: request.customerID,
                    purpose: request.purpose, detail: (request.channel.map { "channel \($0); " } ?? "") + detail,
                    occurredAt: date))
            }
        }
        if let auditLog, !drafts.isEmpty { _ = try await auditLog.record(drafts) }
        return decisions
    }

    /// Allows a request or throws the denial.
    /// - Throws: ``AccessDenial`` naming what is missing; store errors.
    @discardableResult
    public func authorize(_ request: AccessRequest, at date: Date) async throws -> AccessDecision {
        let decision = try await check(request, at: date)
        if case .denied(let denial) = decision { throw denial }
        return decision
    }

    /// Reads a customer's profile for a purpose: only the fields asked for (or, when none
    /// are named, the purpose's fields) are returned; nil when the customer is unknown.
    /// - Throws: ``AccessDenial`` when the purpose may not use the data; store errors.
    public func readProfile(_ request: AccessRequest, from store: any CustomerStore, at date: Date) async throws -> CustomerProfile? {
        try await authorize(request, at: date)
        guard var profile = try await store.profile(for: request.customerID) else { return nil }
        let allowed = Set(request.fields.isEmpty ? registry.definition(for: request.purpose)?.fields ?? [] : request.fields)
        profile.attributes = profile.attributes.filter { allowed.contains($0.key) }
        if !allowed.contains(.deviceIDs) { profile.devices = [] }
        return profile
    }
}
