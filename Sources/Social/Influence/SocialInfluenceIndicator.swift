#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CustomerModel

/// The social-influence indicator per customer: followers, mentions and the engagement
/// their shared content brings, as the value score of Scoring takes it
/// (`ValueIndicatorInputs.socialInfluence`).
///
///     influence = w_f · ln(1 + followers) + w_m · ln(1 + mentions) + w_e · ln(1 + engagement)
///
/// - followers: per platform, the latest ``SocialEventKind/followerCount`` snapshot before
///   the as-of day; on a platform without a snapshot, the number of follow events that
///   target the customer before the as-of day; summed over platforms.
/// - mentions: mention events by others that target the customer, in the window.
/// - engagement: likes, comments and shares by others that target the customer (their
///   content), plus clicks by others on the customer's referral codes, in the window.
///
/// The window is `[asOf − windowDays, asOf)` at midnight UTC. Logarithms damp the heavy
/// tails of follower counts so that a celebrity account does not flatten everyone else
/// after the value score's min-max normalisation. See `Documentation/InfluenceRank.md`.
public struct SocialInfluenceIndicator: Sendable {
    /// The weights w_f, w_m, w_e (finite, ≥ 0, not all 0).
    public var weights: SocialInfluenceWeights
    /// The window of mentions and engagement, in days (≥ 1). Default 90.
    public var windowDays: Int

    /// Creates the indicator.
    public init(weights: SocialInfluenceWeights = SocialInfluenceWeights(), windowDays: Int = 90) {
        self.weights = weights
        self.windowDays = windowDays
    }

    /// Computes the indicator for every customer who appears in `events` (as actor or target).
    /// - Throws: ``SocialError`` `.invalidParameter` for invalid weights or window.
    /// - Complexity: O(n) expected for n events.
    public func compute(events: [SocialEvent], asOf: CalendarDay) throws(SocialError) -> SocialInfluenceScores {
        try weights.validate()
        guard windowDays >= 1 else { throw SocialError(.invalidParameter, "windowDays \(windowDays) must be at least 1") }
        let end = asOf.startUTC
        let start = asOf.adding(days: -windowDays).startUTC
        var index: [CustomerID: Int] = [:]
        var ids: [CustomerID] = []
        func intern(_ id: CustomerID) -> Int {
            if let i = index[id] { return i }
            index[id] = ids.count
            ids.append(id)
            return ids.count - 1
        }
        struct AccountKey: Hashable { let customer: Int; let platform: SocialPlatform }
        var snapshots: [AccountKey: (time: Date, count: Int)] = [:]
        var follows: [AccountKey: Int] = [:]
        var codeOwner: [String: (time: Date, owner: Int)] = [:]
        for event in events where event.occurredAt < end {
            let actor = intern(event.customerID)
            if let target = event.targetCustomerID { _ = intern(target) }
            if event.kind == .followerCount, let count = event.followerCount {
                let key = AccountKey(customer: actor, platform: event.platform)
                if let known = snapshots[key], known.time > event.occurredAt { continue }
                snapshots[key] = (event.occurredAt, count)
            } else if event.kind == .share, let code = event.referralCode {
                if let known = codeOwner[code], known.time <= event.occurredAt { continue }
                codeOwner[code] = (event.occurredAt, actor)
            }
        }
        var mentions = [Int](repeating: 0, count: ids.count)
        var engagement = [Int](repeating: 0, count: ids.count)
        for event in events where event.occurredAt < end {
            // Every actor and target was interned above, so the lookups cannot fail.
            guard let actor = index[event.customerID] else { continue }
            let target = event.targetCustomerID.flatMap { index[$0] }
            if event.kind == .follow, let target, target != actor {
                follows[AccountKey(customer: target, platform: event.platform), default: 0] += 1
            }
            guard event.occurredAt >= start else { continue }
            switch event.kind {
            case .mention:
                if let target, target != actor { mentions[target] += 1 }
            case .like, .comment, .share:
                if let target, target != actor { engagement[target] += 1 }
            case .referralClick:
                if let code = event.referralCode, let owner = codeOwner[code], owner.time <= event.occurredAt,
                   owner.owner != actor {
                    engagement[owner.owner] += 1
                }
            default:
                break
            }
        }
        var followers = [Int](repeating: 0, count: ids.count)
        for (key, snapshot) in snapshots { followers[key.customer] += snapshot.count }
        for (key, count) in follows where snapshots[key] == nil { followers[key.customer] += count }
        let scores = (0..<ids.count).map { (c: Int) -> Double in
            let f: Double = weights.followers * log1p(Double(followers[c]))
            let m: Double = weights.mentions * log1p(Double(mentions[c]))
            return f + m + weights.engagement * log1p(Double(engagement[c]))
        }
        return SocialInfluenceScores(customerIDs: ids, followers: followers, mentions: mentions,
                                     engagement: engagement, scores: scores)
    }
}

/// The weights of ``SocialInfluenceIndicator``.
public struct SocialInfluenceWeights: Hashable, Sendable, Codable {
    /// Weight of ln(1 + followers). Default 0.2.
    public var followers: Double
    /// Weight of ln(1 + mentions). Default 0.3.
    public var mentions: Double
    /// Weight of ln(1 + engagement). Default 0.5: engagement is closest to conversion.
    public var engagement: Double

    /// Creates weights.
    public init(followers: Double = 0.2, mentions: Double = 0.3, engagement: Double = 0.5) {
        self.followers = followers
        self.mentions = mentions
        self.engagement = engagement
    }

    /// Checks that the weights are finite, non-negative and not all zero.
    /// - Throws: ``SocialError`` `.invalidParameter`.
    public func validate() throws(SocialError) {
        let all = [followers, mentions, engagement]
        guard all.allSatisfy({ $0.isFinite && $0 >= 0 }), all.contains(where: { $0 > 0 }) else {
            throw SocialError(.invalidParameter,
                              "influence weights \(followers), \(mentions), \(engagement) must be finite, ≥ 0 and not all 0")
        }
    }
}

/// The social-influence indicator and its parts, per customer.
public struct SocialInfluenceScores: Sendable, Hashable {
    /// The customers, in order of first appearance in the events.
    public var customerIDs: [CustomerID]
    /// Followers per customer.
    public var followers: [Int]
    /// Mentions per customer in the window.
    public var mentions: [Int]
    /// Engagement brought per customer in the window.
    public var engagement: [Int]
    /// The indicator per customer.
    public var scores: [Double]

    /// The indicator of one customer, nil when the customer is not in the events.
    /// - Complexity: O(n).
    public func score(for customer: CustomerID) -> Double? {
        customerIDs.firstIndex(of: customer).map { scores[$0] }
    }

    /// One value per snapshot customer index, nil for customers without social data: the
    /// column `ValueIndicatorInputs.socialInfluence` of the value score takes.
    /// - Complexity: O(n + snapshot customers).
    public func valueScoreColumn(for snapshot: CustomerSnapshot) -> [Double?] {
        let index = snapshot.makeCustomerIndex()
        var column = [Double?](repeating: nil, count: snapshot.customerCount)
        for (c, id) in customerIDs.enumerated() {
            if let s = index[id] { column[s] = scores[c] }
        }
        return column
    }
}
