import CustomerModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Customer lifetime value from a repeat-purchase model and a spend model.
///
/// ```swift
/// let clv = try LifetimeValueCalculator(discounting: .monthly(months: 12, rate: 0.01))
///     .values(for: summary, purchases: bgnbd, spend: gammaGamma)
/// ```
public struct LifetimeValueCalculator: Sendable, Hashable {
    /// The horizon and discounting.
    public var discounting: LifetimeValueDiscounting

    /// Creates a calculator.
    public init(discounting: LifetimeValueDiscounting) { self.discounting = discounting }

    /// The CLV of one customer given their expected spend per purchase.
    /// - Throws: ``ScoringError`` from the purchase model's series.
    /// - Complexity: O(12) or O(months) conditional expectations.
    public func value(
        frequency x: Double, recency tx: Double, age t: Double, expectedSpend: Double, unit: CustomerSummary.TimeUnit,
        purchases: some RepeatPurchaseModel
    ) throws(ScoringError) -> Double {
        func expected(_ h: Double) throws(ScoringError) -> Double {
            try purchases.conditionalExpectedPurchases(within: h, frequency: x, recency: tx, age: t)
        }
        switch discounting.kind {
        case let .monthly(months, rate):
            let month = LifetimeValueDiscounting.monthLength(in: unit)
            var total = 0.0
            var previous = 0.0
            var factor = 1.0
            for k in 1...months {
                let current = try expected(Double(k) * month)
                factor *= 1 + rate
                total += (current - previous) / factor
                previous = current
            }
            return expectedSpend * total
        case let .continuous(horizon, rate):
            guard horizon > 0 else { return 0 }
            let atHorizon = try expected(horizon)
            guard rate > 0 else { return expectedSpend * atHorizon }
            // ∫₀ᴴ e^(−δt) dE(t) = e^(−δH) E(H) + δ ∫₀ᴴ e^(−δt) E(t) dt, by Gauss–Legendre.
            var integral = 0.0
            for (node, weight) in GaussLegendre.twenty {
                let s = 0.5 * horizon * (node + 1)
                integral += weight * exp(-rate * s) * (try expected(s))
            }
            integral *= 0.5 * horizon
            return expectedSpend * (exp(-rate * horizon) * atHorizon + rate * integral)
        }
    }

    /// The CLV of every customer of `summary`, on both cores, with the expected spend from
    /// `spend` (Gamma-Gamma's conditional expected average spend).
    /// - Throws: ``ScoringError`` when the summary has no monetary value, or the first
    ///   failing customer's error.
    /// - Complexity: O(n · evaluations per customer).
    public func values(for summary: CustomerSummary, purchases: some RepeatPurchaseModel, spend: FittedGammaGamma)
        throws(ScoringError) -> [Double]
    {
        let spendValues = try spend.conditionalExpectedAverageSpend(summary)
        return try values(for: summary, purchases: purchases, expectedSpend: spendValues)
    }

    /// The CLV of every customer given each one's expected spend per purchase, on both cores.
    /// - Throws: ``ScoringError`` `.invalidParameter` when the lengths differ, or the first
    ///   failing customer's error.
    /// - Complexity: O(n · evaluations per customer).
    public func values(for summary: CustomerSummary, purchases: some RepeatPurchaseModel, expectedSpend: [Double])
        throws(ScoringError) -> [Double]
    {
        guard expectedSpend.count == summary.count else {
            throw ScoringError(.invalidParameter, "\(expectedSpend.count) spends for \(summary.count) customers")
        }
        var out = [Double](repeating: 0, count: summary.count)
        let errors = ErrorSlots(count: summary.count)
        ParallelLoop.fill(&out) { i in
            do throws(ScoringError) {
                return try value(
                    frequency: summary.frequency[i], recency: summary.recency[i], age: summary.age[i],
                    expectedSpend: expectedSpend[i], unit: summary.unit, purchases: purchases)
            } catch {
                errors.record(error, at: i)
                return 0
            }
        }
        if let failure = errors.first {
            throw ScoringError(failure.code, "customer \(summary.customerIDs[errors.firstIndex]): \(failure.message)")
        }
        return out
    }
}

/// 20-point Gauss–Legendre nodes and weights on [−1, 1].
enum GaussLegendre {
    static let twenty: [(Double, Double)] = {
        let half: [(Double, Double)] = [
            (0.0765265211334973, 0.1527533871307258), (0.2277858511416451, 0.1491729864726037),
            (0.3737060887154195, 0.1420961093183820), (0.5108670019508271, 0.1316886384491766),
            (0.6360536807265150, 0.1181945319615184), (0.7463319064601508, 0.1019301198172404),
            (0.8391169718222188, 0.0832767415767048), (0.9122344282513259, 0.0626720483341091),
            (0.9639719272779138, 0.0406014298003869), (0.9931285991850949, 0.0176140071391521),
        ]
        return half.map { (-$0.0, $0.1) } + half
    }()
}
