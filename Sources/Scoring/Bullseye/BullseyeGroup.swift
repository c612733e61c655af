/// The groups of Bullseye criteria (SEEDS.md §3), in their documented order.
public enum BullseyeGroup: String, Hashable, Sendable, Codable, CaseIterable {
    /// Who the product is aimed at.
    case targetMarket
    /// The segmentation used.
    case segmentation
    /// The product or service itself.
    case productOrService
    /// The brand.
    case brand
    /// Direct sales and competition.
    case directSalesAndCompetition
    /// Price.
    case price
    /// Promotion.
    case promotion
    /// The environment (legal, socio-cultural, political, economic, technological).
    case environment
}

/// The fit band of a Bullseye rating or mean rating.
///
/// Integer ratings: 0–1 low, 2–4 low to medium, 5–7 medium, 8–10 high. A mean rating r
/// uses the same bands read as half-open intervals: r < 2 low, 2 ≤ r < 5 low to medium,
/// 5 ≤ r < 8 medium, r ≥ 8 high.
public enum BullseyeBand: String, Hashable, Sendable, Codable, CaseIterable {
    /// Very poor fit (0–1).
    case low
    /// Low to medium fit (2–4).
    case lowToMedium
    /// Medium fit (5–7).
    case medium
    /// High fit (8–10).
    case high

    /// The band of a rating or mean rating in 0…10.
    public init(rating: Double) {
        switch rating {
        case ..<2: self = .low
        case ..<5: self = .lowToMedium
        case ..<8: self = .medium
        default: self = .high
        }
    }
}
