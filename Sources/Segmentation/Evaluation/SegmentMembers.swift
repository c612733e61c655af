import CustomerModel

/// The members of a segment in a population, as ascending customer indices.
public struct SegmentMembers: Sendable, Hashable {
    /// The segment's id.
    public let segmentID: String
    /// The as-of day of the evaluation.
    public let asOf: CalendarDay
    /// Customer indices of the members, ascending.
    public let customers: [Int32]
    /// The population's size.
    public let populationCount: Int

    /// Number of members.
    public var count: Int { customers.count }

    /// The share of the population in the segment (0 for an empty population).
    public var share: Double { populationCount == 0 ? 0 : Double(count) / Double(populationCount) }
}
