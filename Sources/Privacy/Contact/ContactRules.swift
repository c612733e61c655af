import CustomerModel

/// The contact rules on one customer's history in columns, shared by the per-customer
/// ``ContactPolicyEvaluator`` and the bulk ``AudienceScreen`` so both decide alike.
struct ContactRules: Sendable {
    /// Caps that apply to the channel evaluated: `onChannelOnly` caps count only messages
    /// over that channel.
    struct Cap: Sendable {
        var cap: FrequencyCap
        var onChannelOnly: Bool
    }

    /// Reason bits of ``Outcome/mask``.
    static let doNotContactBit: UInt16 = 1
    static let consentBit: UInt16 = 2
    static let capBit: UInt16 = 4
    static let gapBit: UInt16 = 8
    static let quietBit: UInt16 = 16
    static let fatigueBit: UInt16 = 32
    static let erasedBit: UInt16 = 64

    struct Outcome {
        var mask: UInt16 = 0
        var capsHit: [(index: Int, sent: Int)] = []
        var lastContact: Double = -.infinity
        var unanswered = 0
    }

    let caps: [Cap]
    let gap: Double
    let quiet: QuietHours?
    let fatigue: FatigueRule?
    let lookBack: Double

    init(policy: ContactPolicy, channel: Channel) {
        caps = policy.caps.filter { $0.channel == nil || $0.channel == channel }.map { Cap(cap: $0, onChannelOnly: $0.channel != nil) }
        gap = policy.minimumGapSeconds
        quiet = policy.quietHours
        fatigue = policy.fatigue
        lookBack = max(caps.map(\.cap.windowSeconds).max() ?? 0, gap, fatigue?.windowSeconds ?? 0)
    }

    /// Evaluates one customer at `t` (seconds since 1970). `sentAt` is ascending;
    /// `onChannel[i]` says whether message i went over the evaluated channel;
    /// `respondedAt[i]` is +∞ without a response. `detailed` collects which caps were hit.
    @inline(__always)
    func evaluate(
        sentAt: UnsafeBufferPointer<Double>, onChannel: UnsafeBufferPointer<Bool>, respondedAt: UnsafeBufferPointer<Double>,
        range: Range<Int>, t: Double, localMinute: Int, detailed: Bool
    ) -> Outcome {
        var outcome = Outcome()
        if let quiet, quiet.contains(minute: localMinute) { outcome.mask |= Self.quietBit }
        // The last message at or before t.
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let mid = (low + high) >> 1
            if sentAt[mid] <= t { low = mid + 1 } else { high = mid }
        }
        let end = low
        guard end > range.lowerBound else { return outcome }
        outcome.lastContact = sentAt[end - 1]
        if gap > 0, t - outcome.lastContact < gap { outcome.mask |= Self.gapBit }
        for (capIndex, cap) in caps.enumerated() {
            var sent = 0
            var i = end - 1
            while i >= range.lowerBound, t - sentAt[i] < cap.cap.windowSeconds {
                if !cap.onChannelOnly || onChannel[i] { sent += 1 }
                i -= 1
            }
            if sent >= cap.cap.limit {
                outcome.mask |= Self.capBit
                if detailed { outcome.capsHit.append((capIndex, sent)) }
            }
        }
        if let fatigue {
            var unanswered = 0
            var i = end - 1
            while i >= range.lowerBound, t - sentAt[i] < fatigue.windowSeconds, respondedAt[i] > t {
                unanswered += 1
                i -= 1
            }
            outcome.unanswered = unanswered
            if unanswered >= fatigue.unansweredLimit { outcome.mask |= Self.fatigueBit }
        }
        return outcome
    }
}
