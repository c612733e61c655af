#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ratings of one product or service against the Bullseye criteria; Codable so it can
/// be stored (JSON: `{"product": "...", "ratings": {"targetMarket.computerUsers": 8, ...}}`).
public struct BullseyeAssessment: Hashable, Sendable, Codable {
    /// What is assessed.
    public var product: String
    /// Rating 0–10 (integer) by criterion id.
    public var ratings: [String: Int]

    /// Creates an assessment.
    public init(product: String, ratings: [String: Int]) {
        self.product = product
        self.ratings = ratings
    }
}

/// How a Bullseye overall score (the mean rating, 0–10) becomes a probability of success
/// online. Both maps are **our choice**: the model itself gives no formula, and neither is
/// calibrated on outcome data; calibrate the logistic map on your own launches if you have them.
public enum BullseyeSuccessMapping: Hashable, Sendable, Codable {
    /// `p = mean / 10` (the default: transparent, 0 at 0, 1 at 10).
    case linear
    /// `p = 1 / (1 + exp(−steepness · (mean − midpoint)))`.
    case logistic(midpoint: Double, steepness: Double)

    /// The probability for a mean rating in 0…10.
    public func probability(mean: Double) -> Double {
        switch self {
        case .linear:
            return mean / 10
        case let .logistic(midpoint, steepness):
            return 1 / (1 + exp(-steepness * (mean - midpoint)))
        }
    }

    /// Checks a logistic map has a finite midpoint in 0…10 and a finite, positive steepness.
    /// - Throws: ``ScoringError`` `.invalidParameter`.
    public func validate() throws(ScoringError) {
        if case let .logistic(midpoint, steepness) = self {
            guard midpoint.isFinite, (0...10).contains(midpoint), steepness.isFinite, steepness > 0 else {
                throw ScoringError(
                    .invalidParameter, "a logistic map needs a midpoint in 0…10 and steepness > 0, got \(midpoint), \(steepness)")
            }
        }
    }
}
