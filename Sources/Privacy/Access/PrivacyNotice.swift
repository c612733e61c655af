import CustomerModel

/// What the notice says about one purpose (GDPR Art. 13–14, PIPL Art. 17): what data is
/// used, for what, on what basis, from which sources, and for how long.
public struct PurposeNotice: Hashable, Sendable, Codable {
    public var purpose: Purpose
    public var legalBasis: LegalBasis
    /// The profile fields used, sorted.
    public var fields: [ProfileField]
    /// The data categories used, sorted.
    public var categories: [DataCategory]
    /// Where the data came from: distinct descriptions of provenance, sorted.
    public var sources: [String]
    public var retentionDays: Int
    /// The plain statement shown to the person.
    public var text: String
}

/// A notice generated from the registered purposes and the provenance of the data held.
public struct PrivacyNotice: Hashable, Sendable, Codable {
    /// The notice version, recorded in consent records when the notice is shown.
    public var version: String
    /// One section per registered purpose, sorted by purpose.
    public var purposes: [PurposeNotice]

    /// Generates the notice.
    ///
    /// `profiles` are the customers the notice speaks of: one customer for a personal
    /// notice (GDPR Art. 15 access), or a sample or all customers for the general notice.
    /// For each purpose, sources are the provenance of the purpose's fields in those
    /// profiles, described as `ownership method via channel (source)`.
    /// - Complexity: O(p · f) for p profiles and f fields.
    public init(version: String, registry: PurposeRegistry, profiles: [CustomerProfile]) {
        self.version = version
        purposes = registry.definitions.map { definition in
            var sources = Set<String>()
            for profile in profiles {
                for field in definition.fields {
                    if let provenance = profile.attributes[field]?.provenance { sources.insert(Self.describe(provenance)) }
                }
            }
            let fields = definition.fields.sorted()
            let categories = definition.categories.sorted()
            let sortedSources = sources.sorted()
            var text = "We use your \(fields.map(\.name).joined(separator: ", "))"
            if categories.contains(where: { $0 != .profile }) {
                text += " and your \(categories.filter { $0 != .profile }.map(\.name).joined(separator: ", ")) data"
            }
            text += " \(definition.statement)."
            text += " Basis: \(Self.basisText(definition.legalBasis, perChannel: definition.consentPerChannel))."
            text += sortedSources.isEmpty ? " We hold no such data about you yet." : " Sources: \(sortedSources.joined(separator: "; "))."
            text += " We keep it for \(definition.retentionDays) days."
            return PurposeNotice(purpose: definition.purpose, legalBasis: definition.legalBasis, fields: fields,
                                 categories: categories, sources: sortedSources, retentionDays: definition.retentionDays, text: text)
        }
    }

    /// `own customerUpdate via online (crm)`.
    public static func describe(_ provenance: Provenance) -> String {
        "\(provenance.ownership.rawValue) \(provenance.method.rawValue) via \(provenance.channel.rawValue)"
            + (provenance.source.map { " (\($0.rawValue))" } ?? "")
    }

    private static func basisText(_ basis: LegalBasis, perChannel: Bool) -> String {
        switch basis {
        case .consent: perChannel ? "your consent, per channel; you may withdraw it at any time" : "your consent; you may withdraw it at any time"
        case .contract: "needed to fulfil your orders"
        case .legalObligation: "required by law"
        case .legitimateInterest: "our legitimate interest; you may object at any time"
        }
    }
}
