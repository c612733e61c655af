/// Bounds on a segment definition, so that one from an untrusted user can never exhaust the
/// stack, the memory or the time of the evaluator.
///
/// Every definition is checked against these before it is compiled; a definition beyond
/// them is rejected with ``SegmentDefinitionError`` `.tooDeep` or `.tooLarge`, never cut.
public struct SegmentLimits: Hashable, Sendable, Codable {
    /// The deepest nesting of conditions (and in JSON, of arrays and objects). Default 32.
    public var maximumDepth: Int
    /// The most clauses (nodes of the tree) in one definition once references to other
    /// segments are expanded. Default 10,000.
    public var maximumClauses: Int
    /// The most bytes of JSON text read. Default 1 MiB.
    public var maximumBytes: Int
    /// The longest window in days. Default 36,600 (about a hundred years).
    public var maximumWindowDays: Int
    /// The most values in one `in` list. Default 10,000.
    public var maximumListValues: Int

    /// Creates limits.
    public init(
        maximumDepth: Int = 32, maximumClauses: Int = 10_000, maximumBytes: Int = 1 << 20,
        maximumWindowDays: Int = 36_600, maximumListValues: Int = 10_000
    ) {
        self.maximumDepth = maximumDepth
        self.maximumClauses = maximumClauses
        self.maximumBytes = maximumBytes
        self.maximumWindowDays = maximumWindowDays
        self.maximumListValues = maximumListValues
    }

    /// The defaults.
    public static let standard = SegmentLimits()
}
