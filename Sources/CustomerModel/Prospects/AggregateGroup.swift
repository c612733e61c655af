/// A group of customers that share something: the aggregate-group database of SEEDS.md §2.
public struct AggregateGroup: Hashable, Sendable, Codable, Identifiable {
    /// What holds an aggregate group together.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Shared interests or affinities (a hobby club, fans of a brand).
        case affinity
        /// A shared geographic preference (a region, a city district).
        case geographicPreference
        /// A shared lifestyle (young parents, outdoor enthusiasts).
        case lifestyle
        /// Business buyers (companies and their purchasers).
        case businessBuyers
    }

    /// The group.
    public var id: GroupID
    /// What kind of group it is.
    public var kind: Kind
    /// A name for people.
    public var name: String
    /// The members.
    public var members: Set<CustomerID>
    /// How members are chosen, as text for people (the rule, not an executable predicate).
    public var criteria: String

    /// Creates a group.
    public init(id: GroupID, kind: Kind, name: String, members: Set<CustomerID> = [], criteria: String = "") {
        self.id = id
        self.kind = kind
        self.name = name
        self.members = members
        self.criteria = criteria
    }

    /// True when `customer` is a member.
    public func contains(_ customer: CustomerID) -> Bool { members.contains(customer) }

    /// Adds members; returns how many were new.
    /// - Complexity: O(k) for k customers.
    @discardableResult
    public mutating func add(_ customers: some Sequence<CustomerID>) -> Int {
        var added = 0
        for customer in customers where members.insert(customer).inserted { added += 1 }
        return added
    }

    /// Removes members; returns how many were members.
    /// - Complexity: O(k) for k customers.
    @discardableResult
    public mutating func remove(_ customers: some Sequence<CustomerID>) -> Int {
        var removed = 0
        for customer in customers where members.remove(customer) != nil { removed += 1 }
        return removed
    }
}
