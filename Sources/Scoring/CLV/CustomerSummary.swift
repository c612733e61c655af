/// Per-customer repeat-purchase summaries, the input of the CLV models, as columns.
///
/// For customer `i`:
/// - `frequency[i]` (x): repeat purchase periods, the number of distinct purchase days
///   (periods) in the calibration window minus one;
/// - `recency[i]` (tₓ): from the first to the last purchase;
/// - `age[i]` (T): from the first purchase to the end of calibration;
/// - `monetaryValue[i]`: the mean spend of the repeat purchase periods (0 when x = 0), as
///   lifetimes defines it;
/// - `holdoutFrequency[i]`: purchase periods in the holdout window, when there is one.
///
/// Times are in ``unit`` (a week is 7 days, not rounded). Build one from a snapshot
/// (``init(snapshot:calibrationEnd:holdoutEnd:unit:)``), from summary CSV bytes
/// (``parse(csv:unit:)``) or from columns (``init(customerIDs:frequency:recency:age:monetaryValue:unit:)``).
public struct CustomerSummary: Sendable, Hashable {
    /// The unit of `recency`, `age` and horizons.
    public enum TimeUnit: String, Sendable, Hashable, Codable, CaseIterable {
        /// Days.
        case day
        /// Weeks of exactly 7 days.
        case week

        /// Days in one unit.
        public var days: Double { self == .day ? 1 : 7 }
    }

    /// The time unit.
    public let unit: TimeUnit
    /// Customer ids, one per row.
    public let customerIDs: [String]
    /// Repeat purchase periods x (whole numbers).
    public let frequency: [Double]
    /// Time from first to last purchase, tₓ.
    public let recency: [Double]
    /// Time from first purchase to the end of calibration, T.
    public let age: [Double]
    /// Mean spend per repeat purchase period, when known.
    public let monetaryValue: [Double]?
    /// Purchase periods in the holdout window, when the summary has one.
    public let holdoutFrequency: [Double]?
    /// The length of the holdout window, when the summary has one.
    public let holdoutDuration: Double?

    /// Number of customers.
    public var count: Int { customerIDs.count }

    /// Creates a summary from columns, validating every row.
    ///
    /// - Throws: ``ScoringError`` `.invalidParameter` when the columns differ in length or
    ///   a row is invalid: x not a non-negative whole number, tₓ or T negative or not
    ///   finite, tₓ > T, x = 0 with tₓ > 0, or a negative or non-finite monetary value.
    /// - Complexity: O(n).
    public init(
        customerIDs: [String], frequency: [Double], recency: [Double], age: [Double],
        monetaryValue: [Double]? = nil, holdoutFrequency: [Double]? = nil, holdoutDuration: Double? = nil,
        unit: TimeUnit
    ) throws(ScoringError) {
        let n = customerIDs.count
        guard frequency.count == n, recency.count == n, age.count == n,
              monetaryValue.map({ $0.count == n }) ?? true, holdoutFrequency.map({ $0.count == n }) ?? true
        else {
            throw ScoringError(.invalidParameter, "the summary columns have different lengths")
        }
        for i in 0..<n {
            if let reason = Self.problem(
                frequency: frequency[i], recency: recency[i], age: age[i], monetary: monetaryValue?[i])
            {
                throw ScoringError(.invalidParameter, "customer \(customerIDs[i]): \(reason)")
            }
        }
        if let holdoutDuration, !(holdoutDuration.isFinite && holdoutDuration >= 0) {
            throw ScoringError(.invalidParameter, "the holdout duration \(holdoutDuration) is not a non-negative number")
        }
        self.init(
            unchecked: customerIDs, frequency: frequency, recency: recency, age: age, monetaryValue: monetaryValue,
            holdoutFrequency: holdoutFrequency, holdoutDuration: holdoutDuration, unit: unit)
    }

    init(
        unchecked customerIDs: [String], frequency: [Double], recency: [Double], age: [Double],
        monetaryValue: [Double]?, holdoutFrequency: [Double]?, holdoutDuration: Double?, unit: TimeUnit
    ) {
        self.customerIDs = customerIDs
        self.frequency = frequency
        self.recency = recency
        self.age = age
        self.monetaryValue = monetaryValue
        self.holdoutFrequency = holdoutFrequency
        self.holdoutDuration = holdoutDuration
        self.unit = unit
    }

    /// Why a row is invalid, or nil when it is valid.
    static func problem(frequency x: Double, recency tx: Double, age t: Double, monetary: Double?) -> String? {
        guard x.isFinite, x >= 0, x == x.rounded(.towardZero) else {
            return "frequency \(x) is not a non-negative whole number"
        }
        guard tx.isFinite, tx >= 0 else { return "recency \(tx) is not a non-negative number" }
        guard t.isFinite, t >= 0 else { return "T \(t) is not a non-negative number" }
        guard tx <= t else { return "recency \(tx) is after T \(t)" }
        guard x > 0 || tx == 0 else { return "recency \(tx) is positive but there is no repeat purchase" }
        if let m = monetary, !(m.isFinite && m >= 0) { return "monetary value \(m) is not a non-negative number" }
        return nil
    }

    /// The rows with at least one repeat purchase (what Gamma-Gamma is fitted on).
    /// - Complexity: O(n).
    public func repeatBuyers() -> CustomerSummary {
        let keep = (0..<count).filter { frequency[$0] > 0 }
        return CustomerSummary(
            unchecked: keep.map { customerIDs[$0] }, frequency: keep.map { frequency[$0] },
            recency: keep.map { recency[$0] }, age: keep.map { age[$0] },
            monetaryValue: monetaryValue.map { m in keep.map { m[$0] } },
            holdoutFrequency: holdoutFrequency.map { h in keep.map { h[$0] } },
            holdoutDuration: holdoutDuration, unit: unit)
    }
}
