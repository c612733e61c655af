#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where a datum came from, how it was obtained, over which channel, and when.
///
/// Every profile attribute carries one (SEEDS.md §2: own versus external data, the
/// customer's own update versus data gathered through activities, the online, offline or
/// survey channel). Consent and notices (Privacy) read it.
public struct Provenance: Hashable, Sendable, Codable {
    /// First-party (own) data or data from an external or third-party provider.
    public enum Ownership: String, Hashable, Sendable, Codable, CaseIterable {
        case own
        case external
    }

    /// How the datum was obtained.
    public struct Method: Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
        public init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }

        /// The customer updated it themselves (a profile form, an app setting).
        public static let customerUpdate = Method("customerUpdate")
        /// Gathered through a coupon campaign.
        public static let coupon = Method("coupon")
        /// Gathered through a sweepstake or lottery.
        public static let sweepstake = Method("sweepstake")
        /// Gathered from a warranty card.
        public static let warrantyCard = Method("warrantyCard")
        /// A questionnaire or survey answer.
        public static let survey = Method("survey")
        /// Recorded with a purchase.
        public static let purchase = Method("purchase")
        /// Inferred by a model or rule, not stated by anyone.
        public static let inference = Method("inference")
        /// Website or app tracking (cookies, pixels, instrumentation).
        public static let tracking = Method("tracking")
        /// A social-media platform API.
        public static let socialPlatform = Method("socialPlatform")
        /// An offline event: trade show, seminar.
        public static let offlineEvent = Method("offlineEvent")
        /// A third-party data provider.
        public static let thirdPartyProvider = Method("thirdPartyProvider")
        /// A bulk import from another system (legacy CRM, e-commerce platform).
        public static let systemImport = Method("systemImport")
    }

    /// The channel through which it was collected.
    public enum CollectionChannel: String, Hashable, Sendable, Codable, CaseIterable {
        case online
        case offline
        case survey
    }

    /// Own or external data.
    public var ownership: Ownership
    /// How it was obtained.
    public var method: Method
    /// Online, offline or survey.
    public var channel: CollectionChannel
    /// When the value was observed (or stated) by the source.
    public var observedAt: Date
    /// The system, partner or feed that supplied it, if known.
    public var source: SourceID?

    /// Creates a provenance record.
    public init(
        ownership: Ownership = .own,
        method: Method,
        channel: CollectionChannel,
        observedAt: Date,
        source: SourceID? = nil
    ) {
        self.ownership = ownership
        self.method = method
        self.channel = channel
        self.observedAt = observedAt
        self.source = source
    }
}

/// A value together with its provenance.
public struct Attributed<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// Where and when it came from.
    public var provenance: Provenance

    public init(_ value: Value, provenance: Provenance) {
        self.value = value
        self.provenance = provenance
    }
}

extension Attributed: Equatable where Value: Equatable {}
extension Attributed: Hashable where Value: Hashable {}
extension Attributed: Codable where Value: Codable {}
