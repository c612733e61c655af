import CustomerModel

/// Repeat purchasing in a period, from the snapshot's orders.
///
/// For the orders dated in `period` (`lowerBound` inclusive, `upperBound` exclusive):
/// - buyers: customers with at least one order;
/// - repeat buyers: customers with at least two;
/// - repeat-purchase rate = repeat buyers / buyers;
/// - a customer's repeat-purchase count = orders − 1; ``repeatPurchases`` is their sum, and
///   ``averageRepeatPurchases`` = repeat purchases / buyers.
public struct RepeatPurchaseSummary: Hashable, Sendable {
    /// The period measured.
    public let period: Range<CalendarDay>
    /// Snapshot customer index of each buyer, in snapshot order.
    public let customers: [Int32]
    /// Orders in the period of each buyer.
    public let orders: [Int32]
    /// Customers with at least one order in the period.
    public var buyers: Int { customers.count }
    /// Customers with at least two orders in the period.
    public let repeatBuyers: Int
    /// Orders beyond each buyer's first, summed.
    public let repeatPurchases: Int

    /// Repeat buyers / buyers.
    public var repeatPurchaseRate: Double { Double(repeatBuyers) / Double(buyers) }
    /// Repeat purchases / buyers.
    public var averageRepeatPurchases: Double { Double(repeatPurchases) / Double(buyers) }
    /// The repeat-purchase count (orders − 1) of entry `i`.
    public func repeatPurchaseCount(at i: Int) -> Int { Int(orders[i]) - 1 }

    /// Measures `period` in `snapshot`.
    /// - Throws: ``ScoringError`` `.degenerateInput` when the period is empty or has no order.
    /// - Complexity: O(customers + orders).
    public static func compute(snapshot: CustomerSnapshot, period: Range<CalendarDay>) throws(ScoringError) -> RepeatPurchaseSummary {
        let counts = LoyaltyCounting.ordersPerCustomer(snapshot, period: period)
        var customers: [Int32] = []
        var orders: [Int32] = []
        var repeatBuyers = 0
        var repeats = 0
        for (c, n) in counts.enumerated() where n > 0 {
            customers.append(Int32(c))
            orders.append(n)
            if n >= 2 { repeatBuyers += 1 }
            repeats += Int(n) - 1
        }
        guard !customers.isEmpty else {
            throw ScoringError(.degenerateInput, "no order in \(period.lowerBound)..<\(period.upperBound)")
        }
        return RepeatPurchaseSummary(
            period: period, customers: customers, orders: orders, repeatBuyers: repeatBuyers, repeatPurchases: repeats)
    }
}

/// Retention between two periods: the share of the base period's buyers who buy again in
/// the next period (`retained / base`). New buyers of the next period do not count.
public struct RetentionSummary: Hashable, Sendable, Codable {
    /// Buyers in the base period.
    public let baseCustomers: Int
    /// Of those, buyers in the next period too.
    public let retainedCustomers: Int
    /// Buyers in the next period who did not buy in the base period.
    public let newCustomers: Int
    /// retained / base.
    public var retentionRate: Double { Double(retainedCustomers) / Double(baseCustomers) }

    /// Measures retention from `base` to `next` (half-open day ranges; they may overlap).
    /// - Throws: ``ScoringError`` `.degenerateInput` when the base period has no buyer.
    /// - Complexity: O(customers + orders).
    public static func compute(
        snapshot: CustomerSnapshot, base: Range<CalendarDay>, next: Range<CalendarDay>
    ) throws(ScoringError) -> RetentionSummary {
        let before = LoyaltyCounting.ordersPerCustomer(snapshot, period: base)
        let after = LoyaltyCounting.ordersPerCustomer(snapshot, period: next)
        var baseCount = 0
        var retained = 0
        var new = 0
        for c in 0..<before.count {
            if before[c] > 0 {
                baseCount += 1
                if after[c] > 0 { retained += 1 }
            } else if after[c] > 0 {
                new += 1
            }
        }
        guard baseCount > 0 else {
            throw ScoringError(.degenerateInput, "no buyer in the base period \(base.lowerBound)..<\(base.upperBound)")
        }
        return RetentionSummary(baseCustomers: baseCount, retainedCustomers: retained, newCustomers: new)
    }
}

enum LoyaltyCounting {
    /// Orders per snapshot customer dated in `period`.
    static func ordersPerCustomer(_ snapshot: CustomerSnapshot, period: Range<CalendarDay>) -> [Int32] {
        let low = period.lowerBound.dayNumber
        let high = period.upperBound.dayNumber
        var counts = [Int32](repeating: 0, count: snapshot.customerCount)
        for c in 0..<snapshot.customerCount {
            var n: Int32 = 0
            for o in snapshot.orders(ofCustomer: c) where snapshot.orderDays[o] >= low && snapshot.orderDays[o] < high { n += 1 }
            counts[c] = n
        }
        return counts
    }
}
