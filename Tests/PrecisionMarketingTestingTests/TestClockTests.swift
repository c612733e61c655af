import CustomerModel
import PrecisionMarketingTesting
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("TestClock")
struct TestClockTests {
    @Test func startsWhereToldAndAdvances() throws {
        let day = try CalendarDay(iso: "2024-06-01")
        let clock = TestClock(day: day)
        #expect(clock.now() == day.startUTC)
        #expect(clock.today == day)
        clock.advance(days: 30)
        #expect(clock.today == day.adding(days: 30))
        #expect(clock.advance(by: -1) == day.adding(days: 30).startUTC.addingTimeInterval(-1))
        #expect(clock.today == day.adding(days: 29))
        clock.set(to: day)
        #expect(clock.now() == day.startUTC)
    }

    @Test func isATimeSource() {
        func read(_ source: some TimeSource) -> Date { source.now() }
        let clock = TestClock()
        #expect(read(clock) == Date(timeIntervalSince1970: 0))
    }

    @Test func concurrentAdvancesAreNotLost() async {
        let clock = TestClock()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<100 {
                group.addTask { for _ in 0..<100 { clock.advance(by: 1) } }
            }
        }
        #expect(clock.now() == Date(timeIntervalSince1970: 10_000))
    }
}

@Suite("Approximate equality")
struct ApproximateEqualityTests {
    @Test func tolerances() {
        #expect(isApproximatelyEqual(1.0, 1.0 + 1e-10))
        #expect(!isApproximatelyEqual(1.0, 1.001))
        #expect(isApproximatelyEqual(1.0, 1.001, relativeTolerance: 0.01))
        #expect(isApproximatelyEqual(0.0, 1e-13, absoluteTolerance: 1e-12))
        #expect(!isApproximatelyEqual(0.0, 1e-13))
        #expect(isApproximatelyEqual(Double.infinity, .infinity))
        #expect(!isApproximatelyEqual(Double.infinity, .greatestFiniteMagnitude))
        #expect(!isApproximatelyEqual(Double.nan, .nan))
        #expect(isApproximatelyEqual(Float(1), Float(1.0001), relativeTolerance: 0.001))
        #expect(isApproximatelyEqual([1.0, 2.0], [1.0, 2.0 + 1e-12]))
        #expect(!isApproximatelyEqual([1.0], [1.0, 2.0]))
    }
}

@Suite("JSON Lines")
struct JSONLinesWriterTests {
    @Test func oneObjectPerLine() throws {
        let data = try SyntheticDataGenerator(configuration: .init(customers: 20, seed: 1)).generate()
        let bytes = try JSONLinesWriter().bytes(for: data.profiles)
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 20)
        #expect(lines.allSatisfy { $0.hasPrefix("{") && $0.hasSuffix("}") })
        let events = try JSONLinesWriter().bytes(for: data.interactions)
        #expect(String(decoding: events, as: UTF8.self).split(separator: "\n").count == data.interactions.count)
    }
}
