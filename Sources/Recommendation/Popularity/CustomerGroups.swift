import CustomerModel

/// A grouping of a snapshot's customers (regions, segments) into named groups, as dense
/// indices: group names in byte order of their text, and each customer's group or -1.
///
/// ```swift
/// let regions = CustomerGroups(snapshot: snapshot, profiles: profiles, field: .region)
/// let segments = CustomerGroups(snapshot: snapshot, labels: membership)   // customer → segment
/// ```
public struct CustomerGroups: Sendable, Hashable {
    /// The group names; a group index is a position here.
    public let names: [String]
    /// The group of each snapshot customer, -1 for a customer in no group.
    public let groupOfCustomer: [Int32]

    /// Groups from one label per customer id; customers not in `labels` (or with an empty
    /// label) are in no group, labels of ids not in the snapshot are ignored.
    /// - Complexity: O(customers + labels log labels).
    public init(snapshot: CustomerSnapshot, labels: [CustomerID: String]) {
        let used = Set(labels.values.filter { !$0.isEmpty })
        let names = used.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var index: [String: Int32] = [:]
        for (k, name) in names.enumerated() { index[name] = Int32(k) }
        var groups = [Int32](repeating: -1, count: snapshot.customerCount)
        if !labels.isEmpty {
            for c in 0..<snapshot.customerCount {
                if let label = labels[snapshot.customerID(at: c)], let g = index[label] { groups[c] = g }
            }
        }
        self.names = names
        self.groupOfCustomer = groups
    }

    /// Groups from a profile attribute (by default the region): a customer's group is the
    /// attribute's text; customers without a profile or without the attribute are in no group.
    public init(snapshot: CustomerSnapshot, profiles: [CustomerProfile], field: ProfileField = .region) {
        var labels: [CustomerID: String] = [:]
        for profile in profiles {
            if let value = profile[field], !value.isEmpty { labels[profile.id] = value.description }
        }
        self.init(snapshot: snapshot, labels: labels)
    }

    /// Groups from segment membership lists. A customer listed in several segments goes to
    /// the first of them in name order (segments are expected to be exclusive).
    public init(snapshot: CustomerSnapshot, members: [String: [CustomerID]]) {
        var labels: [CustomerID: String] = [:]
        for name in members.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            for id in members[name] ?? [] where labels[id] == nil { labels[id] = name }
        }
        self.init(snapshot: snapshot, labels: labels)
    }

    /// Number of groups.
    public var count: Int { names.count }

    /// The group numbers ``PopularityRecommender`` takes: customers in no group get the extra
    /// group `count`, whose ranking is not used.
    var popularityGroups: [Int32] { groupOfCustomer.map { $0 < 0 ? Int32(names.count) : $0 } }
}

/// Popularity within each group of a ``CustomerGroups`` (per region, per segment).
public struct GroupPopularity: Sendable {
    /// The grouping.
    public let groups: CustomerGroups
    /// The rankings, one per group (plus one for the customers in no group, not used).
    public let popularity: PopularityRecommender

    /// Ranks the items of `matrix` within each group.
    /// - Throws: ``RecommendationError`` `.invalidParameter` when the grouping does not have one
    ///   entry per customer of `matrix`.
    public init(matrix: PurchaseMatrix, groups: CustomerGroups) throws(RecommendationError) {
        guard groups.groupOfCustomer.count == matrix.customerCount else {
            throw RecommendationError(.invalidParameter, "the grouping has \(groups.groupOfCustomer.count) customers, the matrix \(matrix.customerCount)")
        }
        self.groups = groups
        self.popularity = try PopularityRecommender(matrix: matrix, groups: groups.popularityGroups)
    }

    /// The group of customer `index`, or nil when it is in none.
    public func group(ofCustomer index: Int) -> Int? {
        let g = groups.groupOfCustomer[index]
        return g < 0 ? nil : Int(g)
    }

    /// The `count` most popular items of customer `index`'s group that it has not bought, with
    /// the share of the group's buyers; empty for a customer in no group.
    /// - Throws: ``RecommendationError`` `.unknownIndex` for a customer not in the matrix.
    public func recommend(forCustomer index: Int, count: Int = 10) throws(RecommendationError) -> [ScoredItem] {
        guard index >= 0, index < groups.groupOfCustomer.count else {
            throw RecommendationError(.unknownIndex, "customer \(index) is not in 0..<\(groups.groupOfCustomer.count)")
        }
        guard group(ofCustomer: index) != nil else { return [] }
        return try popularity.recommend(forCustomer: index, count: count)
    }
}
