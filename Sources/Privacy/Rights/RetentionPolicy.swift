#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// How long data of one category may be kept (GDPR Art. 5(1)(e) storage limitation,
/// PIPL Art. 19).
public struct RetentionPolicy: Hashable, Sendable, Codable {
    public var category: DataCategory
    public var maximumAgeDays: Int
    public init(category: DataCategory, maximumAgeDays: Int) {
        self.category = category
        self.maximumAgeDays = maximumAgeDays
    }
}

/// What a purge removed from one store.
public struct RetentionPurgeResult: Hashable, Sendable, Codable {
    public var store: String
    public var category: DataCategory
    /// Records older than this were removed.
    public var cutoff: Date
    public var recordsRemoved: Int
}

/// Applies retention policies to the registered stores at an as-of date.
public struct RetentionPurge: Sendable {
    public let policies: [RetentionPolicy]
    public let stores: [any PersonalDataStore]
    public let auditLog: AuditLog?
    public let eventSink: (any EventSink)?

    /// - Throws: ``PrivacyError`` `.invalidParameter` for a negative age or a category given twice.
    public init(policies: [RetentionPolicy], stores: [any PersonalDataStore], auditLog: AuditLog? = nil, eventSink: (any EventSink)? = nil) throws {
        var seen = Set<DataCategory>()
        for policy in policies {
            guard policy.maximumAgeDays >= 0 else {
                throw PrivacyError(.invalidParameter, "retention of '\(policy.category)' is \(policy.maximumAgeDays) days; it must not be negative")
            }
            guard seen.insert(policy.category).inserted else {
                throw PrivacyError(.invalidParameter, "retention of '\(policy.category)' is given twice")
            }
        }
        self.policies = policies
        self.stores = stores
        self.auditLog = auditLog
        self.eventSink = eventSink
    }

    /// Deletes, in every store whose category has a policy, the records older than
    /// `asOf − maximumAge`; audits and announces each store's purge.
    public func run(asOf: Date, actor: String) async throws -> [RetentionPurgeResult] {
        var results: [RetentionPurgeResult] = []
        for store in stores {
            guard let policy = policies.first(where: { $0.category == store.category }) else { continue }
            let cutoff = asOf.addingTimeInterval(-Double(policy.maximumAgeDays) * 86_400)
            let removed: Int
            do { removed = try await store.purge(olderThan: cutoff) } catch {
                throw PrivacyError(.storeFailed, "retention purge in store '\(store.name)' failed: \(error)")
            }
            results.append(RetentionPurgeResult(store: store.name, category: store.category, cutoff: cutoff, recordsRemoved: removed))
        }
        try await auditLog?.record(results.map {
            AuditEntryDraft(action: .retentionPurge, actor: actor, detail: "\($0.store) (\($0.category)) before \($0.cutoff.timeIntervalSince1970): \($0.recordsRemoved) removed", occurredAt: asOf)
        })
        await eventSink?.record(results.map {
            DomainEvent(kind: .retentionPurged, occurredAt: asOf, details: ["store": $0.store, "category": $0.category.name, "records": String($0.recordsRemoved)])
        })
        return results
    }
}
