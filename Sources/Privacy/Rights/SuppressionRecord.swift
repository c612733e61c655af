#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Synchronization

/// What remains of an erased person: keyed fingerprints of their identifiers, enough to
/// recognise them if they are imported or targeted again, never enough to identify them
/// (GDPR Art. 17 with Art. 21(3): an objection to marketing must keep working after erasure).
public struct SuppressionRecord: Hashable, Sendable, Codable {
    /// Keyed fingerprint (``Pseudonymizer/fingerprint(_:as:)``) of an identifier.
    public var fingerprint: HashDigest
    /// Which kind of identifier it fingerprints.
    public var kind: Pseudonymizer.IdentifierKind
    /// The keyed hash's identifier, so fingerprints from a rotated key can be told apart.
    public var keyIdentifier: String
    /// When the person was erased.
    public var erasedAt: Date

    public init(fingerprint: HashDigest, kind: Pseudonymizer.IdentifierKind, keyIdentifier: String, erasedAt: Date) {
        self.fingerprint = fingerprint
        self.kind = kind
        self.keyIdentifier = keyIdentifier
        self.erasedAt = erasedAt
    }
}

/// Stores suppression records. ``InMemorySuppressionStore`` is the in-memory implementation.
public protocol SuppressionStore: Sendable {
    /// Adds records; a fingerprint already stored is kept once.
    func add(_ records: [SuppressionRecord]) async throws
    /// The fingerprints among `fingerprints` that are stored.
    func contained(_ fingerprints: [HashDigest]) async throws -> Set<HashDigest>
    /// Every record, by fingerprint.
    func allRecords() async throws -> [SuppressionRecord]
}

/// A ``SuppressionStore`` in memory, guarded by a `Mutex`.
public final class InMemorySuppressionStore: SuppressionStore {
    private let records = Mutex<[HashDigest: SuppressionRecord]>([:])
    public init() {}
    public func add(_ batch: [SuppressionRecord]) async throws {
        records.withLock { records in
            for record in batch where records[record.fingerprint] == nil { records[record.fingerprint] = record }
        }
    }
    public func contained(_ fingerprints: [HashDigest]) async throws -> Set<HashDigest> {
        records.withLock { records in Set(fingerprints.filter { records[$0] != nil }) }
    }
    public func allRecords() async throws -> [SuppressionRecord] {
        records.withLock { $0.values.sorted { $0.fingerprint.hex < $1.fingerprint.hex } }
    }
}

/// Checks people against the suppression records: before an import and before a contact.
public struct SuppressionList: Sendable {
    public let store: any SuppressionStore
    public let pseudonymizer: Pseudonymizer

    public init(store: any SuppressionStore, pseudonymizer: Pseudonymizer) {
        self.store = store
        self.pseudonymizer = pseudonymizer
    }

    /// The records that erase a profile: fingerprints of its id, email and phone.
    public func records(for profile: CustomerProfile?, customerID: CustomerID, erasedAt: Date) -> [SuppressionRecord] {
        var identifiers: [(String, Pseudonymizer.IdentifierKind)] = [(customerID.rawValue, .customerID)]
        if let email = profile?.email { identifiers.append((email, .email)) }
        if let phone = profile?.phone { identifiers.append((phone, .phone)) }
        return identifiers.compactMap { raw, kind in
            pseudonymizer.fingerprint(raw, as: kind).map {
                SuppressionRecord(fingerprint: $0, kind: kind, keyIdentifier: pseudonymizer.keyedHash.identifier, erasedAt: erasedAt)
            }
        }
    }

    /// True when the customer id, or the profile's email or phone, belongs to an erased person.
    public func isSuppressed(customerID: CustomerID, email: String? = nil, phone: String? = nil) async throws -> Bool {
        var fingerprints: [HashDigest] = []
        if let id = pseudonymizer.fingerprint(customerID.rawValue, as: .customerID) { fingerprints.append(id) }
        if let email, let digest = pseudonymizer.fingerprint(email, as: .email) { fingerprints.append(digest) }
        if let phone, let digest = pseudonymizer.fingerprint(phone, as: .phone) { fingerprints.append(digest) }
        return !(try await store.contained(fingerprints)).isEmpty
    }

    /// True when the profile (by id, email or phone) belongs to an erased person.
    public func isSuppressed(_ profile: CustomerProfile) async throws -> Bool {
        try await isSuppressed(customerID: profile.id, email: profile.email, phone: profile.phone)
    }

    /// Splits profiles about to be imported into those that may be imported and those of
    /// erased people, which must not be (re-import blocked).
    public func screenImport(_ profiles: [CustomerProfile]) async throws -> (accepted: [CustomerProfile], blocked: [CustomerProfile]) {
        let blocked = try await suppressedIndices(profiles.map { ($0.id, $0.email, $0.phone) })
        guard !blocked.isEmpty else { return (profiles, []) }
        return (
            profiles.indices.filter { !blocked.contains($0) }.map { profiles[$0] },
            profiles.indices.filter { blocked.contains($0) }.map { profiles[$0] }
        )
    }

    /// The customers among `ids` that were erased: fingerprints on all cores, one store read.
    /// - Complexity: O(n) keyed hashes, in parallel.
    public func suppressedCustomers(_ ids: [CustomerID]) async throws -> Set<CustomerID> {
        let blocked = try await suppressedIndices(ids.map { ($0, nil, nil) })
        return Set(blocked.map { ids[$0] })
    }

    /// The positions of the identities (id, email, phone) that belong to erased people.
    func suppressedIndices(_ identities: [(id: CustomerID, email: String?, phone: String?)]) async throws -> Set<Int> {
        guard !identities.isEmpty else { return [] }
        let pieces = identities.count < 4_096 ? 1 : 32
        let parts: [[(HashDigest, Int)]] = ParallelLoop.map(pieces) { piece in
            var out: [(HashDigest, Int)] = []
            for k in (identities.count * piece / pieces)..<(identities.count * (piece + 1) / pieces) {
                let (id, email, phone) = identities[k]
                if let digest = pseudonymizer.fingerprint(id.rawValue, as: .customerID) { out.append((digest, k)) }
                if let email, let digest = pseudonymizer.fingerprint(email, as: .email) { out.append((digest, k)) }
                if let phone, let digest = pseudonymizer.fingerprint(phone, as: .phone) { out.append((digest, k)) }
            }
            return out
        }
        let pairs = parts.flatMap { $0 }
        let found = try await store.contained(pairs.map(\.0))
        guard !found.isEmpty else { return [] }
        return Set(pairs.filter { found.contains($0.0) }.map(\.1))
    }
}
