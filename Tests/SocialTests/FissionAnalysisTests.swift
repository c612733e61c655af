#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import PrecisionMarketingTesting
import Testing
@testable import Social

@Suite("Fission analysis")
struct FissionAnalysisTests {
    let table: ReferralEventTable
    let index: [CustomerID: Int]

    init() throws {
        table = try ReferralEventTable(events: EventScript.fission())
        index = Dictionary(uniqueKeysWithValues: table.customerIDs.enumerated().map { ($1, $0) })
    }

    func i(_ id: String) -> Int { index[CustomerID(id)] ?? -1 }

    @Test func chainsAndCountsUnderDirectCredit() throws {
        let result = try FissionAnalysis().run(on: table)
        func referrer(_ id: String) -> String? {
            let r = result.referrer[i(id)]
            return r >= 0 ? result.customerIDs[Int(r)].rawValue : nil
        }
        #expect(referrer("B") == "A")
        #expect(referrer("C") == "A")
        #expect(referrer("M") == "A")
        #expect(referrer("D") == "B")
        #expect(referrer("E") == "D")
        #expect(referrer("Y") == "X")
        for id in ["A", "X", "F", "G", "K1", "K4", "H"] { #expect(referrer(id) == nil) }
        #expect(["A", "B", "C", "D", "E", "X", "Y"].map { result.generation[i($0)] } == [0, 1, 1, 2, 3, 0, 1])
        #expect(result.directReferrals[i("A")] == 3)
        #expect(result.indirectReferrals[i("A")] == 2)
        #expect(result.directReferrals[i("B")] == 1)
        #expect(result.indirectReferrals[i("B")] == 1)
        #expect(result.referredRevenue[i("A")] == 100)
        #expect(result.referredRevenue[i("B")] == 50)
        #expect(result.downlineRevenue[i("A")] == 170)
        #expect(result.downlineRevenue[i("B")] == 70)
        #expect(result.creditedRevenue[i("A")] == 100)
        #expect(result.creditedRevenue[i("D")] == 20)
        #expect(result.creditedConversions[i("B")] == 1)
        #expect(result.reach[i("A")] == 2)
        #expect(result.reach[i("B")] == 1)
        #expect(result.topReferrers(2).map(\.customerID) == ["A", "B"])
    }

    @Test func geometricCreditSplitsUpTheChain() throws {
        let result = try FissionAnalysis(creditRule: .geometric(ratio: 0.5, maxDepth: 3)).run(on: table)
        // E's 20 → D 4/7, B 2/7, A 1/7; D's 50 → B 2/3, A 1/3; B's 100 → A.
        #expect(isApproximatelyEqual(result.creditedRevenue[i("A")], 100 + 50.0 / 3 + 20.0 / 7))
        #expect(isApproximatelyEqual(result.creditedRevenue[i("B")], 100.0 / 3 + 40.0 / 7))
        #expect(isApproximatelyEqual(result.creditedRevenue[i("D")], 80.0 / 7))
        #expect(isApproximatelyEqual(result.creditedConversions[i("A")], 1 + 1.0 / 3 + 1.0 / 7))
        #expect(isApproximatelyEqual(result.creditedConversions[i("D")], 4.0 / 7))
        let total = result.creditedRevenue.reduce(0, +)
        #expect(isApproximatelyEqual(total, 170))
        let depthOne = try FissionAnalysis(creditRule: .geometric(ratio: 0.5, maxDepth: 1)).run(on: table)
        #expect(isApproximatelyEqual(depthOne.creditedRevenue[i("D")], 20))
        #expect(isApproximatelyEqual(depthOne.creditedRevenue[i("A")], 100))
    }

    @Test func fraudGuardsFlagWithReasons() throws {
        let result = try FissionAnalysis().run(on: table)
        let flagged = result.flags.map { "\(result.customerIDs[Int($0.customer)]):\($0.reason.rawValue)" }
        #expect(flagged == ["X:cycle", "F:selfReferral", "G:unknownCode",
                            "K1:deviceBurst", "K2:deviceBurst", "K3:deviceBurst", "K4:deviceBurst"])
        #expect(result.flags.first?.referrer == Int32(i("Y")))
        #expect(result.creditedConversions[i("X")] == 0)
        let lenient = try FissionAnalysis(guards: FraudGuardPolicy(maxReferralsPerDevice: 4)).run(on: table)
        #expect(lenient.directReferrals[lenient.customerIDs.firstIndex(of: "A") ?? 0] == 7)
    }

    @Test func campaignMetrics() throws {
        let m = try FissionAnalysis().run(on: table).metrics
        #expect(m.sharers == 6)
        #expect(m.seeds == 3)
        #expect(m.invitations == 4)
        #expect(m.creditedReferrals == 6)
        #expect(m.conversions == 3)
        #expect(m.referredRevenue == 170)
        #expect(m.flaggedReferrals == 7)
        #expect(m.selfClicks == 1)
        #expect(m.unknownCodeClicks == 1)
        #expect(m.repeatedRegistrations == 1)
        #expect(m.kFactor == 1.0)
        #expect(m.invitationsPerSharer.map { isApproximatelyEqual($0, 4.0 / 6) } == true)
        #expect(m.conversionPerInvitation == 1.5)
        #expect(m.meanCycleSeconds == 36_000)
        #expect(m.medianCycleSeconds == 7_200)
        let g = m.generations
        #expect(g.map(\.registered) == [3, 4, 1, 1])
        #expect(g.map(\.reached) == [0, 2, 1, 1])
        #expect(g.map(\.converted) == [0, 1, 1, 1])
        #expect(g.map(\.sharers) == [3, 2, 1, 0])
        #expect(g[0].kFactor.map { isApproximatelyEqual($0, 4.0 / 3) } == true)
        #expect(g[1].kFactor == 0.5)
        #expect(g[3].kFactor == nil)
        #expect(g[1].registrationRate == 2.0)
        #expect(g[1].conversionRate == 0.5)
    }

    @Test func orderOfEventsDoesNotMatter() throws {
        let shuffled = try ReferralEventTable(events: EventScript.fission().reversed())
        let a = try FissionAnalysis().run(on: table)
        let b = try FissionAnalysis().run(on: shuffled)
        #expect(a.metrics == b.metrics)
        let bIndex = b.makeCustomerIndex()
        for (c, id) in a.customerIDs.enumerated() {
            #expect(a.creditedRevenue[c] == b.creditedRevenue[bIndex[id] ?? -1])
        }
    }

    @Test func invalidParametersAreTypedErrors() throws {
        #expect(throws: SocialError.self) { try FissionAnalysis(creditRule: .geometric(ratio: 1.5, maxDepth: 2)).run(on: table) }
        #expect(throws: SocialError.self) { try FissionAnalysis(creditRule: .geometric(ratio: 0.5, maxDepth: 0)).run(on: table) }
        #expect(throws: SocialError.self) { try FissionAnalysis(guards: FraudGuardPolicy(burstWindowSeconds: 0)).run(on: table) }
        #expect(throws: SocialError.self) {
            try ReferralEventTable(customerIDs: ["a"], codeCount: 0, kinds: [.share], actors: [1], codes: [-1],
                                   times: [0], devices: [-1], addresses: [-1], revenue: [0], currency: nil)
        }
    }

    @Test func creditRuleIsCodable() throws {
        let rule = ChainCreditRule.geometric(ratio: 0.5, maxDepth: 3)
        let data = try JSONEncoder().encode(rule)
        #expect(try JSONDecoder().decode(ChainCreditRule.self, from: data) == rule)
    }
}
