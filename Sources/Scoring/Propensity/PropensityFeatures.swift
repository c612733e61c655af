import CustomerModel

/// Purchase features per customer as of a day, for propensity models.
///
/// Only orders dated strictly before `asOf` count, and only customers with at least one
/// such order get a row. The columns, in ``featureNames`` order:
///
/// | column | definition |
/// |---|---|
/// | `recencyDays` | asOf − day of the last order (≥ 1) |
/// | `frequency` | number of orders |
/// | `monetary` | total spend in currency units (minor units / 10^digits) |
/// | `daysSinceFirstPurchase` | asOf − day of the first order (≥ recency) |
/// | `averageOrderValue` | monetary / frequency |
/// | `ordersInRecentWindow` | orders dated in [asOf − recentWindowDays, asOf) (default 90 days) |
///
/// Recency, frequency and monetary come from the same computation as ``RFMAnalysis``.
public struct PropensityFeatures: Sendable, Hashable {
    /// Column names of ``matrix``.
    public static let featureNames = [
        "recencyDays", "frequency", "monetary", "daysSinceFirstPurchase", "averageOrderValue", "ordersInRecentWindow",
    ]
    /// The as-of day (orders on or after it are not seen).
    public let asOf: CalendarDay
    /// The snapshot customer index of each row, ascending.
    public let customers: [Int32]
    /// One row per customer, columns as ``featureNames``.
    public let matrix: FeatureMatrix

    /// Derives the features of every customer with an order before `asOf`.
    /// - Parameter recentWindowDays: the window of `ordersInRecentWindow` (default 90, ≥ 1).
    /// - Throws: ``ScoringError`` `.invalidParameter` for a window < 1, `.overflow` for a
    ///   monetary sum that overflows, `.degenerateInput` when no customer has an order before `asOf`.
    /// - Complexity: O(orders + lines + customers).
    public static func derive(from snapshot: CustomerSnapshot, asOf: CalendarDay, recentWindowDays: Int = 90)
        throws(ScoringError) -> PropensityFeatures
    {
        guard recentWindowDays >= 1 else {
            throw ScoringError(.invalidParameter, "recentWindowDays must be ≥ 1, got \(recentWindowDays)")
        }
        let metrics = try RFMMetrics.compute(snapshot: snapshot, asOf: asOf)
        guard !metrics.customers.isEmpty else {
            throw ScoringError(.degenerateInput, "no customer has an order before \(asOf)")
        }
        var minorPerUnit = 1.0
        for _ in 0..<snapshot.currency.minorUnitDigits { minorPerUnit *= 10 }
        let cutoff = Int64(asOf.dayNumber)
        let windowStart = cutoff - Int64(recentWindowDays)
        let columns = featureNames.count
        var values = [Double](repeating: 0, count: metrics.customers.count * columns)
        for (row, customer) in metrics.customers.enumerated() {
            var first = Int64.max
            var recent = 0
            for o in snapshot.orders(ofCustomer: Int(customer)) {
                let day = Int64(snapshot.orderDays[o])
                guard day < cutoff else { continue }
                first = min(first, day)
                if day >= windowStart { recent += 1 }
            }
            let frequency = Double(metrics.frequency[row])
            let monetary = Double(metrics.monetary[row]) / minorPerUnit
            let base = row * columns
            values[base] = Double(metrics.recencyDays[row])
            values[base + 1] = frequency
            values[base + 2] = monetary
            values[base + 3] = Double(cutoff - first)
            values[base + 4] = monetary / frequency
            values[base + 5] = Double(recent)
        }
        let matrix = try FeatureMatrix(rowCount: metrics.customers.count, columnCount: columns, values: values)
        return PropensityFeatures(asOf: asOf, customers: metrics.customers, matrix: matrix)
    }

    /// Features as of `cutoff` with labels from the following `horizonDays` days.
    ///
    /// Features use orders before `cutoff` (see ``derive(from:asOf:recentWindowDays:)``);
    /// a row's label is true when the customer has an order dated in
    /// `[cutoff, cutoff + horizonDays)`. Customers whose first order is on or after `cutoff`
    /// have no row. The snapshot should extend to `cutoff + horizonDays − 1`, or late
    /// labels are missing (``PropensityDataset/horizonIsComplete`` says whether it does).
    /// - Throws: ``ScoringError`` `.invalidParameter` for horizonDays < 1, and as ``derive(from:asOf:recentWindowDays:)``.
    /// - Complexity: O(orders + lines + customers).
    public static func temporalSplit(
        _ snapshot: CustomerSnapshot, cutoff: CalendarDay, horizonDays: Int, recentWindowDays: Int = 90
    ) throws(ScoringError) -> PropensityDataset {
        guard horizonDays >= 1 else { throw ScoringError(.invalidParameter, "horizonDays must be ≥ 1, got \(horizonDays)") }
        let features = try derive(from: snapshot, asOf: cutoff, recentWindowDays: recentWindowDays)
        let start = Int64(cutoff.dayNumber)
        let end = start + Int64(horizonDays)
        var labels = [Bool](repeating: false, count: features.customers.count)
        for (row, customer) in features.customers.enumerated() {
            for o in snapshot.orders(ofCustomer: Int(customer)) {
                let day = Int64(snapshot.orderDays[o])
                if day >= start, day < end {
                    labels[row] = true
                    break
                }
            }
        }
        let lastDay = snapshot.dayRange.map { Int64($0.upperBound.dayNumber) } ?? Int64.min
        return PropensityDataset(
            features: features, labels: labels, horizonDays: horizonDays, horizonIsComplete: lastDay >= end - 1)
    }
}

/// Features as of a cut-off and the labels observed after it (see
/// ``PropensityFeatures/temporalSplit(_:cutoff:horizonDays:recentWindowDays:)``).
public struct PropensityDataset: Sendable, Hashable {
    /// Features as of the cut-off.
    public let features: PropensityFeatures
    /// Whether each row's customer ordered within the horizon.
    public let labels: [Bool]
    /// The horizon in days.
    public let horizonDays: Int
    /// Whether the snapshot's last order day reaches the end of the horizon.
    public let horizonIsComplete: Bool

    /// The cut-off day.
    public var cutoff: CalendarDay { features.asOf }
}
