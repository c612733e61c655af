import CustomerModel

/// Recency, frequency and monetary value per customer, their scores and named segments.
///
/// - Recency: days from the customer's last order to the as-of day (at least 1 when the
///   as-of day is after every order).
/// - Frequency: the number of distinct orders.
/// - Monetary: the exact sum of line amounts.
///
/// Only orders dated before the as-of day count; a customer with none is left out. The
/// default as-of day is the day after the latest order, as in the reference tools.
///
/// ```swift
/// let rfm = try RFMAnalysis().run(on: snapshot)
/// let champions = rfm.count(of: .champions)
/// ```
public struct RFMAnalysis: Sendable, Hashable {
    /// How values become scores; quintiles by rank by default.
    public var method: RFMScoringMethod
    /// How scores become named segments.
    public var segmentMap: RFMSegmentMap

    /// Creates an analysis.
    public init(method: RFMScoringMethod = .quintiles, segmentMap: RFMSegmentMap = .standard) {
        self.method = method
        self.segmentMap = segmentMap
    }

    /// Scores every customer of `snapshot` as of `asOf` (default: the day after the last order).
    ///
    /// - Throws: ``ScoringError`` for an invalid method, a segment map used with scores
    ///   other than 1…5, a monetary sum that overflows, or no customer with orders before `asOf`.
    /// - Complexity: O(orders + lines + customers), in parallel over customers.
    public func run(on snapshot: CustomerSnapshot, asOf: CalendarDay? = nil) throws(ScoringError) -> RFMResult {
        try method.validate()
        guard method.maximumScore == 5 || segmentMap == .standard else {
            throw ScoringError(.invalidParameter, "a custom segment map needs scores 1…5")
        }
        guard let dayRange = snapshot.dayRange else {
            throw ScoringError(.degenerateInput, "the snapshot has no orders")
        }
        let asOf = asOf ?? dayRange.upperBound.adding(days: 1)
        let metrics = try RFMMetrics.compute(snapshot: snapshot, asOf: asOf)
        guard !metrics.customers.isEmpty else {
            throw ScoringError(.degenerateInput, "no customer has an order before \(asOf)")
        }
        let negatedRecency = metrics.recencyDays.map { -Int64($0) }
        let frequency = metrics.frequency.map { Int64($0) }
        let r: [UInt8], f: [UInt8], m: [UInt8]
        switch method {
        case .quantiles(let tiles):
            r = RankScoring.scores(negatedRecency, tiles: tiles)
            f = RankScoring.scores(frequency, tiles: tiles)
            m = RankScoring.scores(metrics.monetary, tiles: tiles)
        case .thresholds(let cuts):
            r = RankScoring.scores(negatedRecency, cuts: cuts.recencyDays.reversed().map { -Int64($0) })
            f = RankScoring.scores(frequency, cuts: cuts.frequency.map { Int64($0) })
            m = RankScoring.scores(metrics.monetary, cuts: cuts.monetaryMinorUnits)
        }
        var segments: [RFMSegment] = []
        if method.maximumScore == 5 {
            segments.reserveCapacity(r.count)
            for i in 0..<r.count { segments.append(segmentMap.segment(r: Int(r[i]), f: Int(f[i]), m: Int(m[i]))) }
        }
        return RFMResult(
            asOf: asOf, currency: snapshot.currency, customers: metrics.customers,
            recencyDays: metrics.recencyDays, frequency: metrics.frequency, monetaryMinorUnits: metrics.monetary,
            r: r, f: f, m: m, segments: segments)
    }
}

/// The raw R, F and M values of the customers who have orders before the as-of day.
struct RFMMetrics {
    var customers: [Int32] = []
    var recencyDays: [Int32] = []
    var frequency: [Int32] = []
    var monetary: [Int64] = []

    static func compute(snapshot: CustomerSnapshot, asOf: CalendarDay) throws(ScoringError) -> RFMMetrics {
        let n = snapshot.customerCount
        let pieces = n < 50_000 ? 1 : 2
        let bounds = (0...pieces).map { n * $0 / pieces }
        let cutoff = asOf.dayNumber
        let parts: [Result<RFMMetrics, ScoringError>] = ParallelLoop.map(pieces) { piece in
            var part = RFMMetrics()
            let range = bounds[piece]..<bounds[piece + 1]
            part.customers.reserveCapacity(range.count)
            part.recencyDays.reserveCapacity(range.count)
            part.frequency.reserveCapacity(range.count)
            part.monetary.reserveCapacity(range.count)
            return snapshot.orderDays.withUnsafeBufferPointer { days in
                snapshot.lineAmounts.withUnsafeBufferPointer { amounts in
                    snapshot.customerOrderOffsets.withUnsafeBufferPointer { customerOrders in
                        snapshot.orderLineStarts.withUnsafeBufferPointer { lineStarts in
                        snapshot.orderLineEnds.withUnsafeBufferPointer { lineEnds in
                            for c in range {
                                var orders = 0
                                var last = Int32.min
                                var total: Int64 = 0
                                var overflow = false
                                for o in customerOrders[c]..<customerOrders[c + 1] where days[o] < cutoff {
                                    orders += 1
                                    last = max(last, days[o])
                                    for l in lineStarts[o]..<lineEnds[o] {
                                        let (sum, o1) = total.addingReportingOverflow(amounts[l])
                                        total = sum
                                        overflow = overflow || o1
                                    }
                                }
                                guard orders > 0 else { continue }
                                if overflow {
                                    return .failure(ScoringError(
                                        .overflow, "the monetary total of customer \(snapshot.customerID(at: c)) overflows"))
                                }
                                part.customers.append(Int32(c))
                                part.recencyDays.append(cutoff - last)
                                part.frequency.append(Int32(orders))
                                part.monetary.append(total)
                            }
                            return .success(part)
                        }
                        }
                    }
                }
            }
        }
        var metrics = RFMMetrics()
        for part in parts {
            let p = try part.get()
            metrics.customers.append(contentsOf: p.customers)
            metrics.recencyDays.append(contentsOf: p.recencyDays)
            metrics.frequency.append(contentsOf: p.frequency)
            metrics.monetary.append(contentsOf: p.monetary)
        }
        return metrics
    }
}
