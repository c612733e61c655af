import CustomerModel

/// Why personal data is processed: the unit of consent and notice (GDPR Art. 5(1)(b) and 6,
/// PIPL Art. 6 and 14).
///
/// Extensible: the purposes the issue names are predefined; any other name works once it
/// is registered in a ``PurposeRegistry``.
public struct Purpose: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The purpose's stable name, also its JSON spelling.
    public let name: String
    /// Creates a purpose.
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }
    public static func < (lhs: Purpose, rhs: Purpose) -> Bool { lhs.name < rhs.name }
    public init(from decoder: any Decoder) throws { name = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    /// Sending marketing messages (per channel).
    public static let marketing = Purpose("marketing")
    /// Automated evaluation of personal aspects: scores, segments, propensities (GDPR Art. 4(4), 21, 22; PIPL Art. 24).
    public static let profiling = Purpose("profiling")
    /// Tailoring content and recommendations to the person.
    public static let personalisation = Purpose("personalisation")
    /// Aggregate analysis and reporting.
    public static let analytics = Purpose("analytics")
    /// Giving personal data to another controller (PIPL Art. 23 asks for separate consent).
    public static let thirdPartySharing = Purpose("thirdPartySharing")
    /// Tracking on the web and in apps: cookies, pixels, instrumentation (ePrivacy Art. 5(3)).
    public static let tracking = Purpose("tracking")
}
