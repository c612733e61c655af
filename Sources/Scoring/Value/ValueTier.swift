/// The value tier of a customer by value score (SEEDS.md §3).
public enum ValueTier: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Score below 2.
    case low
    /// Score from 2 to 4, both inclusive.
    case medium
    /// Score above 4.
    case high

    /// Orders low < medium < high.
    public static func < (lhs: ValueTier, rhs: ValueTier) -> Bool { lhs.rank < rhs.rank }
    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }
}

/// Where the tiers begin: above ``highAbove`` is high, below ``lowBelow`` is low, the closed
/// range between them is medium.
///
/// Scores are compared with an absolute tolerance of 1e-9, so that a score that is 4 up to
/// floating-point rounding (for example all sub-scores 4) stays medium as SEEDS.md requires.
public struct ValueTierThresholds: Hashable, Sendable, Codable {
    /// Scores strictly above this (beyond the tolerance) are high. Default 4.
    public var highAbove: Double
    /// Scores strictly below this (beyond the tolerance) are low. Default 2.
    public var lowBelow: Double

    /// Creates thresholds.
    public init(highAbove: Double = 4, lowBelow: Double = 2) {
        self.highAbove = highAbove
        self.lowBelow = lowBelow
    }

    /// Above 4 high, 2 to 4 inclusive medium, below 2 low.
    public static let standard = ValueTierThresholds()

    /// The tolerance of the comparisons.
    public static let tolerance = 1e-9

    /// Checks both thresholds are finite and `lowBelow <= highAbove`.
    /// - Throws: ``ScoringError`` `.invalidParameter`.
    public func validate() throws(ScoringError) {
        guard highAbove.isFinite, lowBelow.isFinite, lowBelow <= highAbove else {
            throw ScoringError(.invalidParameter, "tier thresholds need finite lowBelow ≤ highAbove, got \(lowBelow) and \(highAbove)")
        }
    }

    /// The tier of `score`.
    @inlinable
    public func tier(of score: Double) -> ValueTier {
        if score > highAbove + ValueTierThresholds.tolerance { return .high }
        if score < lowBelow - ValueTierThresholds.tolerance { return .low }
        return .medium
    }
}
