/// Where a lead is in the funnel, from its decayed engagement points.
public enum LeadStage: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Below the warm threshold.
    case cold
    /// At least the warm threshold.
    case warm
    /// At least the hot threshold.
    case hot
    /// At least the sales-ready threshold: hand over to sales.
    case salesReady

    /// Orders cold < warm < hot < salesReady.
    public static func < (lhs: LeadStage, rhs: LeadStage) -> Bool { lhs.rank < rhs.rank }
    var rank: Int {
        switch self {
        case .cold: 0
        case .warm: 1
        case .hot: 2
        case .salesReady: 3
        }
    }
}

/// The point thresholds of the stages: a lead is in the highest stage whose threshold its
/// points reach (`points >= threshold`). Defaults: warm 10, hot 30, sales-ready 60.
public struct LeadStageThresholds: Hashable, Sendable, Codable {
    /// Points to be warm.
    public var warm: Double
    /// Points to be hot.
    public var hot: Double
    /// Points to be sales-ready.
    public var salesReady: Double

    /// Creates thresholds.
    public init(warm: Double = 10, hot: Double = 30, salesReady: Double = 60) {
        self.warm = warm
        self.hot = hot
        self.salesReady = salesReady
    }

    /// Checks the thresholds are finite and strictly ascending.
    /// - Throws: ``ScoringError`` `.invalidParameter`.
    public func validate() throws(ScoringError) {
        guard warm.isFinite, hot.isFinite, salesReady.isFinite, warm < hot, hot < salesReady else {
            throw ScoringError(
                .invalidParameter, "stage thresholds must be finite and ascending, got \(warm), \(hot), \(salesReady)")
        }
    }

    /// The stage of `points`.
    public func stage(of points: Double) -> LeadStage {
        if points >= salesReady { return .salesReady }
        if points >= hot { return .hot }
        if points >= warm { return .warm }
        return .cold
    }
}

/// Why a lead needs a follow-up.
public struct FollowUpFlags: OptionSet, Hashable, Sendable, Codable {
    /// The raw bits.
    public let rawValue: UInt8
    /// Creates flags from bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Sales-ready now, and not at the previous evaluation (or never evaluated).
    public static let becameSalesReady = FollowUpFlags(rawValue: 1 << 0)
    /// Hot or sales-ready, and no contact within the contact gap (or never contacted).
    public static let hotWithoutRecentContact = FollowUpFlags(rawValue: 1 << 1)
    /// In a lower stage than at the previous evaluation (the lead is cooling down).
    public static let cooledDown = FollowUpFlags(rawValue: 1 << 2)
}
