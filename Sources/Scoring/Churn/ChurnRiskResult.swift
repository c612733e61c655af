import CustomerModel

/// Why a customer is flagged as a churn warning (empty: not flagged).
public struct ChurnWarning: OptionSet, Hashable, Sendable {
    /// The raw bits.
    public let rawValue: UInt8
    /// Creates a set from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// P(alive) below the threshold and activity falling.
    public static let inactiveAndFalling = ChurnWarning(rawValue: 1 << 0)
    /// No order for more than the gap multiple of the customer's typical inter-purchase gap.
    public static let overdue = ChurnWarning(rawValue: 1 << 1)
}

/// Churn risk columns, one entry per snapshot customer index (see ``ChurnRiskAnalysis``).
public struct ChurnRiskResult: Sendable, Hashable {
    /// The as-of day.
    public let asOf: CalendarDay
    /// The window length in days.
    public let windowDays: Int
    /// Orders in the recent window.
    public internal(set) var recentOrders: [Int32]
    /// Orders in the previous window.
    public internal(set) var previousOrders: [Int32]
    /// The activity trend in [−1, 1].
    public internal(set) var trend: [Double]
    /// The P(alive) given.
    public internal(set) var probabilityAlive: [Double]
    /// The churn risk in [0, 1].
    public internal(set) var risk: [Double]
    /// The warning reasons (empty when not flagged).
    public internal(set) var warnings: [ChurnWarning]

    init(asOf: CalendarDay, windowDays: Int, count: Int) {
        self.asOf = asOf
        self.windowDays = windowDays
        recentOrders = [Int32](repeating: 0, count: count)
        previousOrders = recentOrders
        trend = [Double](repeating: 0, count: count)
        probabilityAlive = trend
        risk = trend
        warnings = [ChurnWarning](repeating: [], count: count)
    }

    /// The number of customers.
    public var count: Int { risk.count }

    /// Whether customer `index` is flagged.
    /// - Complexity: O(1).
    public func isWarning(_ index: Int) -> Bool { !warnings[index].isEmpty }

    /// The customer indices flagged, ascending.
    /// - Complexity: O(customers).
    public var flaggedCustomers: [Int] { (0..<count).filter { isWarning($0) } }
}
