/// The shape a country's postcodes take, checked without regular expressions.
///
/// Either a set of shapes, where `A` stands for an ASCII letter, `9` for a digit and any
/// other character for itself (`"A9A9A9"` is a Canadian postcode), or a length range of
/// ASCII letters and digits (hyphens ignored). Postcodes are checked in standard form:
/// upper case without spaces (``Standardisation/postcode(_:)``).
public struct PostcodePattern: Hashable, Sendable, Codable {
    /// The accepted shapes; empty when ``alphanumericLength`` applies instead.
    public var shapes: Set<String>
    /// The accepted number of letters and digits, when ``shapes`` is empty.
    public var alphanumericLength: ClosedRange<Int>

    /// A pattern that accepts exactly these shapes.
    public static func shapes(_ shapes: String...) -> PostcodePattern {
        PostcodePattern(shapes: Set(shapes), alphanumericLength: 0...0)
    }

    /// A pattern that accepts letters and digits (and hyphens) with this many letters and digits.
    public static func alphanumeric(_ length: ClosedRange<Int>) -> PostcodePattern {
        PostcodePattern(shapes: [], alphanumericLength: length)
    }

    /// Whether a postcode in standard form fits.
    /// - Complexity: O(n) in the length of the postcode.
    public func matches(_ standardised: String) -> Bool {
        if shapes.isEmpty {
            var count = 0
            for byte in standardised.utf8 where byte != UInt8(ascii: "-") {
                guard (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) else { return false }
                count += 1
            }
            return alphanumericLength.contains(count)
        }
        let shape = String(decoding: standardised.utf8.map { byte -> UInt8 in
            if byte >= 48 && byte <= 57 { return UInt8(ascii: "9") }
            if byte >= 65 && byte <= 90 { return UInt8(ascii: "A") }
            return byte
        }, as: UTF8.self)
        return shapes.contains(shape)
    }
}

/// Postcode patterns by country, with a fallback for every other country.
///
/// Standard patterns: US 5 or 9 digits (`12345`, `123456789`, `12345-6789`); CN 6 digits;
/// GB outward code `A9`, `A99`, `AA9`, `AA99`, `A9A` or `AA9A` followed by inward code
/// `9AA`; CA `A9A9A9`; DE and FR 5 digits; JP 7 digits (`1234567` or `123-4567`). Every
/// other country, and a missing country: 3 to 10 letters and digits. Countries are
/// ISO 3166 alpha-2 codes, case-insensitive; a few common spellings (`USA`, `UK`,
/// `China`, …) are mapped through ``aliases``.
public struct PostcodeRules: Hashable, Sendable, Codable {
    /// Pattern per upper-case ISO 3166 alpha-2 code.
    public var patterns: [String: PostcodePattern]
    /// The pattern for other countries.
    public var fallback: PostcodePattern
    /// Upper-case country spellings mapped to alpha-2 codes.
    public var aliases: [String: String]

    /// Creates rules.
    public init(
        patterns: [String: PostcodePattern] = PostcodeRules.standardPatterns,
        fallback: PostcodePattern = .alphanumeric(3...10),
        aliases: [String: String] = PostcodeRules.standardAliases
    ) {
        self.patterns = patterns
        self.fallback = fallback
        self.aliases = aliases
    }

    /// The standard rules.
    public static let standard = PostcodeRules()

    /// The standard country patterns.
    public static let standardPatterns: [String: PostcodePattern] = [
        "US": .shapes("99999", "999999999", "99999-9999"),
        "CN": .shapes("999999"),
        "GB": .shapes("A99AA", "A999AA", "AA99AA", "AA999AA", "A9A9AA", "AA9A9AA"),
        "CA": .shapes("A9A9A9"),
        "DE": .shapes("99999"),
        "FR": .shapes("99999"),
        "JP": .shapes("9999999", "999-9999"),
    ]

    /// The standard country aliases.
    public static let standardAliases: [String: String] = [
        "USA": "US", "UNITED STATES": "US", "UK": "GB", "GBR": "GB", "UNITED KINGDOM": "GB",
        "CHN": "CN", "CHINA": "CN", "CAN": "CA", "CANADA": "CA", "DEU": "DE", "GERMANY": "DE",
        "FRA": "FR", "FRANCE": "FR", "JPN": "JP", "JAPAN": "JP",
    ]

    /// The pattern that applies to a country (nil or unknown: the fallback).
    public func pattern(forCountry country: String?) -> PostcodePattern {
        guard let country else { return fallback }
        let code = Standardisation.collapsedWhitespace(country).uppercased()
        return patterns[aliases[code] ?? code] ?? fallback
    }

    /// Whether `postcode` is valid for `country`, after standardising it.
    /// - Complexity: O(n) in the length of the postcode.
    public func isValid(_ postcode: String, country: String?) -> Bool {
        pattern(forCountry: country).matches(Standardisation.postcode(postcode))
    }
}
