import CustomerModel

/// The extended RFM (eRFM) value score of SEEDS.md §3, with value tiers.
///
/// For every customer with an order before the as-of day (the customers ``RFMAnalysis``
/// scores), each indicator value v is min-max normalised over those customers and mapped
/// to a sub-score from 1 to 5:
///
/// ```
/// s = 1 + 4 · (v − min) / (max − min)     more is better
/// s = 1 + 4 · (max − v) / (max − min)     recency (fewer days is better)
/// s = 3                                   when max == min (no information: the midpoint)
/// ```
///
/// The value score is the weighted mean `Σ wₖ·sₖ / Σ wₖ` over the indicators used, so it
/// lies in 1…5; tiers follow ``ValueTierThresholds`` (above 4 high, 2…4 medium, below 2 low).
///
/// Missing data, never NaN:
/// - a customer without a value for an indicator (nil entry) gets sub-score 1, the
///   minimum, and does not take part in that indicator's min and max;
/// - an indicator without a value for any scored customer (a nil column, or all entries
///   nil) is dropped, and the weights of the others are renormalised by their sum; if the
///   remaining weights are all zero, the analysis throws `.degenerateInput`.
///
/// ```swift
/// let derived = try InteractionIndicators.derive(from: events, snapshot: snapshot, asOf: day)
/// let value = try ValueScoreAnalysis().run(on: snapshot, asOf: day, inputs: ValueIndicatorInputs(derived))
/// value.tierCounts()
/// ```
public struct ValueScoreAnalysis: Sendable, Hashable {
    /// The weights of the six standard indicators.
    public var weights: ValueScoreWeights
    /// Where the tiers begin.
    public var thresholds: ValueTierThresholds

    /// Creates an analysis.
    public init(weights: ValueScoreWeights = .standard, thresholds: ValueTierThresholds = .standard) {
        self.weights = weights
        self.thresholds = thresholds
    }

    /// The sub-score of `value` for an indicator whose used values span `range`.
    @inlinable
    public static func subScore(_ value: Double, range: ClosedRange<Double>, higherIsBetter: Bool) -> Double {
        let span = range.upperBound - range.lowerBound
        guard span > 0 else { return 3 }
        let position = higherIsBetter ? value - range.lowerBound : range.upperBound - value
        return 1 + 4 * position / span
    }

    /// Scores every customer of `snapshot` with an order before `asOf`.
    ///
    /// - Parameters:
    ///   - asOf: Only orders before this day count; default the day after the last order.
    ///   - inputs: The interaction, social and custom columns (one entry per snapshot customer).
    /// - Throws: ``ScoringError`` `.invalidParameter` for invalid weights or thresholds, a
    ///   column of the wrong length, or a value that is not finite (naming the customer);
    ///   `.degenerateInput` for an empty snapshot, no order before `asOf`, or only
    ///   zero-weight indicators with data; `.overflow` for a monetary sum beyond 64 bits.
    /// - Complexity: O(orders + lines + customers × indicators), in parallel on all cores;
    ///   memory O(customers × indicators). No sorting, no dictionaries.
    public func run(
        on snapshot: CustomerSnapshot, asOf: CalendarDay? = nil, inputs: ValueIndicatorInputs = ValueIndicatorInputs()
    ) throws(ScoringError) -> ValueScoreResult {
        try weights.validate()
        try thresholds.validate()
        try ValueScoreWeights.validate(
            Array(zip(ValueIndicator.standard, weights.values)) + inputs.custom.map { ($0.indicator, $0.weight) })
        guard let dayRange = snapshot.dayRange else {
            throw ScoringError(.degenerateInput, "the snapshot has no orders")
        }
        let asOf = asOf ?? dayRange.upperBound.adding(days: 1)
        let metrics = try RFMMetrics.compute(snapshot: snapshot, asOf: asOf)
        guard !metrics.customers.isEmpty else {
            throw ScoringError(.degenerateInput, "no customer has an order before \(asOf)")
        }
        var columns: [IndicatorColumn] = [
            IndicatorColumn(indicator: .recency, weight: weights.recency, values: metrics.recencyDays.map { Double($0) }),
            IndicatorColumn(indicator: .frequency, weight: weights.frequency, values: metrics.frequency.map { Double($0) }),
            IndicatorColumn(indicator: .monetary, weight: weights.monetary, values: metrics.monetary.map { Double($0) }),
        ]
        let optional: [(ValueIndicator, Double, [Double?]?)] =
            [(.interactionFrequency, weights.interactionFrequency, inputs.interactionFrequency),
             (.interactionDuration, weights.interactionDuration, inputs.interactionDuration),
             (.socialInfluence, weights.socialInfluence, inputs.socialInfluence)]
            + inputs.custom.map { ($0.indicator, $0.weight, $0.values) }
        for (indicator, weight, values) in optional {
            guard let values else { continue }
            guard values.count == snapshot.customerCount else {
                throw ScoringError(
                    .invalidParameter,
                    "\(indicator) has \(values.count) values for \(snapshot.customerCount) snapshot customers")
            }
            columns.append(try IndicatorColumn(indicator: indicator, weight: weight, gathering: values, customers: metrics.customers, snapshot: snapshot))
        }
        columns.removeAll { $0.range == nil }
        let weightSum = columns.reduce(0) { $0 + $1.weight }
        guard weightSum > 0 else {
            throw ScoringError(.degenerateInput, "every indicator with data has weight zero")
        }
        let subScores: [[Double]] = ParallelLoop.map(columns.count) { columns[$0].subScores() }
        let (scores, tiers) = combine(subScores: subScores, weights: columns.map { $0.weight / weightSum })
        return ValueScoreResult(
            asOf: asOf, customers: metrics.customers, indicators: columns.map(\.indicator),
            weights: columns.map { $0.weight / weightSum }, ranges: columns.compactMap(\.range),
            subScores: subScores, scores: scores, tiers: tiers)
    }

    /// The weighted sums and tiers, in two halves on two cores for large inputs.
    private func combine(subScores: [[Double]], weights: [Double]) -> ([Double], [ValueTier]) {
        let n = subScores.first?.count ?? 0
        let pieces = n < 50_000 ? 1 : 2
        let bounds = (0...pieces).map { n * $0 / pieces }
        let thresholds = thresholds
        let parts: [([Double], [ValueTier])] = ParallelLoop.map(pieces) { piece in
            let range = bounds[piece]..<bounds[piece + 1]
            var sums = [Double](repeating: 0, count: range.count)
            sums.withUnsafeMutableBufferPointer { out in
                for (k, column) in subScores.enumerated() {
                    let w = weights[k]
                    column.withUnsafeBufferPointer { s in
                        for i in range { out[i - range.lowerBound] += w * s[i] }
                    }
                }
            }
            return (sums, sums.map { thresholds.tier(of: $0) })
        }
        var scores: [Double] = []
        var tiers: [ValueTier] = []
        scores.reserveCapacity(n)
        tiers.reserveCapacity(n)
        for part in parts {
            scores.append(contentsOf: part.0)
            tiers.append(contentsOf: part.1)
        }
        return (scores, tiers)
    }
}

/// One indicator's values over the scored customers, with which entries are present.
struct IndicatorColumn: Sendable {
    var indicator: ValueIndicator
    var weight: Double
    var values: [Double]
    /// nil when every entry is present.
    var present: [Bool]?
    /// The min and max of the present values; nil when none is present.
    var range: ClosedRange<Double>?

    init(indicator: ValueIndicator, weight: Double, values: [Double]) {
        self.indicator = indicator
        self.weight = weight
        self.values = values
        self.present = nil
        self.range = IndicatorColumn.range(values, present: nil)
    }

    init(
        indicator: ValueIndicator, weight: Double, gathering source: [Double?], customers: [Int32], snapshot: CustomerSnapshot
    ) throws(ScoringError) {
        var values = [Double](repeating: 0, count: customers.count)
        var present = [Bool](repeating: false, count: customers.count)
        for (i, c) in customers.enumerated() {
            guard let v = source[Int(c)] else { continue }
            guard v.isFinite else {
                throw ScoringError(.invalidParameter, "\(indicator) of customer \(snapshot.customerID(at: Int(c))) is \(v)")
            }
            values[i] = v
            present[i] = true
        }
        self.indicator = indicator
        self.weight = weight
        self.values = values
        self.present = present
        self.range = IndicatorColumn.range(values, present: present)
    }

    static func range(_ values: [Double], present: [Bool]?) -> ClosedRange<Double>? {
        var low = Double.infinity
        var high = -Double.infinity
        for i in 0..<values.count where present?[i] ?? true {
            low = min(low, values[i])
            high = max(high, values[i])
        }
        return low <= high ? low...high : nil
    }

    /// Sub-scores 1…5; absent entries score 1.
    func subScores() -> [Double] {
        guard let range else { return [] }
        let higher = indicator.higherIsBetter
        var out = [Double](repeating: 1, count: values.count)
        values.withUnsafeBufferPointer { v in
            out.withUnsafeMutableBufferPointer { o in
                if let present {
                    for i in 0..<v.count where present[i] {
                        o[i] = ValueScoreAnalysis.subScore(v[i], range: range, higherIsBetter: higher)
                    }
                } else {
                    for i in 0..<v.count { o[i] = ValueScoreAnalysis.subScore(v[i], range: range, higherIsBetter: higher) }
                }
            }
        }
        return out
    }
}
