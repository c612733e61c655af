/// Customers found to be the same person: their ids and the keys that linked them.
public struct IdentityGroup: Hashable, Sendable, Codable {
    /// The members, sorted.
    public var customerIDs: [CustomerID]
    /// The shared keys that linked them (each shared by at least two members), sorted.
    public var matchedKeys: [MatchedKey]

    /// Creates a group.
    public init(customerIDs: [CustomerID], matchedKeys: [MatchedKey]) {
        self.customerIDs = customerIDs
        self.matchedKeys = matchedKeys
    }
}

/// The outcome of resolving a set of profiles: one profile per person, and the merges.
public struct IdentityResolution: Hashable, Sendable, Codable {
    /// One profile per person, sorted by id: merged survivors and untouched profiles.
    public var profiles: [CustomerProfile]
    /// The merges made, in the order of their groups' smallest member id.
    public var merges: [MergeRecord]
    /// For every merged-away customer id, the id that survives.
    public var survivorByMergedID: [CustomerID: CustomerID]

    /// Creates a resolution.
    public init(profiles: [CustomerProfile], merges: [MergeRecord], survivorByMergedID: [CustomerID: CustomerID]) {
        self.profiles = profiles
        self.merges = merges
        self.survivorByMergedID = survivorByMergedID
    }

    /// The surviving id for `id` (itself when it was not merged away).
    public func survivor(of id: CustomerID) -> CustomerID { survivorByMergedID[id] ?? id }
}
