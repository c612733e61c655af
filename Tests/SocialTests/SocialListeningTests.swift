#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import PrecisionMarketingTesting
import Testing
@testable import Social

@Suite("Social listening")
struct SocialListeningTests {
    @Test(arguments: [
        ("Love the new jacket, great quality", 1.0),
        ("not bad at all, good value", 1.0),
        ("The delivery was slow and the box was broken", -1.0),
        ("I do not like the colour but the fit is great", 0.0),
        ("It isn't a problem", 1.0),
        ("not one two three bad", -1.0),
        ("这个外套很好，非常喜欢", 1.0),
        ("物流太慢了，不满意", -1.0),
        ("客服不错，推荐", 1.0),
        ("没有问题", 1.0),
        ("不太好", -1.0),
        ("质量好但是太贵", 0.0),
        ("good 但是 很差 很差", -1.0 / 3),
        ("The weather today", 0.0),
    ])
    func lexiconBaseline(text: String, expected: Double) {
        #expect(isApproximatelyEqual(LexiconSentimentScorer().score(text), expected))
    }

    /// Topic "brand": 2, 3, 2, 3, … per day with 15 on day 10; topic "quiet": 0 except 4 on
    /// day 9 (below the minimum count).
    static func mentions() -> [SocialEvent] {
        var s = EventScript()
        for day in 0..<14 {
            let count = day == 10 ? 15 : 2 + day % 2
            for k in 0..<count {
                s.add(.mention, "m\(day)-\(k)", at: Double(day * 24 + k % 20), text: k % 2 == 0 ? "up" : "down", topic: "brand")
            }
        }
        for k in 0..<4 { s.add(.mention, "q\(k)", at: 9 * 24 + 1, text: "meh", topic: "quiet") }
        s.add(.mention, "u", at: 3 * 24, text: "up")
        s.add(.mention, "late", at: 20 * 24, text: "up", topic: "brand")  // after the range
        return s.events
    }

    @Test func volumeSentimentAndSpikes() async throws {
        let from = try CalendarDay(iso: "2024-03-01")
        let through = try CalendarDay(iso: "2024-03-14")
        let scorer = RecordingSentimentScorer(scores: ["up": 1, "down": -0.5])
        let report = try await MentionAnalysis(spikeRule: SpikeRule(windowDays: 7, z: 3, minimumCount: 5))
            .run(events: Self.mentions(), from: from, through: through, scorer: scorer)
        #expect(report.mentions == 4 + 1 + (0..<14).map { $0 == 10 ? 15 : 2 + $0 % 2 }.reduce(0, +))
        #expect(scorer.batches.count == 1)
        #expect(scorer.texts.count == report.mentions)
        let brand = report.series.filter { $0.topic == "brand" }
        #expect(brand.count == 14)
        #expect(brand[10].mentions == 15)
        // Day 10: 8 "up" (1) and 7 "down" (-0.5): (8 − 3.5) / 15 = 0.3.
        #expect(brand[10].meanSentiment.map { isApproximatelyEqual($0, 0.3) } == true)
        let quiet = report.series.filter { $0.topic == "quiet" }
        #expect(quiet.map(\.mentions).reduce(0, +) == 4)
        #expect(quiet[0].meanSentiment == nil)
        #expect(report.series.filter { $0.topic == MentionAnalysis.untaggedTopic }.map(\.mentions).reduce(0, +) == 1)
        // Baseline of day 10: days 3…9 = 3, 2, 3, 2, 3, 2, 3: μ = 18/7, σ² = 48/7 − (18/7)².
        #expect(report.spikes.count == 1)
        let spike = try #require(report.spikes.first)
        #expect(spike.topic == "brand")
        #expect(spike.day == from.adding(days: 10))
        #expect(isApproximatelyEqual(spike.baselineMean, 18.0 / 7))
        let sigma = (48.0 / 7 - (18.0 / 7) * (18.0 / 7)).squareRoot()
        #expect(isApproximatelyEqual(spike.baselineStandardDeviation, sigma, absoluteTolerance: 1e-12))
        #expect(isApproximatelyEqual(spike.threshold, 18.0 / 7 + 3 * sigma, absoluteTolerance: 1e-12))
        let sink = RecordingEventSink()
        await report.emitAlerts(to: sink)
        let alerts = sink.events(of: .socialMentionSpike)
        #expect(alerts.count == 1)
        #expect(alerts.first?.details["topic"] == "brand")
        #expect(alerts.first?.details["day"] == "2024-03-11")
        #expect(alerts.first?.occurredAt == from.adding(days: 11).startUTC)
    }

    @Test func scorerThatBreaksItsContractIsATypedError() async throws {
        let from = try CalendarDay(iso: "2024-03-01")
        await #expect(throws: SocialError.self) {
            try await MentionAnalysis().run(events: Self.mentions(), from: from, through: from.adding(days: 13),
                                            scorer: RecordingSentimentScorer(defaultScore: 2))
        }
        await #expect(throws: SocialError.self) {
            try await MentionAnalysis(spikeRule: SpikeRule(windowDays: 1)).run(
                events: [], from: from, through: from, scorer: LexiconSentimentScorer())
        }
    }

    @Test func fanProfileCountsAndShares() throws {
        var s = EventScript()
        s.add(.follow, "f1", at: 1)
        s.add(.follow, "f2", at: 2)
        s.add(.mention, "f3", at: 3, text: "hi")
        s.add(.follow, "f1", at: 4)
        s.add(.follow, "x", at: 5, target: "someone")  // follows a customer, not the brand
        s.add(.mention, "f4", at: 6, text: "hi")
        let fans = FanProfileAnalysis.brandFans(in: s.events)
        #expect(fans == ["f1", "f2", "f3", "f4"])
        let profiles: [CustomerID: FanProfile] = [
            "f1": FanProfile(ageBand: "25-34", region: "Shanghai", segment: "champions", tier: "gold"),
            "f2": FanProfile(ageBand: "25-34", region: "Beijing", tier: "silver"),
            "f3": FanProfile(ageBand: "18-24", region: "Shanghai", segment: "champions", tier: "gold"),
        ]
        let report = FanProfileAnalysis.analyze(fans: fans + ["f1"]) { profiles[$0] }
        #expect(report.fans == 4)
        #expect(report.profiled == 3)
        #expect(report.ageBands.map(\.value) == ["25-34", "18-24"])
        #expect(report.ageBands.map(\.count) == [2, 1])
        #expect(report.regions.first == AttributeShare(value: "Shanghai", count: 2, share: 2.0 / 3))
        #expect(report.segments.map(\.value) == ["champions", FanProfileAnalysis.unknown])
        #expect(report.tiers.map(\.count) == [2, 1])
        let asOf = try CalendarDay(iso: "2024-03-01")
        #expect(FanProfile.ageBand(birthDate: try CalendarDay(iso: "2006-03-01"), asOf: asOf) == "18-24")
        #expect(FanProfile.ageBand(birthDate: try CalendarDay(iso: "2006-03-02"), asOf: asOf) == "<18")
        #expect(FanProfile.ageBand(birthDate: try CalendarDay(iso: "1969-02-28"), asOf: asOf) == "55+")
        #expect(FanProfile.ageBand(birthDate: try CalendarDay(iso: "2025-01-01"), asOf: asOf) == nil)
    }
}
