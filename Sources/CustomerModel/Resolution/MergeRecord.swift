#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Identifies one merge in a ``MergeHistory`` (`merge-1`, `merge-2`, … in order).
public struct MergeID: StringIdentifier {
    /// The id text.
    public let rawValue: String
    /// Wraps an id.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// An identity key that two or more members of a merged group share.
public struct MatchedKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The shared, normalised key.
    public var key: IdentityKey
    /// The members that carry it, sorted.
    public var customerIDs: [CustomerID]

    /// Creates a matched key.
    public init(key: IdentityKey, customerIDs: [CustomerID]) {
        self.key = key
        self.customerIDs = customerIDs
    }

    /// `email ann@example.com (c1, c2)`.
    public var description: String {
        "\(key) (\(customerIDs.map(\.rawValue).joined(separator: ", ")))"
    }
}

/// One merge: which customers merged into which, on which keys, which value of every
/// attribute won and why, and the profiles as they were before, so it can be undone.
public struct MergeRecord: Hashable, Sendable, Codable, Identifiable {
    /// The merge.
    public var id: MergeID
    /// The customer id that survives.
    public var survivorID: CustomerID
    /// The other customer ids, merged into the survivor, sorted.
    public var mergedIDs: [CustomerID]
    /// The keys that linked the group, sorted by key.
    public var matchedKeys: [MatchedKey]
    /// Why the survivor was chosen.
    public var survivorReason: String
    /// One decision per attribute of the merged profile, sorted by field.
    public var decisions: [AttributeDecision]
    /// The profiles exactly as they were before the merge, sorted by id.
    public var priorProfiles: [CustomerProfile]
    /// The merged profile as the merge produced it.
    public var result: CustomerProfile
    /// When the merge happened.
    public var mergedAt: Date
    /// When the merge was undone, if it was.
    public var undoneAt: Date?

    /// Creates a record.
    public init(
        id: MergeID, survivorID: CustomerID, mergedIDs: [CustomerID], matchedKeys: [MatchedKey],
        survivorReason: String, decisions: [AttributeDecision], priorProfiles: [CustomerProfile],
        result: CustomerProfile, mergedAt: Date, undoneAt: Date? = nil
    ) {
        self.id = id
        self.survivorID = survivorID
        self.mergedIDs = mergedIDs
        self.matchedKeys = matchedKeys
        self.survivorReason = survivorReason
        self.decisions = decisions
        self.priorProfiles = priorProfiles
        self.result = result
        self.mergedAt = mergedAt
        self.undoneAt = undoneAt
    }

    /// Every customer id in the group (survivor and merged), sorted.
    public var memberIDs: [CustomerID] { ([survivorID] + mergedIDs).sorted() }

    /// Whether the merge is still in effect.
    public var isActive: Bool { undoneAt == nil }

    /// The decision for `field`, if the merged profile has it.
    public func decision(for field: ProfileField) -> AttributeDecision? {
        decisions.first { $0.field == field }
    }
}
