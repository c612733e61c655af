/// The quasi-identifiers of one person in a release: attributes that do not name anyone
/// alone but can single a person out in combination (Sweeney 2002).
public struct QuasiIdentifiers: Hashable, Sendable, Codable {
    public var age: Int?
    public var gender: String?
    public var postcode: String?
    public var region: String?

    public init(age: Int?, gender: String?, postcode: String?, region: String?) {
        self.age = age
        self.gender = gender
        self.postcode = postcode
        self.region = region
    }
}

/// How far each quasi-identifier is generalised: a point in the generalisation lattice.
///
/// Levels: age 0 exact, 1 five-year bands, 2 ten-year bands, 3 twenty-year bands, 4 hidden;
/// postcode level j drops the last j characters (`SW1A 1AA` → `SW1A 1*` at level 2), and
/// the maximum level hides it; gender and region are kept (0) or hidden (1).
public struct Generalisation: Hashable, Sendable, Codable {
    public var ageLevel: Int
    public var postcodeLevel: Int
    public var genderLevel: Int
    public var regionLevel: Int

    public init(ageLevel: Int = 0, postcodeLevel: Int = 0, genderLevel: Int = 0, regionLevel: Int = 0) {
        self.ageLevel = ageLevel
        self.postcodeLevel = postcodeLevel
        self.genderLevel = genderLevel
        self.regionLevel = regionLevel
    }

    /// Nothing generalised.
    public static let none = Generalisation()
    /// The age band widths per level (0 means hidden).
    public static let ageBandWidths = [1, 5, 10, 20, 0]

    /// The generalised value of `age` at `level`: `37`, `35-39`, `30-39`, `20-39`, `*`.
    public static func age(_ age: Int?, level: Int) -> String {
        guard let age else { return "?" }
        let width = ageBandWidths[min(level, ageBandWidths.count - 1)]
        if width == 0 { return "*" }
        if width == 1 { return String(age) }
        let low = Int((Double(age) / Double(width)).rounded(.down)) * width
        return "\(low)-\(low + width - 1)"
    }

    /// The generalised value of `postcode` with its last `level` characters dropped.
    public static func postcode(_ postcode: String?, level: Int) -> String {
        guard let postcode else { return "?" }
        if level <= 0 { return postcode }
        let kept = max(postcode.count - level, 0)
        return kept == 0 ? "*" : String(postcode.prefix(kept)) + "*"
    }

    /// The generalised row as one key (values joined by a separator no value contains).
    func key(_ row: QuasiIdentifiers) -> [String] {
        [Self.age(row.age, level: ageLevel), Self.postcode(row.postcode, level: postcodeLevel),
         genderLevel > 0 ? "*" : (row.gender ?? "?"), regionLevel > 0 ? "*" : (row.region ?? "?")]
    }
}
