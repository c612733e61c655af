import CustomerModel
import PrecisionMarketingTesting
import Testing
@testable import Social

@Suite("Social event generator")
struct SocialEventGeneratorTests {
    @Test func sameSeedSameCampaignAndTheBranchingProcessShows() throws {
        let configuration = SocialEventGenerator.Configuration(referralEvents: 2_000, seed: 3)
        let a = try SocialEventGenerator(configuration: configuration).referralTable()
        let b = try SocialEventGenerator(configuration: configuration).referralTable()
        #expect(a.kinds == b.kinds && a.actors == b.actors && a.times == b.times && a.revenue == b.revenue)
        #expect((2_010...2_013).contains(a.count))  // plus two fraud rings of five registrations
        let result = try FissionAnalysis().run(on: a)
        #expect(result.flags.filter { $0.reason == .deviceBurst }.count == 10)
        #expect(result.metrics.generations.count >= 3)
        #expect(result.metrics.creditedReferrals > 0)
        #expect(throws: SyntheticDataError.self) {
            try SocialEventGenerator(configuration: .init(registrationProbability: 1.5))
        }
    }

    @Test func eventsRoundTripThroughJSONLines() throws {
        let events = try SocialEventGenerator(configuration: .init(referralEvents: 500, seed: 5)).events()
        #expect(Set(events.map(\.kind)).isSuperset(of: [.share, .referralClick, .registration, .firstOrder,
                                                          .communityJoin, .follow, .followerCount]))
        let bytes = SocialEventsJSONLinesWriter.write(events)
        let imported = JSONLinesSocialEventImporter().parse(bytes)
        #expect(imported.report.rowsRejected == 0)
        #expect(imported.records == events)
    }
}
