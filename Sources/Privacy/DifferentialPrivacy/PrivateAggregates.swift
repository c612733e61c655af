#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Differentially private aggregate reports: counts, sums, means and histograms by segment
/// (GDPR Recital 26 and Art. 89, PIPL Art. 73(4): statistics that reveal nothing about any
/// one person).
///
/// Each query spends its ε (and δ) from the ``PrivacyBudgetAccountant`` before any noise is
/// drawn, and is refused with ``PrivacyError`` `.budgetExceeded` when the budget is spent.
/// Randomness is `SystemRandomNumberGenerator` (cryptographically secure) unless a
/// generator is passed, which tests do with a seeded one.
///
/// Each person contributes one value (one row) to a query. Sums and means need declared
/// bounds: values are clipped to them, the standard way to bound sensitivity (the clipping
/// is part of the mechanism's definition; how many values were clipped is not reported,
/// since that would leak).
public struct PrivateAggregates: Sendable {
    /// The accountant that holds the datasets' budgets.
    public let accountant: PrivacyBudgetAccountant

    public init(accountant: PrivacyBudgetAccountant) { self.accountant = accountant }

    /// A noisy count: `n + Laplace(1/ε)`.
    public func count(_ n: Int, dataset: String, epsilon: Double, using rng: inout some RandomNumberGenerator) throws -> Double {
        let scale = try LaplaceMechanism.scale(sensitivity: 1, epsilon: epsilon)
        try accountant.spend(dataset, epsilon: epsilon)
        return Double(n) + LaplaceMechanism.noise(scale: scale, using: &rng)
    }

    /// A noisy count with secure randomness.
    public func count(_ n: Int, dataset: String, epsilon: Double) throws -> Double {
        var rng = SystemRandomNumberGenerator()
        return try count(n, dataset: dataset, epsilon: epsilon, using: &rng)
    }

    /// A noisy sum of values clipped to `bounds`: sensitivity `max(|lower|, |upper|)`.
    public func sum(_ values: [Double], bounds: ClosedRange<Double>, dataset: String, epsilon: Double,
                    using rng: inout some RandomNumberGenerator) throws -> Double {
        guard bounds.lowerBound.isFinite, bounds.upperBound.isFinite else {
            throw PrivacyError(.invalidParameter, "sum bounds \(bounds) must be finite")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw PrivacyError(.invalidParameter, "value \(bad) is not finite")
        }
        let sensitivity = max(abs(bounds.lowerBound), abs(bounds.upperBound))
        let scale = try LaplaceMechanism.scale(sensitivity: sensitivity, epsilon: epsilon)
        try accountant.spend(dataset, epsilon: epsilon)
        let total = values.reduce(0) { $0 + min(max($1, bounds.lowerBound), bounds.upperBound) }
        return total + LaplaceMechanism.noise(scale: scale, using: &rng)
    }

    /// A noisy sum with secure randomness.
    public func sum(_ values: [Double], bounds: ClosedRange<Double>, dataset: String, epsilon: Double) throws -> Double {
        var rng = SystemRandomNumberGenerator()
        return try sum(values, bounds: bounds, dataset: dataset, epsilon: epsilon, using: &rng)
    }

    /// A noisy mean: a noisy sum and a noisy count, ε/2 each, divided; the count is floored
    /// at 1 so a tiny noisy count cannot blow the ratio up.
    public func mean(_ values: [Double], bounds: ClosedRange<Double>, dataset: String, epsilon: Double,
                     using rng: inout some RandomNumberGenerator) throws -> Double {
        guard bounds.lowerBound.isFinite, bounds.upperBound.isFinite else {
            throw PrivacyError(.invalidParameter, "mean bounds \(bounds) must be finite")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw PrivacyError(.invalidParameter, "value \(bad) is not finite")
        }
        let sensitivity = max(abs(bounds.lowerBound), abs(bounds.upperBound))
        let sumScale = try LaplaceMechanism.scale(sensitivity: sensitivity, epsilon: epsilon / 2)
        let countScale = try LaplaceMechanism.scale(sensitivity: 1, epsilon: epsilon / 2)
        // One spend for both halves, so a refused query spends nothing.
        try accountant.spend(dataset, epsilon: epsilon)
        let total = values.reduce(0) { $0 + min(max($1, bounds.lowerBound), bounds.upperBound) }
            + LaplaceMechanism.noise(scale: sumScale, using: &rng)
        let count = Double(values.count) + LaplaceMechanism.noise(scale: countScale, using: &rng)
        return total / max(count, 1)
    }

    /// A noisy mean with secure randomness.
    public func mean(_ values: [Double], bounds: ClosedRange<Double>, dataset: String, epsilon: Double) throws -> Double {
        var rng = SystemRandomNumberGenerator()
        return try mean(values, bounds: bounds, dataset: dataset, epsilon: epsilon, using: &rng)
    }

    /// A noisy histogram: the count per segment of `labels` (one label per person) plus
    /// Laplace(1/ε) each. Segments are disjoint, so the whole histogram costs ε (parallel
    /// composition). Only the `segments` named are reported, so which segments occur in the
    /// data is not revealed.
    public func histogram(_ labels: [String], segments: [String], dataset: String, epsilon: Double,
                          using rng: inout some RandomNumberGenerator) throws -> [String: Double] {
        let scale = try LaplaceMechanism.scale(sensitivity: 1, epsilon: epsilon)
        try accountant.spend(dataset, epsilon: epsilon)
        var counts: [String: Int] = [:]
        for label in labels { counts[label, default: 0] += 1 }
        var result: [String: Double] = [:]
        for segment in segments.sorted() { result[segment] = Double(counts[segment] ?? 0) + LaplaceMechanism.noise(scale: scale, using: &rng) }
        return result
    }

    /// A noisy count with the Gaussian mechanism, spending (ε, δ).
    public func gaussianCount(_ n: Int, dataset: String, epsilon: Double, delta: Double,
                              using rng: inout some RandomNumberGenerator) throws -> Double {
        let sigma = try GaussianMechanism.standardDeviation(sensitivity: 1, epsilon: epsilon, delta: delta)
        try accountant.spend(dataset, epsilon: epsilon, delta: delta)
        return Double(n) + GaussianMechanism.noise(standardDeviation: sigma, using: &rng)
    }
}
