#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Testing
@testable import Social

@Suite("Community analysis")
struct CommunityAnalysisTests {
    static func day(_ d: Double) -> Double { d * 24 + 12 }

    static func events() -> [SocialEvent] {
        var s = EventScript()
        s.add(.communityJoin, "U1", at: day(1), community: "g1")
        s.add(.communityJoin, "U2", at: day(2), community: "g1")
        s.add(.communityJoin, "U3", at: day(3), community: "g1")
        s.add(.communityMessage, "U1", at: day(22), community: "g1")
        s.add(.firstOrder, "U1", at: day(23), amount: 10)
        s.add(.firstOrder, "U5", at: day(23), amount: 10)
        s.add(.communityLeave, "U3", at: day(24), community: "g1")
        s.add(.communityJoin, "U4", at: day(25), community: "g1")
        s.add(.communityMessage, "U4", at: day(26), community: "g1")
        s.add(.firstOrder, "U4", at: day(27), amount: 10)
        s.add(.communityMessage, "U1", at: day(28), community: "g1")
        s.add(.communityJoin, "U5", at: day(29), community: "g2")
        s.add(.follow, "U6", at: day(29))
        s.add(.communityMessage, "U1", at: day(31), community: "g1")  // after the as-of day
        return s.events
    }

    @Test func healthMetricsAndMembersToReengage() throws {
        let asOf = try CalendarDay(iso: "2024-03-31")
        let report = try CommunityAnalysis(windowDays: 10, inactiveAfterDays: 5).run(events: Self.events(), asOf: asOf)
        #expect(report.communities.map(\.communityID) == ["g1", "g2"])
        let g1 = report.communities[0]
        #expect(g1.members == 3)
        #expect(g1.joins == 1)
        #expect(g1.leaves == 1)
        #expect(g1.messages == 3)
        #expect(g1.activeMembers == 2)
        #expect(g1.activeShare == 2.0 / 3)
        #expect(g1.messagesPerMember == 1.0)
        #expect(g1.membersAtWindowStart == 3)
        #expect(g1.retention == 2.0 / 3)
        #expect(g1.memberConversion == 2.0 / 3)
        #expect(g1.nonMemberConversion == 1.0 / 3)
        #expect(g1.activity.map(\.customerID) == ["U1", "U4", "U2"])
        #expect(g1.activity.map(\.messages) == [2, 1, 0])
        let g2 = report.communities[1]
        #expect(g2.members == 1)
        #expect(g2.retention == nil)
        #expect(g2.memberConversion == 1)
        #expect(g2.nonMemberConversion == 2.0 / 5)
        #expect(report.membersToReengage.map(\.customerID) == ["U2"])
        #expect(report.membersToReengage.first?.daysInactive == 27)
    }

    @Test func invalidWindowIsATypedError() throws {
        #expect(throws: SocialError.self) {
            try CommunityAnalysis(windowDays: 0).run(events: [], asOf: CalendarDay(dayNumber: 0))
        }
    }
}
