/// A calendar day (proleptic Gregorian, no time zone) stored as a day number.
///
/// Analytics compare and subtract days as plain integers: `dayNumber` counts days since
/// 1970-01-01, so `later.dayNumber - earlier.dayNumber` is the number of days between them.
/// Encodes as `"YYYY-MM-DD"`.
public struct CalendarDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, Strideable {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int32

    /// Wraps a day number.
    public init(dayNumber: Int32) { self.dayNumber = dayNumber }

    /// Creates a day from year, month and day of month.
    ///
    /// Years 0...9999, the ones `YYYY-MM-DD` can write, so every day prints as text that
    /// ``init(iso:)`` reads back.
    /// - Throws: ``DateError`` when the month or day does not exist (2023-02-29, 2024-13-01)
    ///   or the year is outside 0...9999.
    public init(year: Int, month: Int, day: Int) throws(DateError) {
        guard (1...12).contains(month), day >= 1,
              day <= CalendarDay.daysInMonth(year: year, month: month),
              (0...9999).contains(year)
        else {
            throw DateError(.invalidDate, "\(year)-\(month)-\(day) is not a calendar date")
        }
        self.dayNumber = Int32(CalendarDay.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses `"YYYY-MM-DD"` (exactly ten characters).
    public init(iso text: some StringProtocol) throws(DateError) {
        var utf8 = Array(text.utf8)
        let parsed = utf8.withUnsafeMutableBufferPointer { CalendarDay.parse(UnsafeBufferPointer($0)) }
        guard let parsed else {
            throw DateError(.invalidDate, "'\(text)' is not a YYYY-MM-DD date")
        }
        self = parsed
    }

    /// Parses `YYYY-MM-DD` from ASCII bytes; nil when malformed or not a real date.
    /// - Complexity: O(1).
    @inlinable
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDay? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let d = bytes[i] &- 48
            return d <= 9 ? Int(d) : nil
        }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
              let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9)
        else { return nil }
        let year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
        let month = m0 * 10 + m1
        let day = d0 * 10 + d1
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
        return CalendarDay(dayNumber: Int32(daysFromCivil(year: year, month: month, day: day)))
    }

    /// The year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        CalendarDay.civilFromDays(Int(dayNumber))
    }

    /// `"YYYY-MM-DD"`.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendISO(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `YYYY-MM-DD` to a byte buffer (used by the fast writers).
    @inlinable
    public func appendISO(to bytes: inout [UInt8]) {
        let (year, month, day) = components
        if year < 0 { bytes.append(UInt8(ascii: "-")) }
        DecimalParser.appendDigits(UInt64(abs(year)), minimumWidth: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        DecimalParser.appendDigits(UInt64(month), minimumWidth: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        DecimalParser.appendDigits(UInt64(day), minimumWidth: 2, to: &bytes)
    }

    /// The day `days` later (earlier when negative).
    public func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + Int32(days)) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDay) -> Int { Int(other.dayNumber) - Int(dayNumber) }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.dayNumber < rhs.dayNumber }
    public func distance(to other: CalendarDay) -> Int { days(to: other) }
    public func advanced(by n: Int) -> CalendarDay { adding(days: n) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CalendarDay(iso: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Days in a month of the proleptic Gregorian calendar.
    @inlinable
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for every proleptic Gregorian date.
    @inlinable
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    @inlinable
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// An error for a date that does not exist or is out of the accepted range.
public struct DateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }
        /// Not a calendar date, or not in the expected format.
        public static let invalidDate = Code("invalidDate")
        /// A real date outside the range the caller accepts.
        public static let outOfRange = Code("outOfRange")
    }

    public let code: Code
    public let message: String
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
    public var description: String { "\(code): \(message)" }
}
