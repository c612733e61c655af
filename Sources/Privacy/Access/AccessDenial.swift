#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// One requirement for access that is not met.
public enum MissingRequirement: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The purpose is not registered.
    case purposeNotRegistered(Purpose)
    /// No consent was ever recorded for the purpose (and channel).
    case consent(Purpose, channel: Channel?)
    /// Consent was withdrawn by the record.
    case consentWithdrawn(Purpose, channel: Channel?, record: ConsentRecordID)
    /// Consent lapsed at its expiry.
    case consentExpired(Purpose, channel: Channel?, expiredAt: Date)
    /// The person objected to the purpose.
    case objection(Purpose, record: ConsentRecordID)
    /// A field was asked for that the purpose does not cover.
    case fieldNotCovered(ProfileField, purpose: Purpose)
    /// The purpose needs consent per channel and no channel was named.
    case channelRequired(Purpose)

    public var description: String {
        switch self {
        case .purposeNotRegistered(let purpose): "purpose '\(purpose)' is not registered"
        case .consent(let purpose, let channel): "no consent for '\(purpose)'\(Self.over(channel))"
        case .consentWithdrawn(let purpose, let channel, let record): "consent for '\(purpose)'\(Self.over(channel)) was withdrawn (record \(record))"
        case .consentExpired(let purpose, let channel, let at): "consent for '\(purpose)'\(Self.over(channel)) expired at \(at.timeIntervalSince1970)"
        case .objection(let purpose, let record): "the customer objected to '\(purpose)' (record \(record))"
        case .fieldNotCovered(let field, let purpose): "field '\(field)' is not covered by purpose '\(purpose)'"
        case .channelRequired(let purpose): "purpose '\(purpose)' needs consent per channel, but no channel was named"
        }
    }

    private static func over(_ channel: Channel?) -> String { channel.map { " over \($0)" } ?? "" }
}

/// A refusal of access to personal data, naming everything that is missing.
///
/// Thrown by ``PurposeGate/authorize(_:at:)``; returned inside ``AccessDecision``.
public struct AccessDenial: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The request refused.
    public var request: AccessRequest
    /// Every unmet requirement, in a stable order.
    public var missing: [MissingRequirement]

    public init(request: AccessRequest, missing: [MissingRequirement]) {
        self.request = request
        self.missing = missing
    }

    public var description: String {
        "access to customer '\(request.customerID)' for '\(request.purpose)' denied: " + missing.map(\.description).joined(separator: "; ")
    }
}
