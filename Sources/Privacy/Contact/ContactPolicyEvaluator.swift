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
        try await evaluate([(customerID, channel)], at: date)[0]
    }

    /// The decisions for many (customer, channel) pairs at one instant, in request order:
    /// the same as one ``evaluate(_:channel:at:)`` each, with one read of each store (the
    /// suppression list, the consent ledger, the contact history) and the per-customer
    /// rules on all cores. This is what plans whole audiences. `consentLedger`, when given,
    /// is the gate's consent ledger already read for these customers (no second read).
    /// - Throws: store errors.
    /// - Complexity: O(n + r) for n requests and r records read, in parallel.
    public func evaluate(
        _ requests: [(customerID: CustomerID, channel: Channel)], at date: Date, consentLedger: ConsentLedger? = nil
    ) async throws -> [ContactDecision] {
        guard !requests.isEmpty else { return [] }
        var seen = Set<CustomerID>()
        let customers = requests.map(\.customerID).filter { seen.insert($0).inserted }
        let erased = try await suppression?.suppressedCustomers(customers) ?? []
        var consentReasons = [[MissingRequirement]](repeating: [], count: requests.count)
        if let gate {
            let accessRequests = requests.map {
                AccessRequest(customerID: $0.customerID, purpose: purpose, channel: $0.channel, actor: "contact-policy")
            }
            let decisions = if let consentLedger {
                try await gate.check(accessRequests, at: date, ledger: consentLedger)
            } else {
                try await gate.check(accessRequests, at: date)
            }
            for (k, decision) in decisions.enumerated() {
                if case .denied(let denial) = decision { consentReasons[k] = denial.missing }
            }
        }
        var rulesByChannel: [Channel: ContactRules] = [:]
        for request in requests where rulesByChannel[request.channel] == nil {
            rulesByChannel[request.channel] = ContactRules(policy: policy, channel: request.channel)
        }
        let lookBack = rulesByChannel.values.map(\.lookBack).max() ?? 0
        let records = try await history.contacts(for: customers, since: date.addingTimeInterval(-lookBack))
        var recordsOf: [CustomerID: [Int]] = [:]
        for (index, record) in records.enumerated() { recordsOf[record.customerID, default: []].append(index) }
        let sentAt = records.map(\.sentAt.timeIntervalSince1970)
        let responded = records.map { $0.respondedAt?.timeIntervalSince1970 ?? .infinity }
        let t = date.timeIntervalSince1970
        var minuteOfZone: [String: Int] = [defaultTimeZone.identifier: Self.localMinute(of: date, in: defaultTimeZone)]
        for zone in timeZones.values where minuteOfZone[zone.identifier] == nil {
            minuteOfZone[zone.identifier] = Self.localMinute(of: date, in: zone)
        }
        let pieces = requests.count < 4_096 ? 1 : 32
        let parts: [[ContactDecision]] = ParallelLoop.map(pieces) { piece in
            var out: [ContactDecision] = []
            for k in (requests.count * piece / pieces)..<(requests.count * (piece + 1) / pieces) {
                let (customerID, channel) = requests[k]
                var reasons: [SuppressionReason] = []
                if erased.contains(customerID) { reasons.append(.erased) }
                if policy.doNotContact.contains(customerID) { reasons.append(.doNotContact) }
                if !consentReasons[k].isEmpty { reasons.append(.consent(consentReasons[k])) }
                let rules = rulesByChannel[channel] ?? ContactRules(policy: policy, channel: channel)
                // This channel's look-back may be shorter than the longest one read.
                let since = t - rules.lookBack
                let own = (recordsOf[customerID] ?? []).filter { sentAt[$0] >= since }
                let zone = timeZones[customerID] ?? defaultTimeZone
                let minute = minuteOfZone[zone.identifier] ?? Self.localMinute(of: date, in: zone)
                let sent = own.map { sentAt[$0] }
                let onChannel = own.map { records[$0].channel == channel }
                let respondedAt = own.map { responded[$0] }
                let outcome = sent.withUnsafeBufferPointer { s in
                    onChannel.withUnsafeBufferPointer { c in
                        respondedAt.withUnsafeBufferPointer { r in
                            rules.evaluate(sentAt: s, onChannel: c, respondedAt: r, range: 0..<own.count, t: t,
                                           localMinute: minute, detailed: true)
                        }
                    }
                }
                for hit in outcome.capsHit { reasons.append(.frequencyCap(rules.caps[hit.index].cap, sent: hit.sent)) }
                if outcome.mask & ContactRules.gapBit != 0 {
                    reasons.append(.minimumGap(lastContactAt: Date(timeIntervalSince1970: outcome.lastContact), requiredSeconds: policy.minimumGapSeconds))
                }
                if outcome.mask & ContactRules.quietBit != 0 { reasons.append(.quietHours(localMinute: minute, timeZone: zone.identifier)) }
                if outcome.mask & ContactRules.fatigueBit != 0 { reasons.append(.fatigue(unanswered: outcome.unanswered)) }
                out.append(ContactDecision(reasons: reasons))
            }
            return out
        }
        return parts.flatMap { $0 }
    }

    /// Minutes after local midnight of `date` in `zone` (0..<1440), daylight saving included.
    public static func localMinute(of date: Date, in zone: TimeZone) -> Int {
        let local = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        let minutes = Int((local / 60).rounded(.down))
        return ((minutes % 1_440) + 1_440) % 1_440
    }
}
