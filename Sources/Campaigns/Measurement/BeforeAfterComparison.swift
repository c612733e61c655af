/// The before/after table of SEEDS.md §7: for each metric the value before and after a
/// programme, the absolute growth, the change rate, and optionally the gap to a benchmark.
///
/// - absolute growth = after − before;
/// - change rate = (after − before) / before (nil when before is 0);
/// - for rates (conversion, response), the relative uplift is the change rate and the
///   absolute growth is in percentage points (both are given);
/// - versus benchmark = after − benchmark, and after / benchmark − 1.
public struct BeforeAfterComparison: Sendable, Hashable, Codable {
    /// One metric's row.
    public struct Row: Sendable, Hashable, Codable {
        /// The metric's name ("customers", "repeat purchase rate", …).
        public var metric: String
        /// True for a rate (a share between 0 and 1), so growth reads in percentage points.
        public var isRate: Bool
        /// The value before.
        public var before: Double
        /// The value after.
        public var after: Double
        /// A benchmark to compare the after value with, if any.
        public var benchmark: Double?

        /// Creates a row.
        public init(metric: String, isRate: Bool = false, before: Double, after: Double, benchmark: Double? = nil) {
            self.metric = metric
            self.isRate = isRate
            self.before = before
            self.after = after
            self.benchmark = benchmark
        }

        /// after − before (percentage points × 0.01 for rates).
        public var absoluteGrowth: Double { after - before }
        /// (after − before) / before; nil when before is 0.
        public var changeRate: Double? { before != 0 ? (after - before) / abs(before) : nil }
        /// after − benchmark.
        public var differenceFromBenchmark: Double? { benchmark.map { after - $0 } }
        /// after / benchmark − 1; nil without a benchmark or when it is 0.
        public var relativeToBenchmark: Double? { benchmark.flatMap { $0 != 0 ? after / $0 - 1 : nil } }
    }

    /// The rows, in the order given.
    public var rows: [Row]

    /// Creates a table.
    /// - Throws: ``CampaignError`` `.invalidParameter` for a non-finite value or a repeated metric.
    public init(rows: [Row]) throws(CampaignError) {
        var names: Set<String> = []
        for row in rows {
            guard names.insert(row.metric).inserted else {
                throw CampaignError(.invalidParameter, "metric '\(row.metric)' appears twice")
            }
            guard row.before.isFinite, row.after.isFinite, row.benchmark?.isFinite ?? true else {
                throw CampaignError(.invalidParameter, "metric '\(row.metric)' has a non-finite value")
            }
        }
        self.rows = rows
    }
}
