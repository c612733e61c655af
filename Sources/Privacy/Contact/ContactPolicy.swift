#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// At most `limit` messages over `channel` (every channel when nil) in any rolling window
/// of `windowSeconds` ending at the instant evaluated.
public struct FrequencyCap: Hashable, Sendable, Codable {
    public var channel: Channel?
    public var limit: Int
    public var windowSeconds: Double
    public init(channel: Channel?, limit: Int, windowSeconds: Double) {
        self.channel = channel
        self.limit = limit
        self.windowSeconds = windowSeconds
    }
    /// `limit` messages per `days` days.
    public static func perDays(_ days: Double, limit: Int, channel: Channel? = nil) -> FrequencyCap {
        FrequencyCap(channel: channel, limit: limit, windowSeconds: days * 86_400)
    }
}

/// Hours in the customer's own local time when no message may arrive; `start` and `end`
/// are minutes after local midnight, and the span may wrap midnight (22:00–08:00).
public struct QuietHours: Hashable, Sendable, Codable {
    public var startMinute: Int
    public var endMinute: Int
    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }
    /// From `startHour`:00 to `endHour`:00 local time.
    public init(fromHour startHour: Int, toHour endHour: Int) {
        self.init(startMinute: startHour * 60, endMinute: endHour * 60)
    }
    /// True when `minute` (0..<1440, local) is inside the quiet span.
    public func contains(minute: Int) -> Bool {
        startMinute <= endMinute ? (minute >= startMinute && minute < endMinute) : (minute >= startMinute || minute < endMinute)
    }
}

/// Suppress a customer whose latest `unansweredLimit` messages within `windowSeconds` all
/// went without a response: fatigue, the early sign of harassment.
public struct FatigueRule: Hashable, Sendable, Codable {
    public var unansweredLimit: Int
    public var windowSeconds: Double
    public init(unansweredLimit: Int, windowSeconds: Double) {
        self.unansweredLimit = unansweredLimit
        self.windowSeconds = windowSeconds
    }
}

/// The contact policy (SEEDS.md §6: precise control of the frequency and timing of every
/// interaction; GDPR Art. 21(2)–(3) and PIPL Art. 24 for direct marketing): frequency caps,
/// a minimum gap between messages, quiet hours in the customer's time zone, a fatigue rule
/// and a global do-not-contact list.
public struct ContactPolicy: Hashable, Sendable, Codable {
    public var caps: [FrequencyCap]
    /// The least time between two messages to one customer over any channel, in seconds (0: none).
    public var minimumGapSeconds: Double
    public var quietHours: QuietHours?
    public var fatigue: FatigueRule?
    /// Customers never to be contacted, by id.
    public var doNotContact: Set<CustomerID>

    /// Creates a policy.
    /// - Throws: ``PrivacyError`` `.invalidParameter` for a cap limit below 1, a window or gap
    ///   that is negative or not finite, quiet-hour minutes outside 0..<1440, or a fatigue limit below 1.
    public init(caps: [FrequencyCap] = [], minimumGapSeconds: Double = 0, quietHours: QuietHours? = nil,
                fatigue: FatigueRule? = nil, doNotContact: Set<CustomerID> = []) throws {
        for (index, cap) in caps.enumerated() {
            guard cap.limit >= 1 else { throw PrivacyError(.invalidParameter, "cap \(index) has limit \(cap.limit); it must be at least 1") }
            guard cap.windowSeconds.isFinite, cap.windowSeconds > 0 else {
                throw PrivacyError(.invalidParameter, "cap \(index) has window \(cap.windowSeconds) s; it must be positive and finite")
            }
        }
        guard minimumGapSeconds.isFinite, minimumGapSeconds >= 0 else {
            throw PrivacyError(.invalidParameter, "minimum gap \(minimumGapSeconds) s must be finite and not negative")
        }
        if let quietHours {
            for minute in [quietHours.startMinute, quietHours.endMinute] where !(0..<1_440).contains(minute) {
                throw PrivacyError(.invalidParameter, "quiet-hours minute \(minute) is outside 0..<1440")
            }
        }
        if let fatigue {
            guard fatigue.unansweredLimit >= 1, fatigue.windowSeconds.isFinite, fatigue.windowSeconds > 0 else {
                throw PrivacyError(.invalidParameter, "fatigue rule needs a limit of at least 1 and a positive window, got \(fatigue.unansweredLimit) in \(fatigue.windowSeconds) s")
            }
        }
        self.caps = caps
        self.minimumGapSeconds = minimumGapSeconds
        self.quietHours = quietHours
        self.fatigue = fatigue
        self.doNotContact = doNotContact
    }
}

/// Why a message is held back.
public enum SuppressionReason: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The customer is on the do-not-contact list.
    case doNotContact
    /// The customer was erased; a keyed-hash suppression record blocks contact.
    case erased
    /// Consent (or another basis) for marketing over the channel is missing.
    case consent([MissingRequirement])
    /// A cap is reached: `sent` messages already in its window.
    case frequencyCap(FrequencyCap, sent: Int)
    /// The last message was sent less than the minimum gap ago.
    case minimumGap(lastContactAt: Date, requiredSeconds: Double)
    /// It is within quiet hours in the customer's time zone (`localMinute` after local midnight).
    case quietHours(localMinute: Int, timeZone: String)
    /// The latest `unanswered` messages went without response.
    case fatigue(unanswered: Int)

    public var description: String {
        switch self {
        case .doNotContact: "on the do-not-contact list"
        case .erased: "erased: suppression record"
        case .consent(let missing): missing.map(\.description).joined(separator: "; ")
        case .frequencyCap(let cap, let sent):
            "cap of \(cap.limit) per \(cap.windowSeconds / 86_400) days\(cap.channel.map { " over \($0)" } ?? "") reached (\(sent) sent)"
        case .minimumGap(let last, let gap): "last message at \(last.timeIntervalSince1970) is less than \(gap) s ago"
        case .quietHours(let minute, let zone): "quiet hours: \(minute / 60):\(minute % 60 < 10 ? "0" : "")\(minute % 60) in \(zone)"
        case .fatigue(let unanswered): "fatigue: \(unanswered) messages without response"
        }
    }
}

/// The outcome of evaluating one contact.
public struct ContactDecision: Hashable, Sendable, Codable {
    /// Every reason the contact is held back; empty when allowed.
    public var reasons: [SuppressionReason]
    /// True when nothing holds the contact back.
    public var isAllowed: Bool { reasons.isEmpty }
    public init(reasons: [SuppressionReason]) { self.reasons = reasons }
}
