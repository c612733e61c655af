#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Health of owned communities (groups, official accounts, fan clubs) from community join,
/// leave and message events, and the members to re-engage.
///
/// With the window `[asOf − windowDays, asOf)` at midnight UTC, per community:
/// - members: customers whose last join or leave before the as-of instant is a join;
/// - joins and leaves in the window; messages in the window (members or not);
/// - active share: members with a message in the window / members;
/// - messages per member: messages in the window / members;
/// - retention: of the members at the window's start, the share still members at the end;
/// - conversion of members versus non-members: customers with a first order in the
///   window, among the members, and among every other customer seen in the events;
/// - per member: messages in the window and last activity (latest join or message);
/// - to re-engage: members whose last activity is at least `inactiveAfterDays` days
///   before the as-of day.
/// Ratios with an empty denominator are nil. See `Documentation/Communities.md`.
public struct CommunityAnalysis: Sendable {
    /// The health window in days (≥ 1). Default 30.
    public var windowDays: Int
    /// Days without activity after which a member is listed for re-engagement (≥ 1). Default 14.
    public var inactiveAfterDays: Int

    /// Creates an analysis.
    public init(windowDays: Int = 30, inactiveAfterDays: Int = 14) {
        self.windowDays = windowDays
        self.inactiveAfterDays = inactiveAfterDays
    }

    /// Runs the analysis on the events before the as-of day.
    /// - Throws: ``SocialError`` `.invalidParameter` for a window or inactivity below 1 day.
    /// - Complexity: O(n log n) for n events.
    public func run(events: [SocialEvent], asOf: CalendarDay) throws(SocialError) -> CommunityReport {
        guard windowDays >= 1, inactiveAfterDays >= 1 else {
            throw SocialError(.invalidParameter, "windowDays \(windowDays) and inactiveAfterDays \(inactiveAfterDays) must be at least 1")
        }
        let end = asOf.startUTC
        let start = asOf.adding(days: -windowDays).startUTC
        let inactiveBefore = asOf.adding(days: -inactiveAfterDays).startUTC
        let relevant = events.filter { $0.occurredAt < end }
            .sorted { $0.occurredAt != $1.occurredAt ? $0.occurredAt < $1.occurredAt : $0.id < $1.id }
        var everyone = Set<CustomerID>()
        var convertedInWindow = Set<CustomerID>()
        struct MemberState {
            var memberAtStart = false
            var member = false
            var messages = 0
            var lastActivity: Date?
        }
        var communities: [String: [CustomerID: MemberState]] = [:]
        var joins: [String: Int] = [:], leaves: [String: Int] = [:], messages: [String: Int] = [:]
        for event in relevant {
            everyone.insert(event.customerID)
            if event.kind == .firstOrder && event.occurredAt >= start { convertedInWindow.insert(event.customerID) }
            guard let community = event.communityID else { continue }
            let inWindow = event.occurredAt >= start
            var state = communities[community, default: [:]][event.customerID] ?? MemberState()
            switch event.kind {
            case .communityJoin:
                state.member = true
                state.lastActivity = event.occurredAt
                if inWindow { joins[community, default: 0] += 1 }
            case .communityLeave:
                state.member = false
                if inWindow { leaves[community, default: 0] += 1 }
            case .communityMessage:
                state.lastActivity = event.occurredAt
                if inWindow {
                    state.messages += 1
                    messages[community, default: 0] += 1
                }
            default:
                continue
            }
            if !inWindow { state.memberAtStart = state.member }
            communities[community, default: [:]][event.customerID] = state
        }
        func ratio(_ a: Int, _ b: Int) -> Double? { b > 0 ? Double(a) / Double(b) : nil }
        var health: [CommunityHealth] = []
        var reengage: [ReengagementCandidate] = []
        for community in communities.keys.sorted() {
            let states = communities[community] ?? [:]
            let members = states.filter { $0.value.member }
            let atStart = states.filter { $0.value.memberAtStart }
            let retained = atStart.filter { $0.value.member }.count
            let active = members.filter { $0.value.messages > 0 }.count
            let convertedMembers = members.keys.filter { convertedInWindow.contains($0) }.count
            let nonMembers = everyone.count - members.count
            let convertedNonMembers = convertedInWindow.count - convertedMembers
            let activity = members.map { id, state in
                MemberActivity(customerID: id, messages: state.messages, lastActivity: state.lastActivity ?? end)
            }.sorted { $0.messages != $1.messages ? $0.messages > $1.messages : $0.customerID < $1.customerID }
            health.append(CommunityHealth(
                communityID: community, members: members.count, joins: joins[community] ?? 0,
                leaves: leaves[community] ?? 0, messages: messages[community] ?? 0, activeMembers: active,
                activeShare: ratio(active, members.count), messagesPerMember: ratio(messages[community] ?? 0, members.count),
                membersAtWindowStart: atStart.count, retention: ratio(retained, atStart.count),
                memberConversion: ratio(convertedMembers, members.count),
                nonMemberConversion: ratio(convertedNonMembers, nonMembers), activity: activity))
            for member in activity where member.lastActivity < inactiveBefore {
                let days = Int(((end.timeIntervalSince1970 - member.lastActivity.timeIntervalSince1970) / 86_400).rounded(.down))
                reengage.append(ReengagementCandidate(communityID: community, customerID: member.customerID,
                                                      lastActivity: member.lastActivity, daysInactive: days))
            }
        }
        reengage.sort {
            $0.communityID != $1.communityID ? $0.communityID < $1.communityID
                : $0.daysInactive != $1.daysInactive ? $0.daysInactive > $1.daysInactive : $0.customerID < $1.customerID
        }
        return CommunityReport(asOf: asOf, communities: health, membersToReengage: reengage)
    }
}

/// The health of one community (see ``CommunityAnalysis`` for the definitions).
public struct CommunityHealth: Hashable, Sendable, Codable {
    /// The community.
    public var communityID: String
    /// Members at the as-of instant.
    public var members: Int
    /// Joins in the window.
    public var joins: Int
    /// Leaves in the window.
    public var leaves: Int
    /// Messages in the window.
    public var messages: Int
    /// Members with a message in the window.
    public var activeMembers: Int
    /// activeMembers / members.
    public var activeShare: Double?
    /// messages / members.
    public var messagesPerMember: Double?
    /// Members at the start of the window.
    public var membersAtWindowStart: Int
    /// Share of those still members at the end.
    public var retention: Double?
    /// Share of members with a first order in the window.
    public var memberConversion: Double?
    /// Share of the other customers seen with a first order in the window.
    public var nonMemberConversion: Double?
    /// Per member: messages in the window and last activity, most messages first.
    public var activity: [MemberActivity]
}

/// One member's activity.
public struct MemberActivity: Hashable, Sendable, Codable {
    /// The member.
    public var customerID: CustomerID
    /// Messages in the window.
    public var messages: Int
    /// The latest join or message.
    public var lastActivity: Date
}

/// A member to re-engage.
public struct ReengagementCandidate: Hashable, Sendable, Codable {
    /// The community.
    public var communityID: String
    /// The member.
    public var customerID: CustomerID
    /// The latest join or message.
    public var lastActivity: Date
    /// Whole days from the last activity to the as-of day.
    public var daysInactive: Int
}

/// The health of every community, in community id order, and the members to re-engage.
public struct CommunityReport: Hashable, Sendable, Codable {
    /// The as-of day.
    public var asOf: CalendarDay
    /// One entry per community.
    public var communities: [CommunityHealth]
    /// Members inactive for the configured days, by community, longest inactive first.
    public var membersToReengage: [ReengagementCandidate]
}
