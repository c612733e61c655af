import CustomerModel

/// Churn risk per customer from P(alive) and the trend of activity, with a warning flag.
///
/// With W = ``windowDays`` and as-of day t, for each customer:
/// - orders in the recent window `[t − W, t)` (r) and the previous window `[t − 2W, t − W)` (q);
/// - order trend `(r − q) / (r + q)` in [−1, 1] (0 when both are 0); with interaction
///   counts, the trend is the mean of the order trend and the same ratio of interactions;
/// - decline `d = max(0, −trend)`;
/// - risk `= 1 − P(alive) · (1 − trendWeight · d)`, in [0, 1]: 0 for a surely active customer
///   whose activity is not falling, 1 for a customer surely gone.
///
/// The warning flag (``ChurnWarning``) is set by either rule:
/// - ``ChurnWarning/inactiveAndFalling``: P(alive) < ``aliveThreshold`` and trend < 0;
/// - ``ChurnWarning/overdue``: the customer has at least 2 orders before t and the days
///   since the last one exceed ``gapMultiplier`` × the typical gap, the mean
///   inter-purchase gap `(last − first) / (orders − 1)` (only when that gap is positive).
///
/// Every snapshot customer has a row (index-aligned); orders on or after t are ignored.
public struct ChurnRiskAnalysis: Sendable, Hashable {
    /// The length W of each activity window in days (default 90).
    public var windowDays: Int
    /// How much a falling trend adds to the risk, in [0, 1] (default 0.5).
    public var trendWeight: Double
    /// P(alive) below this, with a falling trend, raises a warning (default 0.5).
    public var aliveThreshold: Double
    /// Days since the last order above this multiple of the typical gap raise a warning (default 2).
    public var gapMultiplier: Double

    /// Creates an analysis.
    public init(windowDays: Int = 90, trendWeight: Double = 0.5, aliveThreshold: Double = 0.5, gapMultiplier: Double = 2) {
        self.windowDays = windowDays
        self.trendWeight = trendWeight
        self.aliveThreshold = aliveThreshold
        self.gapMultiplier = gapMultiplier
    }

    /// Scores every customer of `snapshot` as of `asOf`.
    /// - Parameters:
    ///   - probabilityAlive: P(alive) per snapshot customer index (for example from a fitted
    ///     ``RepeatPurchaseModel``; see ``alignedColumn(_:customerIDs:snapshot:missing:)``).
    ///   - interactions: optional interaction counts per customer in the two windows.
    /// - Throws: ``ScoringError`` `.invalidParameter` for a window < 1, a weight or threshold
    ///   outside [0, 1], a gap multiplier ≤ 0, or columns of the wrong length;
    ///   `.nonFiniteInput` for a P(alive) that is NaN or outside [0, 1], or a negative count.
    /// - Complexity: O(orders + customers).
    public func run(
        on snapshot: CustomerSnapshot, asOf: CalendarDay, probabilityAlive: [Double],
        interactions: ChurnInteractionCounts? = nil
    ) throws(ScoringError) -> ChurnRiskResult {
        try validate()
        let n = snapshot.customerCount
        guard probabilityAlive.count == n else {
            throw ScoringError(.invalidParameter, "\(probabilityAlive.count) P(alive) values for \(n) customers")
        }
        if let bad = probabilityAlive.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
            throw ScoringError(
                .nonFiniteInput, "P(alive) of customer \(snapshot.customerID(at: bad)) is \(probabilityAlive[bad]), not in [0, 1]")
        }
        if let interactions { try interactions.validate(count: n) }
        let t = Int64(asOf.dayNumber), w = Int64(windowDays)
        var result = ChurnRiskResult(asOf: asOf, windowDays: windowDays, count: n)
        for c in 0..<n {
            var recent: Int32 = 0, previous: Int32 = 0, orders = 0
            var first = Int64.max, last = Int64.min
            for o in snapshot.orders(ofCustomer: c) {
                let day = Int64(snapshot.orderDays[o])
                guard day < t else { break }
                orders += 1
                first = min(first, day)
                last = max(last, day)
                if day >= t - w { recent += 1 } else if day >= t - 2 * w { previous += 1 }
            }
            var trend = Self.trend(recent: Int(recent), previous: Int(previous))
            if let interactions {
                trend = (trend + Self.trend(recent: interactions.recent[c], previous: interactions.previous[c])) / 2
            }
            let decline = max(0, -trend)
            let alive = probabilityAlive[c]
            var warning: ChurnWarning = []
            if alive < aliveThreshold, trend < 0 { warning.insert(.inactiveAndFalling) }
            if orders >= 2 {
                let gap = Double(last - first) / Double(orders - 1)
                if gap > 0, Double(t - last) > gapMultiplier * gap { warning.insert(.overdue) }
            }
            result.recentOrders[c] = recent
            result.previousOrders[c] = previous
            result.trend[c] = trend
            result.probabilityAlive[c] = alive
            result.risk[c] = 1 - alive * (1 - trendWeight * decline)
            result.warnings[c] = warning
        }
        return result
    }

    /// `(r − q) / (r + q)`, 0 when both are 0.
    static func trend(recent: Int, previous: Int) -> Double {
        recent + previous == 0 ? 0 : Double(recent - previous) / Double(recent + previous)
    }

    func validate() throws(ScoringError) {
        guard windowDays >= 1, trendWeight >= 0, trendWeight <= 1, aliveThreshold >= 0, aliveThreshold <= 1,
              gapMultiplier.isFinite, gapMultiplier > 0
        else {
            throw ScoringError(
                .invalidParameter,
                "churn needs windowDays ≥ 1, trendWeight and aliveThreshold in [0, 1], gapMultiplier > 0 "
                    + "(got \(windowDays), \(trendWeight), \(aliveThreshold), \(gapMultiplier))")
        }
    }

    /// Reorders a column given per customer id (such as ``CustomerSummary``'s
    /// ``RepeatPurchaseModel/probabilityAlive(_:)`` output, in `summary.customerIDs` order) into
    /// snapshot customer-index order; customers without a value get `missing`.
    /// - Throws: ``ScoringError`` `.invalidParameter` when the lengths differ.
    /// - Complexity: O(customers + values).
    public static func alignedColumn(
        _ values: [Double], customerIDs: [String], snapshot: CustomerSnapshot, missing: Double = 0
    ) throws(ScoringError) -> [Double] {
        guard values.count == customerIDs.count else {
            throw ScoringError(.invalidParameter, "\(values.count) values for \(customerIDs.count) customer ids")
        }
        var byID: [String: Double] = [:]
        byID.reserveCapacity(values.count)
        for (id, value) in zip(customerIDs, values) { byID[id] = value }
        return (0..<snapshot.customerCount).map { byID[snapshot.customerID(at: $0).rawValue] ?? missing }
    }
}

/// Interaction counts per snapshot customer index in the recent and previous windows.
public struct ChurnInteractionCounts: Sendable, Hashable {
    /// Interactions in `[t − W, t)`.
    public var recent: [Int]
    /// Interactions in `[t − 2W, t − W)`.
    public var previous: [Int]

    /// Creates the counts.
    public init(recent: [Int], previous: [Int]) {
        self.recent = recent
        self.previous = previous
    }

    func validate(count: Int) throws(ScoringError) {
        guard recent.count == count, previous.count == count else {
            throw ScoringError(
                .invalidParameter, "interaction counts (\(recent.count), \(previous.count)) for \(count) customers")
        }
        if let bad = (0..<count).first(where: { recent[$0] < 0 || previous[$0] < 0 }) {
            throw ScoringError(.nonFiniteInput, "customer \(bad) has a negative interaction count")
        }
    }
}
