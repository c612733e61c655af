#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Identifies one entry of the consent ledger.
public struct ConsentRecordID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// What a person decided about a purpose (and channel).
public enum ConsentDecision: String, Hashable, Sendable, Codable, CaseIterable {
    /// Consent given (GDPR Art. 7, PIPL Art. 14).
    case granted
    /// Consent withdrawn (GDPR Art. 7(3), PIPL Art. 15): processing for the purpose stops.
    case withdrawn
    /// An objection (GDPR Art. 21, PIPL Art. 24(3)): stops processing based on legitimate
    /// interest, and profiling whatever its basis.
    case objected
}

/// How a consent decision was collected, so that it can be proven (GDPR Art. 7(1)).
public struct ConsentMethod: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The method's name.
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }
    public init(from decoder: any Decoder) throws { name = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    /// A form the person filled in (a checkbox that was not pre-ticked).
    public static let form = ConsentMethod("form")
    /// A form followed by a confirmation link sent to the address.
    public static let doubleOptIn = ConsentMethod("doubleOptIn")
    /// Imported from another system that recorded the decision.
    public static let systemImport = ConsentMethod("import")
    /// A preference centre or app setting.
    public static let preferenceCentre = ConsentMethod("preferenceCentre")
    /// An unsubscribe link in a message.
    public static let unsubscribeLink = ConsentMethod("unsubscribeLink")
    /// Stated to an agent by phone or in a store, and recorded by the agent.
    public static let verbal = ConsentMethod("verbal")
}

/// One entry of the append-only consent ledger: who decided what, for which purpose and
/// channel, when, how, having seen which notice, and until when.
///
/// The current state is never stored; it is derived from the history (``ConsentLedger``),
/// so every past state can be proven.
public struct ConsentRecord: Hashable, Sendable, Codable, Identifiable {
    /// Unique per entry.
    public var id: ConsentRecordID
    /// The person.
    public var customerID: CustomerID
    /// The purpose decided on.
    public var purpose: Purpose
    /// The channel decided on; nil means every channel (a purpose-wide decision).
    public var channel: Channel?
    /// Granted, withdrawn or objected.
    public var decision: ConsentDecision
    /// When the decision was made.
    public var recordedAt: Date
    /// How it was collected.
    public var method: ConsentMethod
    /// The version of the notice the person was shown, if any.
    public var noticeVersion: String?
    /// When a grant lapses (nil: it does not lapse). Ignored for withdrawals and objections.
    public var expiresAt: Date?
    /// The system that captured it, if known.
    public var source: SourceID?

    /// Creates a record.
    public init(
        id: ConsentRecordID, customerID: CustomerID, purpose: Purpose, channel: Channel? = nil,
        decision: ConsentDecision, recordedAt: Date, method: ConsentMethod,
        noticeVersion: String? = nil, expiresAt: Date? = nil, source: SourceID? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.purpose = purpose
        self.channel = channel
        self.decision = decision
        self.recordedAt = recordedAt
        self.method = method
        self.noticeVersion = noticeVersion
        self.expiresAt = expiresAt
        self.source = source
    }

    /// Why the record is malformed, or nil when it is valid.
    public var validationFailure: String? {
        if id.rawValue.isEmpty { return "consent record of customer '\(customerID)' has an empty id" }
        if customerID.rawValue.isEmpty { return "consent record '\(id)' has an empty customer id" }
        if purpose.name.isEmpty { return "consent record '\(id)' has an empty purpose" }
        if let expiresAt, expiresAt <= recordedAt {
            return "consent record '\(id)' expires at \(expiresAt.timeIntervalSince1970), not after it was recorded (\(recordedAt.timeIntervalSince1970))"
        }
        return nil
    }

    /// True when `self` orders before `other` in a history: by time, then id.
    func precedesInHistory(_ other: ConsentRecord) -> Bool {
        recordedAt != other.recordedAt ? recordedAt < other.recordedAt : StoreOrder.precedes(id, other.id)
    }
}
