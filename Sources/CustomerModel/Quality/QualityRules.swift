/// The settings of data-quality assessment: which fields are required, what counts as a
/// valid value, how timeliness decays, and how the three measures combine.
///
/// Defaults:
/// - required fields: `name`, `email`, `phone`, `birthDate`, `postcode`, `country`;
/// - phone: 7 to 15 digits after normalisation (E.164 allows at most 15), and only
///   digits, spaces and `+ - ( ) . /` in the text;
/// - postcodes: ``PostcodeRules/standard``; birth dates: not after the as-of date, age at
///   most 120;
/// - timeliness: ``TimelinessDecay/standard``; weights: ``QualityWeights/standard``.
public struct QualityRules: Hashable, Sendable, Codable {
    /// Fields whose presence completeness measures.
    public var requiredFields: [ProfileField]
    /// Accepted number of digits in a phone number.
    public var phoneDigits: ClosedRange<Int>
    /// How phones are normalised before counting digits (shared with identity resolution).
    public var phone: PhoneNormalization
    /// Postcode patterns by country.
    public var postcodes: PostcodeRules
    /// The highest plausible age in years.
    public var maximumAge: Int
    /// Timeliness by age of the last update.
    public var timeliness: TimelinessDecay
    /// Weights of the overall score.
    public var weights: QualityWeights

    /// Creates rules; every parameter has the documented default.
    public init(
        requiredFields: [ProfileField] = QualityRules.standardRequiredFields,
        phoneDigits: ClosedRange<Int> = 7...15,
        phone: PhoneNormalization = PhoneNormalization(),
        postcodes: PostcodeRules = .standard,
        maximumAge: Int = 120,
        timeliness: TimelinessDecay = .standard,
        weights: QualityWeights = .standard
    ) {
        self.requiredFields = requiredFields
        self.phoneDigits = phoneDigits
        self.phone = phone
        self.postcodes = postcodes
        self.maximumAge = maximumAge
        self.timeliness = timeliness
        self.weights = weights
    }

    /// `name`, `email`, `phone`, `birthDate`, `postcode`, `country`.
    public static let standardRequiredFields: [ProfileField] = [.name, .email, .phone, .birthDate, .postcode, .country]

    /// The standard rules.
    public static let standard = QualityRules()
}
