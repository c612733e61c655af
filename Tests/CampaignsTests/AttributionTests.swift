import Campaigns
import CustomerModel
import Foundation
import Testing

@Suite("Response attribution")
struct AttributionTests {
    static let day: TimeInterval = 86_400
    static let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    static var touches: [Touch] {
        [
            Touch(customerID: "a", campaignID: "spring-email", channel: .email, at: t0),
            Touch(customerID: "a", campaignID: "spring-sms", channel: .sms, at: t0.addingTimeInterval(2 * day)),
            Touch(customerID: "a", campaignID: "late", channel: .email, at: t0.addingTimeInterval(9 * day)),
            Touch(customerID: "b", campaignID: "spring-email", channel: .email, at: t0),
        ]
    }

    static var conversions: [Conversion] {
        [
            Conversion(id: "o1", customerID: "a", at: t0.addingTimeInterval(3 * day), value: 90),
            Conversion(id: "o2", customerID: "b", at: t0.addingTimeInterval(10 * day), value: 40),
            Conversion(id: "o3", customerID: "c", at: t0, value: 10),
        ]
    }

    @Test(arguments: AttributionRule.allCases)
    func creditsFollowTheRule(rule: AttributionRule) throws {
        let attribution = try ResponseAttribution(rule: rule, window: 7 * Self.day)
        let results = attribution.attribute(Self.conversions, to: Self.touches.reversed())
        #expect(results.map(\.rule) == [rule, rule, rule])
        let first = results[0].credits
        switch rule {
        case .lastTouch: #expect(first.map(\.campaignID) == ["spring-sms"] && first[0].share == 1)
        case .firstTouch: #expect(first.map(\.campaignID) == ["spring-email"] && first[0].share == 1)
        case .linear: #expect(first.map(\.campaignID) == ["spring-email", "spring-sms"] && first.allSatisfy { $0.share == 0.5 })
        }
        // b's touch is 10 days old (outside 7 days); c was never touched; the later touch
        // of a (day 9) is after the conversion and does not count.
        #expect(results[1].credits.isEmpty && results[2].credits.isEmpty)
        let totals = ResponseAttribution.totals(results)
        #expect(totals.organicConversions == 2 && totals.organicValue == 50)
        #expect(totals.byCampaign.values.reduce(0) { $0 + $1.value } == 90)
    }

    @Test func windowBoundaryIsInclusiveAndNegativeWindowsAreRefused() throws {
        let attribution = try ResponseAttribution(rule: .lastTouch, window: 10 * Self.day)
        let results = attribution.attribute([Self.conversions[1]], to: Self.touches)
        #expect(results[0].credits.map(\.campaignID) == ["spring-email"])
        #expect(throws: CampaignError.self) { try ResponseAttribution(rule: .linear, window: -1) }
    }
}
