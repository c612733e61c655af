import CustomerModel

/// How recency, frequency and monetary values become scores from 1 (worst) to `tiles` (best).
public enum RFMScoringMethod: Sendable, Hashable, Codable {
    /// n-tiles of rank (the default, with 5 tiles): `score = 1 + floor(tiles·(k − 1)/n)`
    /// where n is the number of customers and k = 1 + the number of customers strictly
    /// worse on that metric (SQL `RANK()` in worst-first order). Ties share a score.
    case quantiles(tiles: Int)
    /// Fixed cut-points per metric (see ``RFMThresholds``): scores do not depend on the
    /// other customers, so they are stable from one run to the next.
    case thresholds(RFMThresholds)

    /// Quintiles by rank: the library's default, identical to the reference tools.
    public static let quintiles = RFMScoringMethod.quantiles(tiles: 5)

    /// The highest score this method gives.
    public var maximumScore: Int {
        switch self {
        case .quantiles(let tiles): return tiles
        case .thresholds(let thresholds): return thresholds.recencyDays.count + 1
        }
    }

    func validate() throws(ScoringError) {
        switch self {
        case .quantiles(let tiles):
            guard (2...100).contains(tiles) else {
                throw ScoringError(.invalidParameter, "tiles must be in 2...100, not \(tiles)")
            }
        case .thresholds(let thresholds):
            try thresholds.validate()
        }
    }
}

/// Cut-points for scoring by value, each list strictly ascending and of the same length
/// (4 cut-points give scores 1…5).
///
/// - Recency: at most `recencyDays[0]` days scores highest, at most `recencyDays[1]` next, …,
///   more than the last cut-point scores 1.
/// - Frequency and monetary: the score is 1 plus the number of cut-points the value reaches
///   (`value >= cut`).
public struct RFMThresholds: Sendable, Hashable, Codable {
    /// Recency cut-points in days, ascending.
    public var recencyDays: [Int]
    /// Frequency cut-points in orders, ascending.
    public var frequency: [Int]
    /// Monetary cut-points in minor units of the snapshot's currency, ascending.
    public var monetaryMinorUnits: [Int64]

    public init(recencyDays: [Int], frequency: [Int], monetaryMinorUnits: [Int64]) {
        self.recencyDays = recencyDays
        self.frequency = frequency
        self.monetaryMinorUnits = monetaryMinorUnits
    }

    func validate() throws(ScoringError) {
        let count = recencyDays.count
        guard count >= 1, frequency.count == count, monetaryMinorUnits.count == count else {
            throw ScoringError(.invalidParameter, "each metric needs the same number (≥ 1) of cut-points")
        }
        func ascending<T: Comparable>(_ values: [T]) -> Bool { zip(values, values.dropFirst()).allSatisfy { $0 < $1 } }
        guard ascending(recencyDays), ascending(frequency), ascending(monetaryMinorUnits) else {
            throw ScoringError(.invalidParameter, "cut-points must be strictly ascending")
        }
    }
}
