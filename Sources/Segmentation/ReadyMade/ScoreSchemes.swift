import Scoring

extension SegmentScheme {
    /// The named RFM segments as an exclusive scheme, one segment per ``RFMSegment`` (ids are
    /// the Swift case names: `champions`, `atRisk`, …). Scores and the segment map come from
    /// the population's ``SegmentInputs/rfm`` analysis.
    public static func rfmSegments() -> SegmentScheme {
        SegmentScheme(name: "rfm", kind: .exclusive, segments: RFMSegment.allCases.map { segment in
            SegmentDefinition(id: SegmentCondition.caseName(segment), name: segment.rawValue, condition: .rfmSegment([segment]))
        })
    }

    /// The value tiers (`high`, `medium`, `low`) as an exclusive scheme; the thresholds are
    /// those of the population's ``SegmentInputs/valueScore`` analysis (``ValueTierThresholds``).
    public static func valueTiers() -> SegmentScheme {
        SegmentScheme(name: "valueTier", kind: .exclusive, segments: ValueTier.allCases.reversed().map { tier in
            SegmentDefinition(id: tier.rawValue, name: "\(tier.rawValue.prefix(1).uppercased())\(tier.rawValue.dropFirst()) value", condition: .valueTier([tier]))
        })
    }
}

/// Where the importance levels begin, on the value score (1…5).
public struct ImportanceThresholds: Sendable, Hashable, Codable {
    /// VIP: value score strictly above this. Default 4 (the high tier).
    public var vipValueScoreAbove: Double
    /// Important: value score at least this. Default 3.
    public var importantMinimumValueScore: Double

    /// Creates thresholds.
    public init(vipValueScoreAbove: Double = 4, importantMinimumValueScore: Double = 3) {
        self.vipValueScoreAbove = vipValueScoreAbove
        self.importantMinimumValueScore = importantMinimumValueScore
    }
}

extension SegmentScheme {
    /// Importance (SEEDS.md §4): `vip` (value score above 4), `important` (value score at
    /// least 3), `ordinary` (every other customer, including those without a score).
    public static func importance(_ thresholds: ImportanceThresholds = ImportanceThresholds()) -> SegmentScheme {
        SegmentScheme(name: "importance", kind: .exclusive, segments: [
            SegmentDefinition(id: "vip", name: "VIP", condition: .score("value", .greater(thresholds.vipValueScoreAbove))),
            SegmentDefinition(id: "important", name: "Important",
                              condition: .all([.not(.segment("vip")), .score("value", .greaterOrEqual(thresholds.importantMinimumValueScore))])),
            SegmentDefinition(id: "ordinary", name: "Ordinary", condition: .all([.not(.segment("vip")), .not(.segment("important"))])),
        ], treatments: [
            "vip": ["dedicated account service", "exclusive offers"],
            "important": ["loyalty points", "targeted offers"],
            "ordinary": ["standard communications"],
        ])
    }
}
