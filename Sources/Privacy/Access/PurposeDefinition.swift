import CustomerModel

/// The lawful ground for processing (GDPR Art. 6(1), PIPL Art. 13).
public enum LegalBasis: String, Hashable, Sendable, Codable, CaseIterable {
    /// The person's consent for the purpose (per channel where the purpose says so).
    case consent
    /// Needed to perform a contract with the person (delivering an order).
    case contract
    /// Needed to meet a legal obligation (tax records).
    case legalObligation
    /// The controller's legitimate interest; the person may object (GDPR Art. 21).
    case legitimateInterest
}

/// A category of personal data, the unit of retention and of the notice.
public struct DataCategory: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The category's name.
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }
    public static func < (lhs: DataCategory, rhs: DataCategory) -> Bool { lhs.name < rhs.name }
    public init(from decoder: any Decoder) throws { name = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    /// Profile attributes (the fields a purpose lists).
    public static let profile = DataCategory("profile")
    /// Orders and order lines.
    public static let orders = DataCategory("orders")
    /// Interaction events: browsing, clicks, service contacts.
    public static let interactions = DataCategory("interactions")
    /// Messages sent and their responses.
    public static let contactHistory = DataCategory("contactHistory")
    /// Derived scores and segment memberships.
    public static let derived = DataCategory("derived")
}

/// A registered purpose: what it is for, on what basis, which data it uses and how long
/// it keeps them. The source of purpose-gated access and of the notice.
public struct PurposeDefinition: Hashable, Sendable, Codable {
    /// The purpose.
    public var purpose: Purpose
    /// A plain sentence saying what the data is used for, shown in the notice.
    public var statement: String
    /// The lawful ground.
    public var legalBasis: LegalBasis
    /// When the basis is consent: whether it must be given per channel (marketing) or
    /// once for the purpose (profiling, analytics).
    public var consentPerChannel: Bool
    /// The profile fields the purpose may read.
    public var fields: [ProfileField]
    /// The categories of data it uses.
    public var categories: [DataCategory]
    /// How long data used for the purpose is kept, in days.
    public var retentionDays: Int

    /// Creates a definition.
    public init(
        purpose: Purpose, statement: String, legalBasis: LegalBasis, consentPerChannel: Bool = false,
        fields: [ProfileField], categories: [DataCategory] = [.profile], retentionDays: Int
    ) {
        self.purpose = purpose
        self.statement = statement
        self.legalBasis = legalBasis
        self.consentPerChannel = consentPerChannel
        self.fields = fields
        self.categories = categories
        self.retentionDays = retentionDays
    }
}
