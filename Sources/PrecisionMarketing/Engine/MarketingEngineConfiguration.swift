#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Campaigns
import CustomerModel
import Privacy

/// What a ``MarketingEngine`` needs besides its stores: the currency, the key of its
/// pseudonyms, the declared purposes, the contact policy and the channels with their costs.
public struct MarketingEngineConfiguration: Sendable {
    /// The currency of orders and scores.
    public var currency: Currency
    /// The secret key of the keyed hash behind suppression fingerprints and audit
    /// pseudonyms (at least ``Pseudonymizer/minimumKeyByteCount`` bytes). Keep it stable:
    /// a new key forgets who was erased.
    public var pseudonymKey: [UInt8]
    /// The declared purposes and their legal bases.
    public var purposes: PurposeRegistry
    /// Frequency caps, minimum gap, quiet hours, fatigue, do-not-contact.
    public var contactPolicy: ContactPolicy
    /// The channels a campaign may use, their cost per contact and the age rule.
    public var channels: ChannelChoice
    /// The time zone of customers whose profile names none (for quiet hours).
    public var defaultTimeZone: TimeZone
    /// P(response) of a customer the caller gives no propensity for.
    public var defaultResponseProbability: Double

    /// Creates a configuration.
    /// - Throws: ``CampaignError`` `.invalidParameter` for a key shorter than
    ///   ``Pseudonymizer/minimumKeyByteCount`` or a default response probability outside [0, 1].
    public init(
        pseudonymKey: [UInt8], currency: Currency = .usd, purposes: PurposeRegistry = .standard,
        contactPolicy: ContactPolicy, channels: ChannelChoice,
        defaultTimeZone: TimeZone = TimeZone(secondsFromGMT: 0) ?? .current, defaultResponseProbability: Double = 0.05
    ) throws(CampaignError) {
        guard pseudonymKey.count >= Pseudonymizer.minimumKeyByteCount else {
            throw CampaignError(
                .invalidParameter, "the pseudonym key has \(pseudonymKey.count) bytes; at least \(Pseudonymizer.minimumKeyByteCount) are needed")
        }
        guard defaultResponseProbability >= 0, defaultResponseProbability <= 1 else {
            throw CampaignError(.invalidParameter, "the default response probability \(defaultResponseProbability) is not in [0, 1]")
        }
        self.pseudonymKey = pseudonymKey
        self.currency = currency
        self.purposes = purposes
        self.contactPolicy = contactPolicy
        self.channels = channels
        self.defaultTimeZone = defaultTimeZone
        self.defaultResponseProbability = defaultResponseProbability
    }
}
