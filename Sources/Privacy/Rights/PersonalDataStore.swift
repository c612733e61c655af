#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// A store that holds personal data, seen by the data-subject rights: it can export and
/// erase everything it holds about one customer (GDPR Art. 15, 17, 20; PIPL Art. 45, 47).
///
/// The library wraps its own stores (``PersonalDataStores``); a user registers any other
/// store that holds personal data (segment memberships, recommendation or campaign state)
/// by conforming to this protocol, and erasure then reaches it too.
public protocol PersonalDataStore: Sendable {
    /// A stable name for receipts and exports.
    var name: String { get }
    /// What kind of data it holds (for retention and the export).
    var category: DataCategory { get }
    /// Everything held about the customer, as a JSON array (`[]` when nothing).
    func exportJSON(for customerID: CustomerID) async throws -> String
    /// Deletes everything held about the customer and returns how many records went.
    func erase(_ customerID: CustomerID) async throws -> Int
    /// Deletes records older than `date` (a retention purge) and returns how many went;
    /// stores whose data has no age return 0.
    func purge(olderThan date: Date) async throws -> Int
}

extension PersonalDataStore {
    /// Stores without aged records purge nothing.
    public func purge(olderThan date: Date) async throws -> Int { 0 }
}

/// JSON encoding shared by exports: sorted keys, dates as seconds since 1970.
enum ExportEncoding {
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// The library's stores seen as ``PersonalDataStore``s.
public enum PersonalDataStores {
    /// Customer profiles (with the provenance of every attribute).
    public static func customers(_ store: any CustomerStore, name: String = "customers") -> any PersonalDataStore {
        CustomerProfiles(name: name, store: store)
    }
    /// Orders and their lines; purging drops orders dated before the cut-off.
    public static func orders(_ store: any OrderStore, name: String = "orders") -> any PersonalDataStore {
        Orders(name: name, store: store)
    }
    /// Interaction events; purging drops events that occurred before the cut-off.
    public static func interactions(_ store: any InteractionStore, name: String = "interactions") -> any PersonalDataStore {
        Interactions(name: name, store: store)
    }
    /// The consent ledger (kept as proof, so never purged by age).
    public static func consents(_ store: any ConsentStore, name: String = "consents") -> any PersonalDataStore {
        Consents(name: name, store: store)
    }
    /// The contact history; purging drops messages sent before the cut-off.
    public static func contactHistory(_ store: any ContactHistoryStore, name: String = "contactHistory") -> any PersonalDataStore {
        Contacts(name: name, store: store)
    }

    struct CustomerProfiles: PersonalDataStore {
        let name: String
        let store: any CustomerStore
        var category: DataCategory { .profile }
        func exportJSON(for customerID: CustomerID) async throws -> String {
            try ExportEncoding.json(try await store.profiles(for: [customerID]))
        }
        func erase(_ customerID: CustomerID) async throws -> Int { try await store.delete([customerID]) }
    }

    struct Orders: PersonalDataStore {
        let name: String
        let store: any OrderStore
        var category: DataCategory { .orders }
        func exportJSON(for customerID: CustomerID) async throws -> String {
            try ExportEncoding.json(try await store.orders(for: [customerID]))
        }
        func erase(_ customerID: CustomerID) async throws -> Int { try await store.deleteOrders(for: [customerID]) }
        /// The protocol deletes per customer only, so each affected customer's orders are
        /// deleted and the young ones appended again.
        func purge(olderThan date: Date) async throws -> Int {
            let cutoff = date.calendarDayUTC
            let old = try await store.allOrders().filter { $0.date < cutoff }
            let customers = Array(Set(old.map(\.customerID))).sorted()
            guard !customers.isEmpty else { return 0 }
            let kept = try await store.orders(for: customers).filter { $0.date >= cutoff }
            _ = try await store.deleteOrders(for: customers)
            if !kept.isEmpty { try await store.append(kept) }
            return old.count
        }
    }

    struct Interactions: PersonalDataStore {
        let name: String
        let store: any InteractionStore
        var category: DataCategory { .interactions }
        func exportJSON(for customerID: CustomerID) async throws -> String {
            try ExportEncoding.json(try await store.events(for: [customerID], in: nil))
        }
        func erase(_ customerID: CustomerID) async throws -> Int { try await store.deleteEvents(for: [customerID]) }
        /// As for orders: delete per customer, append the young events again.
        func purge(olderThan date: Date) async throws -> Int {
            let old = try await store.allEvents().filter { $0.occurredAt < date }
            let customers = Array(Set(old.map(\.customerID))).sorted()
            guard !customers.isEmpty else { return 0 }
            let kept = try await store.events(for: customers, in: nil).filter { $0.occurredAt >= date }
            _ = try await store.deleteEvents(for: customers)
            if !kept.isEmpty { try await store.append(kept) }
            return old.count
        }
    }

    struct Consents: PersonalDataStore {
        let name: String
        let store: any ConsentStore
        var category: DataCategory { "consent" }
        func exportJSON(for customerID: CustomerID) async throws -> String {
            try ExportEncoding.json(try await store.history(for: [customerID]))
        }
        func erase(_ customerID: CustomerID) async throws -> Int { try await store.deleteRecords(for: [customerID]) }
    }

    struct Contacts: PersonalDataStore {
        let name: String
        let store: any ContactHistoryStore
        var category: DataCategory { .contactHistory }
        func exportJSON(for customerID: CustomerID) async throws -> String {
            try ExportEncoding.json(try await store.contacts(for: [customerID], since: nil))
        }
        func erase(_ customerID: CustomerID) async throws -> Int { try await store.deleteContacts(for: [customerID]) }
        func purge(olderThan date: Date) async throws -> Int { try await store.deleteContacts(sentBefore: date) }
    }
}
