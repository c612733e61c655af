import CustomerModel

/// The outcome of an ``RFMAnalysis``: one entry per scored customer, as columns.
///
/// Entry `i` describes snapshot customer `customers[i]`. Entries follow the snapshot's
/// customer order (first appearance in the input).
public struct RFMResult: Sendable {
    /// The as-of day the recency was measured at.
    public let asOf: CalendarDay
    /// The currency of the monetary values.
    public let currency: Currency
    /// Snapshot customer index of each entry.
    public let customers: [Int32]
    /// Days since the last order.
    public let recencyDays: [Int32]
    /// Distinct orders.
    public let frequency: [Int32]
    /// Total spend in minor units.
    public let monetaryMinorUnits: [Int64]
    /// Recency score (higher is more recent).
    public let r: [UInt8]
    /// Frequency score.
    public let f: [UInt8]
    /// Monetary score.
    public let m: [UInt8]
    /// Named segment of each entry (empty when the method does not score 1…5).
    public let segments: [RFMSegment]

    /// Number of scored customers.
    public var count: Int { customers.count }

    /// One customer's values, scores and segment.
    public struct Entry: Sendable, Hashable {
        public var customerIndex: Int
        public var recencyDays: Int
        public var frequency: Int
        public var monetary: Money
        public var r: Int
        public var f: Int
        public var m: Int
        public var segment: RFMSegment?
        /// The three scores as one number, e.g. 555.
        public var code: Int { r * 100 + f * 10 + m }
    }

    /// Entry `i`.
    public subscript(i: Int) -> Entry {
        Entry(
            customerIndex: Int(customers[i]), recencyDays: Int(recencyDays[i]), frequency: Int(frequency[i]),
            monetary: Money(minorUnits: monetaryMinorUnits[i], currency: currency),
            r: Int(r[i]), f: Int(f[i]), m: Int(m[i]), segment: segments.isEmpty ? nil : segments[i])
    }

    /// Number of customers in `segment`.
    public func count(of segment: RFMSegment) -> Int { segments.reduce(0) { $0 + ($1 == segment ? 1 : 0) } }

    /// Number of customers with scores r, f, m.
    public func count(r: Int, f: Int, m: Int) -> Int {
        var total = 0
        for i in 0..<count where Int(self.r[i]) == r && Int(self.f[i]) == f && Int(self.m[i]) == m { total += 1 }
        return total
    }

    /// How many customers got each score, for scores 1…`maximum`.
    public func histogram(_ scores: KeyPath<RFMResult, [UInt8]>, maximum: Int = 5) -> [Int] {
        var counts = [Int](repeating: 0, count: maximum)
        for s in self[keyPath: scores] where s >= 1 && Int(s) <= maximum { counts[Int(s) - 1] += 1 }
        return counts
    }

    /// Sum of the monetary values of all entries, exact.
    /// - Throws: ``ScoringError`` `.overflow` when the sum does not fit.
    public func totalMonetary() throws(ScoringError) -> Money {
        var total: Int64 = 0
        for value in monetaryMinorUnits {
            let (sum, overflow) = total.addingReportingOverflow(value)
            if overflow { throw ScoringError(.overflow, "the total monetary value overflows") }
            total = sum
        }
        return Money(minorUnits: total, currency: currency)
    }

    /// Customers per segment, in the order of ``RFMSegment/allCases``.
    public func segmentCounts() -> [(segment: RFMSegment, customers: Int)] {
        var counts = [RFMSegment: Int]()
        for s in segments { counts[s, default: 0] += 1 }
        return RFMSegment.allCases.map { ($0, counts[$0] ?? 0) }
    }
}
