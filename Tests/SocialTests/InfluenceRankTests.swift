#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CustomerModel
import PrecisionMarketingTesting
import Testing
@testable import Social

@Suite("Influence rank")
struct InfluenceRankTests {
    @Test func twoNodesWithADanglingNodeMatchTheClosedForm() throws {
        // 0 → 1, node 1 dangling. a = 0.075 + 0.85·b/2 and a + b = 1 give a = 0.5 / 1.425.
        let graph = try WeightedDigraph(nodeCount: 2, sources: [0], targets: [1], weights: [1])
        let result = try InfluenceRank(tolerance: 1e-13, maxIterations: 1_000).run(on: graph)
        #expect(result.converged)
        #expect(isApproximatelyEqual(result.scores[0], 0.5 / 1.425, absoluteTolerance: 1e-12))
        #expect(isApproximatelyEqual(result.scores[1], 1 - 0.5 / 1.425, absoluteTolerance: 1e-12))
        #expect(result.top(1) == [1])
    }

    @Test func threeWeightedNodesMatchTheClosedForm() throws {
        // 0→1 (1), 0→2 (3), 1→2 (1), 2→0 (1); no dangling node, N = 3, d = 0.85:
        // x1 = 0.05 + 0.2125·x0, x2 = 0.05 + 0.6375·x0 + 0.85·x1 = 0.0925 + 0.818125·x0,
        // x0 = 0.05 + 0.85·x2 = 0.128625 + 0.69540625·x0, so x0 = 0.128625 / 0.30459375.
        let graph = try WeightedDigraph(nodeCount: 3, sources: [0, 0, 1, 2], targets: [1, 2, 2, 0], weights: [1, 3, 1, 1])
        let result = try InfluenceRank(tolerance: 1e-13, maxIterations: 1_000).run(on: graph)
        let x0 = 0.128625 / 0.30459375
        #expect(isApproximatelyEqual(result.scores[0], x0, absoluteTolerance: 1e-12))
        #expect(isApproximatelyEqual(result.scores[1], 0.05 + 0.2125 * x0, absoluteTolerance: 1e-12))
        #expect(isApproximatelyEqual(result.scores[2], 0.0925 + 0.818125 * x0, absoluteTolerance: 1e-12))
        #expect(result.top(3) == [2, 0, 1])
    }

    @Test func parallelEdgesAddUpAndPiecesAgreeWithOnePiece() throws {
        // Split edges sum: 0→2 (1) twice equals 0→2 (2).
        let split = try WeightedDigraph(nodeCount: 3, sources: [0, 0, 0, 1, 2], targets: [1, 2, 2, 2, 0], weights: [1, 1.5, 1.5, 1, 1])
        let merged = try WeightedDigraph(nodeCount: 3, sources: [0, 0, 1, 2], targets: [1, 2, 2, 0], weights: [1, 3, 1, 1])
        let a = try InfluenceRank(tolerance: 1e-12).run(on: split)
        let b = try InfluenceRank(tolerance: 1e-12).run(on: merged)
        #expect(isApproximatelyEqual(a.scores, b.scores, absoluteTolerance: 1e-12))
        // A ring of 10,000 nodes (16 parallel pieces) is uniform.
        let n = 10_000
        let ring = try WeightedDigraph(nodeCount: n, sources: (0..<Int32(n)).map { $0 },
                                       targets: (0..<Int32(n)).map { ($0 + 1) % Int32(n) }, weights: .init(repeating: 2, count: n))
        let uniform = try InfluenceRank().run(on: ring)
        #expect(uniform.iterations == 1)
        #expect(uniform.scores.allSatisfy { isApproximatelyEqual($0, 1 / Double(n), absoluteTolerance: 1e-15) })
    }

    @Test func badInputIsATypedError() {
        #expect(throws: SocialError.self) { try WeightedDigraph(nodeCount: 2, sources: [0], targets: [2], weights: [1]) }
        #expect(throws: SocialError.self) { try WeightedDigraph(nodeCount: 2, sources: [0], targets: [1], weights: [0]) }
        #expect(throws: SocialError.self) { try WeightedDigraph(nodeCount: 2, sources: [0], targets: [1], weights: [.nan]) }
        #expect(throws: SocialError.self) { try WeightedDigraph(nodeCount: 2, sources: [0, 1], targets: [1], weights: [1]) }
        #expect(throws: SocialError.self) {
            try InfluenceRank(damping: 1).run(on: WeightedDigraph(nodeCount: 1, sources: [], targets: [], weights: []))
        }
    }
}

@Suite("Social influence and KOLs")
struct SocialInfluenceTests {
    /// A and B share; U1–U3 click A's code, U2–U4 click B's; U1 registers and orders, U4 registers.
    static func twoSharers() -> [SocialEvent] {
        var s = EventScript()
        s.add(.share, "A", at: 0, code: "a1")
        s.add(.share, "B", at: 0, code: "b1")
        for u in ["U1", "U2", "U3"] { s.add(.referralClick, u, at: 1, code: "a1") }
        for u in ["U2", "U3", "U4"] { s.add(.referralClick, u, at: 2, code: "b1") }
        s.add(.registration, "U1", at: 3)
        s.add(.firstOrder, "U1", at: 4, amount: 10)
        s.add(.registration, "U4", at: 5)
        return s.events
    }

    @Test func kolCandidatesAndAudienceOverlap() throws {
        let fission = try FissionAnalysis().run(on: ReferralEventTable(events: Self.twoSharers()))
        let report = try KOLSelection(count: 5).candidates(from: fission)
        #expect(report.candidates.map(\.customerID) == ["A", "B"])
        #expect(report.candidates.map(\.reach) == [3, 3])
        #expect(report.candidates.map(\.convertedReach) == [1, 0])
        #expect(report.candidates.map(\.audienceSize) == [3, 3])
        #expect(isApproximatelyEqual(report.candidates[0].conversionRate, 1.0 / 3))
        #expect(report.overlaps == [AudienceOverlap(first: "A", second: "B", sharedFans: 2, jaccard: 0.5)])
        #expect(throws: SocialError.self) { try KOLSelection(count: 0).candidates(from: fission) }
    }

    @Test func referralGraphWeightsClicksAndConversions() throws {
        let fission = try FissionAnalysis().run(on: ReferralEventTable(events: Self.twoSharers()))
        let graph = try fission.referralGraph()
        let index = fission.makeCustomerIndex()
        func out(_ id: CustomerID) -> Double { graph.outWeight[index[id] ?? -1] }
        #expect(out("U1") == 3)  // click + registration + order
        #expect(out("U2") == 2)  // two clicks
        #expect(out("U4") == 2)  // click + registration
        #expect(out("A") == 0)
        #expect(graph.edgeCount == 8)
        let rank = try InfluenceRank().run(on: graph)
        #expect(rank.top(1) == [index["A"] ?? -1])
    }

    @Test func indicatorFromFollowersMentionsAndEngagement() throws {
        var s = EventScript()
        let d = 24.0
        s.add(.followerCount, "P", at: 1 * d, followers: 50)
        s.add(.followerCount, "P", at: 5 * d, followers: 99)
        s.add(.followerCount, "P", at: 12 * d, followers: 1_000)  // after the as-of day
        s.add(.follow, "Q", at: 2 * d, target: "P", platform: .weibo)
        s.add(.follow, "R", at: 3 * d, target: "P", platform: .weibo)
        s.add(.follow, "R", at: 3 * d, target: "P")  // wechat has a snapshot: not counted
        s.add(.mention, "Q", at: 6 * d, target: "P", text: "great")
        s.add(.mention, "R", at: 7 * d, target: "P", text: "nice")
        s.add(.mention, "R", at: 1 * d, target: "P", text: "old")  // before the window
        s.add(.mention, "P", at: 7 * d, target: "P", text: "me")  // self
        s.add(.like, "Q", at: 6 * d, target: "P")
        s.add(.comment, "R", at: 6 * d, target: "P")
        s.add(.share, "Q", at: 6 * d, code: "q1", target: "P")
        s.add(.share, "P", at: 6 * d, code: "p1")
        s.add(.referralClick, "S", at: 7 * d, code: "p1")
        s.add(.referralClick, "P", at: 7 * d, code: "p1")
        s.add(.like, "Q", at: 7 * d, target: "T")  // a target who never acts
        let asOf = try CalendarDay(iso: "2024-03-11")
        let scores = try SocialInfluenceIndicator(windowDays: 5).compute(events: s.events, asOf: asOf)
        let p = try #require(scores.customerIDs.firstIndex(of: "P"))
        #expect(scores.followers[p] == 101)
        #expect(scores.mentions[p] == 2)
        #expect(scores.engagement[p] == 4)
        #expect(isApproximatelyEqual(scores.scores[p], 0.2 * log(102.0) + 0.3 * log(3.0) + 0.5 * log(5.0)))
        #expect(scores.score(for: "Q") == 0)
        #expect(scores.engagement[try #require(scores.customerIDs.firstIndex(of: "T"))] == 1)
        #expect(scores.score(for: "T").map { isApproximatelyEqual($0, 0.5 * log(2.0)) } == true)
        let csv = "customer_id,order_id,date,item_id,quantity,amount\nP,o1,2024-03-01,i1,1,10\nZ,o2,2024-03-02,i1,1,5\n"
        let snapshot = try SnapshotBuilder.build(csv: Array(csv.utf8)).snapshot
        let column = scores.valueScoreColumn(for: snapshot)
        let zIndex = try #require(snapshot.makeCustomerIndex()["Z"])
        #expect(column[zIndex] == nil)
        #expect(column[1 - zIndex] == scores.scores[p])
        #expect(throws: SocialError.self) {
            try SocialInfluenceIndicator(weights: SocialInfluenceWeights(followers: 0, mentions: 0, engagement: 0))
                .compute(events: s.events, asOf: asOf)
        }
    }
}
