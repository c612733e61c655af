import CustomerModel

/// The simple baseline: what each customer has spent so far, and that spend rate carried
/// forward over a horizon (no dropout, no discounting).
public struct HistoricalLifetimeValue: Sendable, Hashable {
    /// Customer ids (customers with an order on or before the as-of day, in snapshot order).
    public let customerIDs: [String]
    /// Total spend on or before the as-of day, in currency units.
    public let totalSpend: [Double]
    /// Spend per unit of time since the first order (the age counts as at least one unit).
    public let spendRate: [Double]
    /// The unit of ``spendRate``.
    public let unit: CustomerSummary.TimeUnit

    /// Computes the baseline from a snapshot.
    /// - Throws: ``ScoringError`` `.degenerateInput` when no customer has an order by `asOf`.
    /// - Complexity: O(orders + lines).
    public init(snapshot: CustomerSnapshot, asOf: CalendarDay, unit: CustomerSummary.TimeUnit) throws(ScoringError) {
        var ids: [String] = [], totals: [Double] = [], rates: [Double] = []
        var scale = 1.0
        for _ in 0..<snapshot.currency.minorUnitDigits { scale *= 10 }
        for c in 0..<snapshot.customerCount {
            let orders = snapshot.orders(ofCustomer: c)
            guard let first = orders.first, snapshot.orderDays[first] <= asOf.dayNumber else { continue }
            var total = 0.0
            for o in orders where snapshot.orderDays[o] <= asOf.dayNumber {
                for l in snapshot.lines(ofOrder: o) { total += Double(snapshot.lineAmounts[l]) }
            }
            total /= scale
            let age = Double(asOf.dayNumber - snapshot.orderDays[first]) / unit.days
            ids.append(snapshot.customerID(at: c).rawValue)
            totals.append(total)
            rates.append(total / max(age, 1))
        }
        guard !ids.isEmpty else { throw ScoringError(.degenerateInput, "no customer has an order on or before \(asOf)") }
        customerIDs = ids
        totalSpend = totals
        spendRate = rates
        self.unit = unit
    }

    /// Spend so far plus the spend rate times `horizon` (in ``unit``), per customer.
    /// - Complexity: O(n).
    public func projectedValue(horizon: Double) -> [Double] {
        zip(totalSpend, spendRate).map { $0 + $1 * max(horizon, 0) }
    }
}
