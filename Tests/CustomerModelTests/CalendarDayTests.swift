#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Testing

@Suite("CalendarDay")
struct CalendarDayTests {
    static func day(_ text: String) throws -> CalendarDay { try CalendarDay(iso: text) }

    /// Day numbers checked against Python's `date.toordinal()` differences from 1970-01-01.
    @Test(arguments: [
        ("1970-01-01", Int32(0)), ("1969-12-31", -1), ("2000-01-01", 10_957), ("2000-03-01", 11_017),
        ("2024-02-29", 19_782), ("2025-01-01", 20_089), ("1900-01-01", -25_567), ("2199-12-31", 84_005),
        ("0001-01-01", -719_162), ("9999-12-31", 2_932_896), ("1600-02-29", -135_081),
    ])
    func knownDayNumbers(_ text: String, _ dayNumber: Int32) throws {
        let parsed = try Self.day(text)
        #expect(parsed.dayNumber == dayNumber)
        #expect(parsed.description == text)
        #expect(CalendarDay(dayNumber: dayNumber).description == text)
        let (y, m, d) = parsed.components
        #expect(try CalendarDay(year: y, month: m, day: d) == parsed)
    }

    /// Walks every day from 1600-01-01 to 2400-12-31 with a naive calendar and checks that
    /// the day number goes up by exactly one and every conversion agrees.
    @Test func roundTripsEveryDayOfEightCenturies() throws {
        func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
        let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var expected = try CalendarDay(year: 1600, month: 1, day: 1).dayNumber
        #expect(expected == -135_140)
        var leapDays = 0
        for year in 1600...2400 {
            for month in 1...12 {
                let length = month == 2 && isLeap(year) ? 29 : monthLengths[month - 1]
                #expect(CalendarDay.daysInMonth(year: year, month: month) == length)
                for dayOfMonth in 1...length {
                    let day = CalendarDay(dayNumber: expected)
                    let components = day.components
                    if components != (year, month, dayOfMonth) {
                        Issue.record("day \(expected) is \(components), expected \(year)-\(month)-\(dayOfMonth)")
                        return
                    }
                    if month == 2 && dayOfMonth == 29 { leapDays += 1 }
                    expected += 1
                }
            }
        }
        // 801 years, of which 195 are leap years (1600, 2000 and 2400 are; 1700, 1800, ... are not).
        #expect(leapDays == 195)
        #expect(expected - (try CalendarDay(year: 1600, month: 1, day: 1).dayNumber) == 801 * 365 + 195)
    }

    @Test func textRoundTripsOverFourHundredYears() throws {
        let first = try Self.day("1900-01-01")
        for offset in stride(from: 0, to: 146_097, by: 7) {
            let day = first.adding(days: offset)
            let text = day.description
            let back = try CalendarDay(iso: text)
            if back != day {
                Issue.record("\(text) parsed as \(back.dayNumber), not \(day.dayNumber)")
                return
            }
        }
    }

    @Test(arguments: [
        "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32", "2024-04-31", "1900-02-29",
        "2100-02-29", "2024-1-01", "2024/01/01", "24-01-01", "2024-01-01 ", " 2024-01-01", "2024-01-01T00:00",
        "", "abcd-ef-gh", "2024-0a-01",
    ])
    func refusesInvalidText(_ text: String) {
        let error = #expect(throws: DateError.self) { try CalendarDay(iso: text) }
        #expect(error?.code == .invalidDate)
    }

    @Test(arguments: [(2023, 2, 29), (2024, 13, 1), (2024, 0, 10), (2024, 1, 0), (2024, 6, 31), (1900, 2, 29)])
    func refusesInvalidComponents(_ year: Int, _ month: Int, _ day: Int) {
        // (Year range: see yearsOutsideTheWritableRangeAreRefused.)
        let error = #expect(throws: DateError.self) { try CalendarDay(year: year, month: month, day: day) }
        #expect(error?.code == .invalidDate)
    }

    @Test func acceptsLeapDays() throws {
        #expect(try CalendarDay(year: 2024, month: 2, day: 29).description == "2024-02-29")
        #expect(try CalendarDay(year: 2000, month: 2, day: 29).description == "2000-02-29")
        #expect(try Self.day("2024-02-29").adding(days: 1) == (try Self.day("2024-03-01")))
        #expect(try Self.day("2023-02-28").adding(days: 1) == (try Self.day("2023-03-01")))
    }

    @Test func daysBetweenDates() throws {
        let a = try Self.day("2024-01-01")
        let b = try Self.day("2025-01-01")
        #expect(a.days(to: b) == 366)
        #expect(b.days(to: a) == -366)
        #expect(try Self.day("2023-01-01").days(to: Self.day("2024-01-01")) == 365)
        #expect(try Self.day("2024-12-31").days(to: Self.day("2025-01-01")) == 1)
        #expect(try Self.day("1997-01-01").days(to: Self.day("1998-07-01")) == 546)
        #expect(a.days(to: a) == 0)
        #expect(a.distance(to: b) == 366)
        #expect(a.advanced(by: 366) == b)
        #expect(b.adding(days: -366) == a)
        #expect(Array(stride(from: a, to: b, by: 1)).count == 366)
        #expect(Array(stride(from: a, through: b, by: 31)).last == (try Self.day("2024-12-07")))
    }

    @Test func ordersByDay() throws {
        let days = try ["2024-03-01", "1999-12-31", "2024-02-29", "2000-01-01"].map(Self.day)
        #expect(days.sorted().map(\.description) == ["1999-12-31", "2000-01-01", "2024-02-29", "2024-03-01"])
        #expect(try Self.day("2024-02-29") < Self.day("2024-03-01"))
        #expect(!(try Self.day("2024-03-01") < Self.day("2024-03-01")))
    }

    @Test func parsesFromBytes() {
        let valid = Array("2024-02-29".utf8).withUnsafeBufferPointer { CalendarDay.parse($0) }
        #expect(valid?.dayNumber == 19_782)
        let invalid = Array("2023-02-29".utf8).withUnsafeBufferPointer { CalendarDay.parse($0) }
        #expect(invalid == nil)
        var bytes: [UInt8] = Array("d=".utf8)
        valid?.appendISO(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "d=2024-02-29")
    }

    @Test func codableAsISOText() throws {
        let days = try ["2024-02-29", "1970-01-01", "0001-01-01", "9999-12-31"].map(Self.day)
        let data = try JSONEncoder().encode(days)
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-02-29","1970-01-01","0001-01-01","9999-12-31"]"#)
        #expect(try JSONDecoder().decode([CalendarDay].self, from: data) == days)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDay].self, from: Data(#"["2023-02-29"]"#.utf8))
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDay].self, from: Data("[19782]".utf8)) }
    }

    @Test(arguments: [-1, 10_000])
    func yearsOutsideTheWritableRangeAreRefused(_ year: Int) {
        let error = #expect(throws: DateError.self) { try CalendarDay(year: year, month: 1, day: 1) }
        #expect(error?.code == .invalidDate)
    }

    @Test func everyDayPrintsAsTextThatParsesBack() throws {
        for day in [try CalendarDay(year: 0, month: 1, day: 1), try CalendarDay(year: 9999, month: 12, day: 31)] {
            #expect(try CalendarDay(iso: day.description) == day)
        }
    }
}
