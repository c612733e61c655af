#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Privacy

/// The conformance suite every ``Privacy/SuppressionStore`` implementation must pass.
///
/// ```swift
/// try await SuppressionStoreConformance { InMemorySuppressionStore() }.run()
/// ```
public struct SuppressionStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any SuppressionStore

    /// Creates the suite with a factory of new, empty stores.
    public init(makeStore: @escaping @Sendable () async throws -> any SuppressionStore) {
        self.makeStore = makeStore
    }

    /// Runs every check.
    public func run() async throws {
        let c = ConformanceCheck(suite: "SuppressionStoreConformance", check: "addAndLookUp")
        let store = try await makeStore()
        try c.expect(try await store.allRecords().isEmpty, "a new store is not empty")
        func record(_ byte: UInt8, _ kind: Pseudonymizer.IdentifierKind) -> SuppressionRecord {
            SuppressionRecord(fingerprint: HashDigest(bytes: [UInt8](repeating: byte, count: 32)), kind: kind,
                              keyIdentifier: "HMAC-SHA-256:suite", erasedAt: ConformanceFixtures.epoch)
        }
        try await store.add([record(3, .email), record(1, .customerID), record(2, .phone)])
        try await store.add([record(1, .customerID)])
        let all = try await store.allRecords()
        try c.expect(all.count == 3, "adding a stored fingerprint again changed the count to \(all.count)")
        try c.expect(all.map(\.fingerprint.bytes[0]) == [1, 2, 3], "records are not sorted by fingerprint")
        try c.expect(all.contains(record(2, .phone)), "a record did not read back equal")
        let found = try await store.contained([record(2, .phone).fingerprint, record(9, .email).fingerprint])
        try c.expect(found == [record(2, .phone).fingerprint], "contained() returned \(found.count) fingerprints, expected only the stored one")
    }
}
