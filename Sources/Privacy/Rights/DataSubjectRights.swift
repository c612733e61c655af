#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// What one store gave up in an erasure.
public struct StoreErasure: Hashable, Sendable, Codable {
    public var store: String
    public var category: DataCategory
    public var recordsRemoved: Int

    /// Creates a line of a receipt (for stores implemented outside the library).
    public init(store: String, category: DataCategory, recordsRemoved: Int) {
        self.store = store
        self.category = category
        self.recordsRemoved = recordsRemoved
    }
}

/// The receipt of an erasure: every store reached and what it removed, and the keyed-hash
/// suppression records kept instead (GDPR Art. 17 and 19, PIPL Art. 47).
public struct ErasureReceipt: Hashable, Sendable, Codable {
    /// The customer's pseudonym (the receipt itself holds no identifier).
    public var subject: String
    public var erasedAt: Date
    /// One entry per registered store, in registration order.
    public var stores: [StoreErasure]
    /// How many suppression records (fingerprints of id, email, phone) were kept.
    public var suppressionRecords: Int
    /// The total of records removed.
    public var recordsRemoved: Int { stores.reduce(0) { $0 + $1.recordsRemoved } }

    /// Creates a receipt (for erasure implemented outside the library, e.g. in one database
    /// transaction).
    public init(subject: String, erasedAt: Date, stores: [StoreErasure], suppressionRecords: Int) {
        self.subject = subject
        self.erasedAt = erasedAt
        self.stores = stores
        self.suppressionRecords = suppressionRecords
    }
}

/// What one store holds about the customer, in an export.
public struct StoreExport: Hashable, Sendable, Codable {
    public var store: String
    public var category: DataCategory
    /// The records as a JSON array.
    public var json: String
}

/// Everything held about a customer across every registered store (GDPR Art. 15 and 20,
/// PIPL Art. 45): the records with their provenance, and the purposes they serve.
public struct DataSubjectExport: Hashable, Sendable {
    public var customerID: CustomerID
    public var generatedAt: Date
    /// One section per store, in registration order.
    public var stores: [StoreExport]
    /// The notice for this customer: purposes, fields, sources (from provenance), retention.
    public var notice: PrivacyNotice

    /// The whole export as one JSON document:
    /// `{"customerID":…,"generatedAt":…,"purposes":[…],"stores":{"name":{"category":…,"records":[…]}}}`.
    public func jsonDocument() throws -> String {
        var document = "{\"customerID\":" + (try ExportEncoding.json(customerID.rawValue))
        document += ",\"generatedAt\":" + String(generatedAt.timeIntervalSince1970)
        document += ",\"noticeVersion\":" + (try ExportEncoding.json(notice.version))
        document += ",\"purposes\":" + (try ExportEncoding.json(notice.purposes))
        document += ",\"stores\":{"
        document += try stores.map { section in
            (try ExportEncoding.json(section.store)) + ":{\"category\":" + (try ExportEncoding.json(section.category)) + ",\"records\":" + section.json + "}"
        }.joined(separator: ",")
        return document + "}}"
    }
}

/// The data-subject rights over every registered store: export (access, portability) and
/// erasure, each audited and announced to the event sink.
///
/// ```swift
/// let rights = DataSubjectRights(customers: customerStore,
///     otherStores: [PersonalDataStores.orders(orders), PersonalDataStores.consents(consents), mySegmentStore],
///     suppression: suppressionList, registry: .standard, auditLog: audit, eventSink: sink)
/// let receipt = try await rights.erase("c-42", actor: "dpo", at: now)
/// ```
public struct DataSubjectRights: Sendable {
    public let customers: any CustomerStore
    /// Every store that holds personal data, the customers' first.
    public let stores: [any PersonalDataStore]
    public let suppression: SuppressionList
    public let registry: PurposeRegistry
    public let auditLog: AuditLog?
    public let eventSink: (any EventSink)?

    public init(customers: any CustomerStore, otherStores: [any PersonalDataStore], suppression: SuppressionList,
                registry: PurposeRegistry, auditLog: AuditLog? = nil, eventSink: (any EventSink)? = nil) {
        self.customers = customers
        self.stores = [PersonalDataStores.customers(customers)] + otherStores
        self.suppression = suppression
        self.registry = registry
        self.auditLog = auditLog
        self.eventSink = eventSink
    }

    /// Exports everything held about the customer.
    /// - Throws: ``PrivacyError`` `.storeFailed` naming the store that failed.
    public func export(_ customerID: CustomerID, actor: String, noticeVersion: String = "current", at date: Date) async throws -> DataSubjectExport {
        var sections: [StoreExport] = []
        for store in stores {
            do {
                sections.append(StoreExport(store: store.name, category: store.category, json: try await store.exportJSON(for: customerID)))
            } catch {
                throw PrivacyError(.storeFailed, "export from store '\(store.name)' failed: \(error)")
            }
        }
        let profiles = try await customers.profiles(for: [customerID])
        let export = DataSubjectExport(customerID: customerID, generatedAt: date, stores: sections,
                                       notice: PrivacyNotice(version: noticeVersion, registry: registry, profiles: profiles))
        try await auditLog?.record(AuditEntryDraft(action: .export, actor: actor, customerID: customerID,
                                                   detail: "stores \(sections.map(\.store).joined(separator: ","))", occurredAt: date))
        await eventSink?.record(DomainEvent(kind: .dataExported, customerID: customerID, occurredAt: date,
                                            details: ["stores": String(sections.count)]))
        return export
    }

    /// Erases the customer from every registered store, keeps keyed-hash suppression
    /// records of the id, email and phone, audits the erasure and emits
    /// ``CustomerModel/DomainEventKind/customerErased`` (with the pseudonym, not the id).
    /// - Throws: ``PrivacyError`` `.storeFailed` naming the store that failed; stores
    ///   before it are already erased, and calling again completes the erasure.
    public func erase(_ customerID: CustomerID, actor: String, at date: Date) async throws -> ErasureReceipt {
        let profile = try await customers.profile(for: customerID)
        let suppressionRecords = suppression.records(for: profile, customerID: customerID, erasedAt: date)
        // Suppress first: if a store fails midway, the person is already blocked from re-import and contact.
        try await suppression.store.add(suppressionRecords)
        var erased: [StoreErasure] = []
        for store in stores {
            do {
                erased.append(StoreErasure(store: store.name, category: store.category, recordsRemoved: try await store.erase(customerID)))
            } catch {
                throw PrivacyError(.storeFailed, "erasure in store '\(store.name)' failed: \(error)")
            }
        }
        let subject = suppression.pseudonymizer.pseudonym(for: customerID).rawValue
        let receipt = ErasureReceipt(subject: subject, erasedAt: date, stores: erased, suppressionRecords: suppressionRecords.count)
        try await auditLog?.record(AuditEntryDraft(
            action: .erasure, actor: actor, customerID: customerID,
            detail: erased.map { "\($0.store)=\($0.recordsRemoved)" }.joined(separator: ","), occurredAt: date))
        await eventSink?.record(DomainEvent(kind: .customerErased, customerID: nil, occurredAt: date, details: [
            "subject": subject, "stores": String(erased.count), "records": String(receipt.recordsRemoved),
        ]))
        return receipt
    }
}
