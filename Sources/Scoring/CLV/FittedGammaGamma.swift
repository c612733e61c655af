/// A Gamma-Gamma spend model with known parameters p, q, v.
public struct FittedGammaGamma: Sendable, Hashable {
    /// Shape of the Gamma distribution of one transaction's value.
    public let p: Double
    /// Shape of the Gamma distribution of the per-customer scale ν.
    public let q: Double
    /// Scale (γ) of the Gamma distribution of ν.
    public let v: Double
    /// The fit that produced these parameters, when they were estimated.
    public let estimates: ParameterEstimates?

    /// A model with given parameters.
    /// - Throws: ``ScoringError`` `.invalidParameter` unless all three are positive and finite.
    public init(p: Double, q: Double, v: Double) throws(ScoringError) {
        guard [p, q, v].allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw ScoringError(.invalidParameter, "Gamma-Gamma parameters must be positive and finite (p \(p), q \(q), v \(v))")
        }
        self.init(unchecked: p, q: q, v: v, estimates: nil)
    }

    init(unchecked p: Double, q: Double, v: Double, estimates: ParameterEstimates?) {
        self.p = p
        self.q = q
        self.v = v
        self.estimates = estimates
    }

    /// The population mean spend per transaction, p v / (q − 1); nil when q ≤ 1 (infinite).
    public var populationMeanSpend: Double? { q > 1 ? p * v / (q - 1) : nil }

    /// E[spend per transaction | x, m̄] = p (v + x m̄) / (p x + q − 1): a weighted mean of the
    /// population mean and the customer's own mean (the population mean when x = 0).
    /// - Throws: ``ScoringError`` `.invalidParameter` when p x + q ≤ 1 (the mean is infinite).
    /// - Complexity: O(1).
    public func conditionalExpectedAverageSpend(frequency x: Double, monetaryValue m: Double) throws(ScoringError) -> Double {
        let denominator = p * x + q - 1
        guard denominator > 0 else {
            throw ScoringError(
                .invalidParameter, "the expected spend is infinite for x = \(x) because p·x + q ≤ 1 (p \(p), q \(q))")
        }
        return p * (v + x * (x > 0 ? m : 0)) / denominator
    }

    /// The conditional expected average spend of every customer of `summary`.
    /// - Throws: ``ScoringError`` `.invalidParameter` when the summary has no monetary value
    ///   or a customer's mean is infinite.
    /// - Complexity: O(n).
    public func conditionalExpectedAverageSpend(_ summary: CustomerSummary) throws(ScoringError) -> [Double] {
        guard let monetary = summary.monetaryValue else {
            throw ScoringError(.invalidParameter, "the summary has no monetary value")
        }
        var out: [Double] = []
        out.reserveCapacity(summary.count)
        for i in 0..<summary.count {
            out.append(try conditionalExpectedAverageSpend(frequency: summary.frequency[i], monetaryValue: monetary[i]))
        }
        return out
    }
}
