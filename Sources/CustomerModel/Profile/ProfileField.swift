/// The name of a profile attribute.
///
/// The well-known fields below cover the kinds of customer data in SEEDS.md §2; any other
/// name is a custom attribute. Field names are stable strings, so they are also the JSON keys.
public struct ProfileField: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }
    public static func < (lhs: ProfileField, rhs: ProfileField) -> Bool { lhs.name < rhs.name }
    public init(from decoder: any Decoder) throws {
        name = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    // Basic information
    public static let name = ProfileField("name")
    public static let gender = ProfileField("gender")
    public static let birthDate = ProfileField("birthDate")
    public static let occupation = ProfileField("occupation")
    public static let email = ProfileField("email")
    public static let phone = ProfileField("phone")
    public static let street = ProfileField("street")
    public static let city = ProfileField("city")
    public static let region = ProfileField("region")
    public static let postcode = ProfileField("postcode")
    public static let country = ProfileField("country")
    public static let companyCode = ProfileField("companyCode")
    public static let workplace = ProfileField("workplace")
    // Socio-economic and psychographic
    public static let incomeLevel = ProfileField("incomeLevel")
    public static let educationLevel = ProfileField("educationLevel")
    public static let personality = ProfileField("personality")
    public static let attitudes = ProfileField("attitudes")
    public static let habits = ProfileField("habits")
    public static let lifecycleStage = ProfileField("lifecycleStage")
    public static let painPoints = ProfileField("painPoints")
    // Preferences
    public static let interests = ProfileField("interests")
    public static let preferredBrands = ProfileField("preferredBrands")
    public static let preferredCategories = ProfileField("preferredCategories")
    public static let preferredProductSeries = ProfileField("preferredProductSeries")
    public static let preferredChannel = ProfileField("preferredChannel")
    // Acquisition
    public static let inquirySource = ProfileField("inquirySource")
    public static let inquiryCost = ProfileField("inquiryCost")
    // Identifiers used by identity resolution
    public static let loyaltyID = ProfileField("loyaltyID")
    public static let deviceIDs = ProfileField("deviceIDs")
}
