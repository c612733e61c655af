import Foundation
import CustomerModel

/// Decides whether one message may go to one customer over one channel at one instant,
/// and if not, gives every reason.
///
/// Reads the contact history from a ``ContactHistoryStore``; with a ``PurposeGate`` it also
/// requires marketing consent for the channel, and with a ``SuppressionList`` it holds back
/// erased people. Quiet hours use the customer's own `TimeZone` (Foundation; daylight-saving
/// changes included), or ``defaultTimeZone`` for customers without one.
///
/// ```swift
/// let decision = try await evaluator.evaluate("c-1", channel: .sms, at: now)
/// if !decision.isAllowed { print(decision.reasons) }   // [.quietHours(...), .frequencyCap(...)]
/// ```
public struct ContactPolicyEvaluator: Sendable {
    public let policy: ContactPolicy
    public let history: any ContactHistoryStore
    public let gate: PurposeGate?
    public let suppression: SuppressionList?
    /// Each customer's time zone.
    public let timeZones: [CustomerID: TimeZone]
    /// The time zone of customers not in ``timeZones``.
    public let defaultTimeZone: TimeZone
    /// The purpose that contacts serve (``Purpose/marketing`` by default).
    public let purpose: Purpose

    public init(policy: ContactPolicy, history: any ContactHistoryStore, gate: PurposeGate? = nil, suppression: SuppressionList? = nil,
                timeZones: [CustomerID: TimeZone] = [:], defaultTimeZone: TimeZone = TimeZone(secondsFromGMT: 0) ?? .current,
                purpose: Purpose = .marketing) {
        self.policy = policy
        self.history = history
        self.gate = gate
        self.suppression = suppression
        self.timeZones = timeZones
        self.defaultTimeZone = defaultTimeZone
        self.purpose = purpose
    }

    /// Allowed, or suppressed with every reason, in the order: erased, do-not-contact,
    /// consent, caps, minimum gap, quiet hours, fatigue.
    /// - Throws: store errors.
    public func evaluate(_ customerID: CustomerID, channel: Channel, at date: Date) async throws -> ContactDecision {
        var reasons: [SuppressionReason] = []
        if let suppression, try await suppression.isSuppressed(customerID: customerID) { reasons.append(.erased) }
        if policy.doNotContact.contains(customerID) { reasons.append(.doNotContact) }
        if let gate {
            let request = AccessRequest(customerID: customerID, purpose: purpose, channel: channel, actor: "contact-policy")
            if case .denied(let denial) = try await gate.check(request, at: date) { reasons.append(.consent(denial.missing)) }
        }
        let rules = ContactRules(policy: policy, channel: channel)
        let since = date.addingTimeInterval(-rules.lookBack)
        let records = try await history.contacts(for: [customerID], since: since)
        let zone = timeZones[customerID] ?? defaultTimeZone
        let minute = Self.localMinute(of: date, in: zone)
        let sentAt = records.map(\.sentAt.timeIntervalSince1970)
        let onChannel = records.map { $0.channel == channel }
        let responded = records.map { $0.respondedAt?.timeIntervalSince1970 ?? .infinity }
        let outcome = sentAt.withUnsafeBufferPointer { s in
            onChannel.withUnsafeBufferPointer { c in
                responded.withUnsafeBufferPointer { r in
                    rules.evaluate(sentAt: s, onChannel: c, respondedAt: r, range: 0..<records.count,
                                   t: date.timeIntervalSince1970, localMinute: minute, detailed: true)
                }
            }
        }
        for hit in outcome.capsHit { reasons.append(.frequencyCap(rules.caps[hit.index].cap, sent: hit.sent)) }
        if outcome.mask & ContactRules.gapBit != 0 {
            reasons.append(.minimumGap(lastContactAt: Date(timeIntervalSince1970: outcome.lastContact), requiredSeconds: policy.minimumGapSeconds))
        }
        if outcome.mask & ContactRules.quietBit != 0 { reasons.append(.quietHours(localMinute: minute, timeZone: zone.identifier)) }
        if outcome.mask & ContactRules.fatigueBit != 0 { reasons.append(.fatigue(unanswered: outcome.unanswered)) }
        return ContactDecision(reasons: reasons)
    }

    /// Minutes after local midnight of `date` in `zone` (0..<1440), daylight saving included.
    public static func localMinute(of date: Date, in zone: TimeZone) -> Int {
        let local = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        let minutes = Int((local / 60).rounded(.down))
        return ((minutes % 1_440) + 1_440) % 1_440
    }
}
