/// How future purchases are discounted and over which horizon, for ``LifetimeValueCalculator``.
public struct LifetimeValueDiscounting: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case continuous(horizon: Double, rate: Double)
        case monthly(months: Int, rate: Double)
    }

    let kind: Kind

    /// Continuous discounting (the default): CLV = E[spend] · ∫₀ᴴ e^(−δt) dE[X(t) | x, tₓ, T],
    /// with `horizon` H and `rate` δ in the summary's time unit (δ = 0 is no discounting).
    /// - Throws: ``ScoringError`` `.invalidParameter` for a negative or non-finite value.
    public static func continuous(horizon: Double, rate: Double) throws(ScoringError) -> LifetimeValueDiscounting {
        guard horizon.isFinite, horizon >= 0, rate.isFinite, rate >= 0 else {
            throw ScoringError(.invalidParameter, "horizon \(horizon) and rate \(rate) must be non-negative and finite")
        }
        return LifetimeValueDiscounting(kind: .continuous(horizon: horizon, rate: rate))
    }

    /// lifetimes' monthly rule, for comparability: CLV = Σₖ₌₁..ₘ E[spend] · (E[X(kμ)] −
    /// E[X((k − 1)μ)]) / (1 + d)ᵏ, where a month μ is 4.345 weeks or 30 days.
    /// - Throws: ``ScoringError`` `.invalidParameter` for months < 1 or a rate ≤ −1.
    public static func monthly(months: Int, rate: Double) throws(ScoringError) -> LifetimeValueDiscounting {
        guard months >= 1, rate.isFinite, rate > -1 else {
            throw ScoringError(.invalidParameter, "months \(months) must be at least 1 and the rate \(rate) above −1")
        }
        return LifetimeValueDiscounting(kind: .monthly(months: months, rate: rate))
    }

    /// lifetimes' length of a month in `unit`: 4.345 weeks or 30 days.
    public static func monthLength(in unit: CustomerSummary.TimeUnit) -> Double { unit == .week ? 4.345 : 30 }
}
