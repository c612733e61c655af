/// Campaign results broken down by a dimension: region, country, customer, product,
/// salesperson, postcode, channel, variant: whatever key the caller derives per record.
///
/// Each group gets reached, responded and converted counts, revenue and cost, and the rates
/// of ``CampaignMetrics``. Groups come out sorted by key, so reports are stable.
public struct ResultBreakdown: Sendable, Hashable, Codable {
    /// One contacted customer's outcome, with the key of the group it belongs to.
    public struct Record: Sendable, Hashable, Codable {
        /// The group (a region, a salesperson id, a postcode, …).
        public var key: String
        /// Whether they responded.
        public var responded: Bool
        /// Whether they converted.
        public var converted: Bool
        /// Attributed revenue.
        public var revenue: Double
        /// Contact cost.
        public var cost: Double

        /// Creates a record.
        public init(key: String, responded: Bool, converted: Bool, revenue: Double, cost: Double) {
            self.key = key
            self.responded = responded
            self.converted = converted
            self.revenue = revenue
            self.cost = cost
        }
    }

    /// A group's totals and rates.
    public struct Group: Sendable, Hashable, Codable {
        /// The group's key.
        public var key: String
        /// Its metrics (targeted = reached = records in the group).
        public var metrics: CampaignMetrics
    }

    /// The groups, by key.
    public let groups: [Group]

    /// Groups `records` by key.
    /// - Throws: ``CampaignError`` `.invalidParameter` for a non-finite revenue or a negative or non-finite cost.
    /// - Complexity: O(n log groups).
    public init(_ records: [Record]) throws(CampaignError) {
        var totals: [String: (reached: Int, responded: Int, converted: Int, revenue: Double, cost: Double)] = [:]
        for record in records {
            guard record.revenue.isFinite, record.cost.isFinite, record.cost >= 0 else {
                throw CampaignError(.invalidParameter, "group \(record.key): revenue \(record.revenue) or cost \(record.cost) is invalid")
            }
            var t = totals[record.key] ?? (0, 0, 0, 0, 0)
            t.reached += 1
            if record.responded { t.responded += 1 }
            if record.converted { t.converted += 1 }
            t.revenue += record.revenue
            t.cost += record.cost
            totals[record.key] = t
        }
        var groups: [Group] = []
        for key in totals.keys.sorted() {
            guard let t = totals[key] else { continue }
            groups.append(Group(key: key, metrics: try CampaignMetrics(
                targeted: t.reached, reached: t.reached, responded: t.responded, converted: t.converted,
                revenue: t.revenue, cost: t.cost)))
        }
        self.groups = groups
    }
}
