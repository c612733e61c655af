/// The purposes a controller has declared (GDPR Art. 30 records of processing, PIPL Art. 17).
///
/// Access, notices and retention read it; a purpose that is not registered cannot be used.
public struct PurposeRegistry: Sendable, Codable, Hashable {
    /// The definitions, sorted by purpose.
    public private(set) var definitions: [PurposeDefinition] = []

    /// Creates a registry.
    /// - Throws: ``PrivacyError`` `.invalidParameter` for a purpose given twice, an empty
    ///   statement, a negative retention or a consent-per-channel flag on a non-consent basis.
    public init(_ definitions: [PurposeDefinition]) throws {
        for definition in definitions { try register(definition) }
    }

    /// Adds a definition.
    /// - Throws: see ``init(_:)``.
    public mutating func register(_ entry: PurposeDefinition) throws {
        let definition = entry
        let name = definition.purpose.name
        guard !name.isEmpty else { throw PrivacyError(.invalidParameter, "a purpose has an empty name") }
        guard self.definition(for: definition.purpose) == nil else {
            throw PrivacyError(.invalidParameter, "purpose '\(name)' is registered twice")
        }
        guard !definition.statement.isEmpty else {
            throw PrivacyError(.invalidParameter, "purpose '\(name)' has no statement for the notice")
        }
        guard definition.retentionDays >= 0 else {
            throw PrivacyError(.invalidParameter, "purpose '\(name)' has a negative retention of \(definition.retentionDays) days")
        }
        guard !definition.consentPerChannel || definition.legalBasis == .consent else {
            throw PrivacyError(.invalidParameter, "purpose '\(name)' asks for consent per channel but its basis is \(definition.legalBasis.rawValue)")
        }
        definitions.append(definition)
        definitions.sort { $0.purpose < $1.purpose }
    }

    /// The definition of `purpose`, if registered.
    public func definition(for purpose: Purpose) -> PurposeDefinition? {
        definitions.first { $0.purpose == purpose }
    }

    /// The registered definition of `purpose`.
    /// - Throws: ``PrivacyError`` `.unknownPurpose` when it is not registered.
    public func require(_ purpose: Purpose) throws -> PurposeDefinition {
        guard let definition = definition(for: purpose) else {
            throw PrivacyError(.unknownPurpose, "purpose '\(purpose)' is not registered; registered: \(definitions.map(\.purpose.name))")
        }
        return definition
    }

    /// A registry with the common CRM purposes: marketing (consent per channel, 730 days),
    /// profiling (consent, 730 days), personalisation (consent, 365 days), analytics
    /// (legitimate interest, 1095 days), third-party sharing (consent, 365 days), tracking
    /// by cookies, pixels and app instrumentation (consent, 395 days: 13 months).
    public static var standard: PurposeRegistry {
        // The definitions are valid by construction, so registration cannot fail.
        var registry = PurposeRegistry()
        registry.definitions = [
            PurposeDefinition(purpose: .analytics, statement: "to measure and report how our products, stores and campaigns perform, in aggregate",
                              legalBasis: .legitimateInterest, fields: [.region, .postcode, .birthDate, .gender],
                              categories: [.profile, .orders, .interactions], retentionDays: 1_095),
            PurposeDefinition(purpose: .marketing, statement: "to send you offers and news over the channels you chose",
                              legalBasis: .consent, consentPerChannel: true, fields: [.name, .email, .phone, .street, .city, .postcode, .preferredChannel],
                              categories: [.profile, .contactHistory], retentionDays: 730),
            PurposeDefinition(purpose: .personalisation, statement: "to recommend products and tailor content to your interests",
                              legalBasis: .consent, fields: [.interests, .preferredBrands, .preferredCategories],
                              categories: [.profile, .orders, .interactions], retentionDays: 365),
            PurposeDefinition(purpose: .profiling, statement: "to score and segment customers by their purchases and behaviour",
                              legalBasis: .consent, fields: [.birthDate, .gender, .region, .incomeLevel, .interests],
                              categories: [.profile, .orders, .interactions, .derived], retentionDays: 730),
            PurposeDefinition(purpose: .tracking, statement: "to record how you use our website and app with cookies, pixels and app instrumentation",
                              legalBasis: .consent, fields: [.deviceIDs], categories: [.interactions], retentionDays: 395),
            PurposeDefinition(purpose: .thirdPartySharing, statement: "to share your contact details with partners you agreed to",
                              legalBasis: .consent, fields: [.name, .email, .phone], categories: [.profile], retentionDays: 365),
        ]
        registry.definitions.sort { $0.purpose < $1.purpose }
        return registry
    }

    private init() {}
}
