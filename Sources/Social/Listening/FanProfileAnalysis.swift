import CustomerModel

/// The demographics, segments and value tiers of a social audience (fans who follow or
/// mention the brand), as counts and shares.
///
/// The caller supplies each fan's ``FanProfile`` (from the customer store, the snapshot,
/// the segmentation and the value tiers); Social does not import those modules. Each
/// attribute is tallied over the fans with a profile; a missing attribute counts as
/// ``unknown``. Shares are count / profiled fans; entries are ordered by count, then value.
public enum FanProfileAnalysis {
    /// The value a missing attribute is tallied under.
    public static let unknown = "unknown"

    /// The fans of the brand in `events`: customers who followed the brand (a follow
    /// without a target) or mentioned it (a mention without a target customer), in order of
    /// first appearance.
    /// - Complexity: O(n).
    public static func brandFans(in events: [SocialEvent]) -> [CustomerID] {
        var seen = Set<CustomerID>()
        var fans: [CustomerID] = []
        for event in events where (event.kind == .follow || event.kind == .mention) && event.targetCustomerID == nil {
            if seen.insert(event.customerID).inserted { fans.append(event.customerID) }
        }
        return fans
    }

    /// Tallies the profiles of `fans` (duplicates counted once).
    /// - Complexity: O(n log n) for n fans, plus the lookups.
    public static func analyze(fans: [CustomerID], profile: (CustomerID) -> FanProfile?) -> FanProfileReport {
        var seen = Set<CustomerID>()
        var tallies: [[String: Int]] = [[:], [:], [:], [:]]
        var profiled = 0
        for fan in fans where seen.insert(fan).inserted {
            guard let p = profile(fan) else { continue }
            profiled += 1
            for (k, value) in [p.ageBand, p.region, p.segment, p.tier].enumerated() {
                tallies[k][value ?? unknown, default: 0] += 1
            }
        }
        func shares(_ tally: [String: Int]) -> [AttributeShare] {
            tally.map { AttributeShare(value: $0.key, count: $0.value, share: Double($0.value) / Double(profiled)) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        }
        return FanProfileReport(fans: seen.count, profiled: profiled, ageBands: shares(tallies[0]),
                                regions: shares(tallies[1]), segments: shares(tallies[2]), tiers: shares(tallies[3]))
    }
}

/// What is known of one fan.
public struct FanProfile: Hashable, Sendable, Codable {
    /// The age band (see ``ageBand(birthDate:asOf:)``).
    public var ageBand: String?
    /// The region.
    public var region: String?
    /// The segment (an RFM segment name, a lifecycle stage, …).
    public var segment: String?
    /// The value tier.
    public var tier: String?

    /// Creates a profile.
    public init(ageBand: String? = nil, region: String? = nil, segment: String? = nil, tier: String? = nil) {
        self.ageBand = ageBand
        self.region = region
        self.segment = segment
        self.tier = tier
    }

    /// The band of the age in whole years on `asOf`: `<18`, `18-24`, `25-34`, `35-44`,
    /// `45-54`, `55+`; nil for a birth date after `asOf`.
    public static func ageBand(birthDate: CalendarDay, asOf: CalendarDay) -> String? {
        guard birthDate <= asOf else { return nil }
        let b = birthDate.components, a = asOf.components
        var age = a.year - b.year
        if (a.month, a.day) < (b.month, b.day) { age -= 1 }
        switch age {
        case ..<18: return "<18"
        case 18...24: return "18-24"
        case 25...34: return "25-34"
        case 35...44: return "35-44"
        case 45...54: return "45-54"
        default: return "55+"
        }
    }
}

/// One value of an attribute with its count and share.
public struct AttributeShare: Hashable, Sendable, Codable {
    /// The value.
    public var value: String
    /// Fans with it.
    public var count: Int
    /// count / profiled fans.
    public var share: Double
}

/// The tallies of a fan audience.
public struct FanProfileReport: Hashable, Sendable, Codable {
    /// Distinct fans.
    public var fans: Int
    /// Fans with a profile.
    public var profiled: Int
    /// By age band.
    public var ageBands: [AttributeShare]
    /// By region.
    public var regions: [AttributeShare]
    /// By segment.
    public var segments: [AttributeShare]
    /// By value tier.
    public var tiers: [AttributeShare]
}
