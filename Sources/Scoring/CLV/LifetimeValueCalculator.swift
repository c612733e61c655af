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

    /// The CLV of one customer given their expected spend per purchase: expected spend ×
    /// P(alive) × ``discountedPurchasesIfAlive(frequency:age:unit:purchases:)``.
    /// - Throws: ``ScoringError`` from the purchase model's series.
    /// - Complexity: O(21) or O(months) series evaluations.
    public func value(
        frequency x: Double, recency tx: Double, age t: Double, expectedSpend: Double, unit: CustomerSummary.TimeUnit,
        purchases: some RepeatPurchaseModel
    ) throws(ScoringError) -> Double {
        let discounted = try discountedPurchasesIfAlive(frequency: x, age: t, unit: unit, purchases: purchases)
        return expectedSpend * purchases.probabilityAlive(frequency: x, recency: tx, age: t) * discounted
    }

    /// The discounted number of purchases over the horizon expected of a customer known to be
    /// alive at T. It depends on x and T only, so bulk scoring computes it once per (x, T).
    ///
    /// Continuous: ∫₀ᴴ e^(−δs) dE(s) = e^(−δH) E(H) + δ ∫₀ᴴ e^(−δs) E(s) ds, the integral by
    /// 20-point Gauss–Legendre. Monthly: Σₖ (E(kμ) − E((k − 1)μ)) / (1 + d)ᵏ.
    /// - Throws: ``ScoringError`` from the purchase model's series.
    /// - Complexity: O(21) or O(months) series evaluations.
    public func discountedPurchasesIfAlive(
        frequency x: Double, age t: Double, unit: CustomerSummary.TimeUnit, purchases: some RepeatPurchaseModel
    ) throws(ScoringError) -> Double {
        func expected(_ h: Double) throws(ScoringError) -> Double {
            try purchases.expectedPurchasesIfAlive(within: h, frequency: x, age: t)
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
            return total
        case let .continuous(horizon, rate):
            guard horizon > 0 else { return 0 }
            let atHorizon = try expected(horizon)
            guard rate > 0 else { return atHorizon }
            var integral = 0.0
            for (node, weight) in GaussLegendre.twenty {
                let s = 0.5 * horizon * (node + 1)
                integral += weight * exp(-rate * s) * (try expected(s))
            }
            integral *= 0.5 * horizon
            return exp(-rate * horizon) * atHorizon + rate * integral
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
    /// - Complexity: O(n) plus the series evaluations once per distinct (x, T).
    public func values(for summary: CustomerSummary, purchases: some RepeatPurchaseModel, expectedSpend: [Double])
        throws(ScoringError) -> [Double]
    {
        guard expectedSpend.count == summary.count else {
            throw ScoringError(.invalidParameter, "\(expectedSpend.count) spends for \(summary.count) customers")
        }
        return try FrequencyAgeGroups(summary).perCustomer(summary) { (x, age) throws(ScoringError) in
            try discountedPurchasesIfAlive(frequency: x, age: age, unit: summary.unit, purchases: purchases)
        } times: { i in
            expectedSpend[i]
                * purchases.probabilityAlive(frequency: summary.frequency[i], recency: summary.recency[i], age: summary.age[i])
        }
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
