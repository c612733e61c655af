/// The named RFM segments.
public enum RFMSegment: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case champions = "Champions"
    case loyal = "Loyal"
    case potentialLoyalist = "Potential loyalist"
    case new = "New"
    case promising = "Promising"
    case needAttention = "Need attention"
    case aboutToSleep = "About to sleep"
    case atRisk = "At risk"
    case cannotLoseThem = "Cannot lose them"
    case hibernating = "Hibernating"
    case lost = "Lost"

    public var description: String { rawValue }
}

/// Maps an R score and an FM score (both 1…5) to a named segment.
///
/// FM is the mean of the F and M scores rounded half up: `(f + m + 1) / 2`. The standard map
/// (rows R = 5 down to 1, columns FM = 1 to 5):
///
/// | R \ FM | 1 | 2 | 3 | 4 | 5 |
/// |---|---|---|---|---|---|
/// | 5 | New | Promising | Potential loyalist | Champions | Champions |
/// | 4 | Promising | Potential loyalist | Potential loyalist | Loyal | Champions |
/// | 3 | About to sleep | Need attention | Need attention | Loyal | Loyal |
/// | 2 | Hibernating | About to sleep | At risk | At risk | Cannot lose them |
/// | 1 | Lost | Hibernating | At risk | Cannot lose them | Cannot lose them |
///
/// Replace it by building a map from your own grid.
public struct RFMSegmentMap: Sendable, Hashable, Codable {
    /// `grid[r - 1][fm - 1]`.
    public let grid: [[RFMSegment]]

    /// A map from a 5 × 5 grid indexed `[r - 1][fm - 1]`.
    /// - Throws: ``ScoringError`` `.invalidParameter` unless the grid is 5 × 5.
    public init(grid: [[RFMSegment]]) throws(ScoringError) {
        guard grid.count == 5, grid.allSatisfy({ $0.count == 5 }) else {
            throw ScoringError(.invalidParameter, "a segment map is a 5 × 5 grid indexed [r - 1][fm - 1]")
        }
        self.grid = grid
    }

    private init(trusted grid: [[RFMSegment]]) { self.grid = grid }

    /// The library's default map (see the type's documentation).
    public static let standard = RFMSegmentMap(trusted: [
        // r = 1
        [.lost, .hibernating, .atRisk, .cannotLoseThem, .cannotLoseThem],
        // r = 2
        [.hibernating, .aboutToSleep, .atRisk, .atRisk, .cannotLoseThem],
        // r = 3
        [.aboutToSleep, .needAttention, .needAttention, .loyal, .loyal],
        // r = 4
        [.promising, .potentialLoyalist, .potentialLoyalist, .loyal, .champions],
        // r = 5
        [.new, .promising, .potentialLoyalist, .champions, .champions],
    ])

    /// The segment for scores r, f, m in 1…5.
    @inlinable
    public func segment(r: Int, f: Int, m: Int) -> RFMSegment {
        let fm = (f + m + 1) / 2
        return grid[min(max(r, 1), 5) - 1][min(max(fm, 1), 5) - 1]
    }
}
