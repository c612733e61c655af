#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Parses the timestamps of the JSON Lines formats, without locale or time-zone databases.
///
/// Accepted: a day `YYYY-MM-DD` (midnight UTC), or an ISO 8601 date-time
/// `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or an offset `±HH:MM` / `±HHMM`.
/// A date-time without a zone is refused rather than guessed.
public enum JSONLinesTimestamp {
    /// The instant `text` denotes, or nil when it is not an accepted form or not a real date.
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: some StringProtocol) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10 else { return nil }
        let day = bytes.withUnsafeBufferPointer { CalendarDay.parse(UnsafeBufferPointer(rebasing: $0[0..<10])) }
        guard let day else { return nil }
        if bytes.count == 10 { return day.startUTC }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return nil }
        var reader = DigitReader(bytes: bytes, index: 11)
        guard let hour = reader.number(width: 2), hour <= 23,
              reader.skip(UInt8(ascii: ":")), let minute = reader.number(width: 2), minute <= 59
        else { return nil }
        var seconds = 0.0
        if reader.skip(UInt8(ascii: ":")) {
            guard let whole = reader.number(width: 2), whole <= 60 else { return nil }
            seconds = Double(whole)
            if reader.skip(UInt8(ascii: ".")) {
                var scale = 0.1
                var digits = 0
                while let digit = reader.digit() {
                    seconds += Double(digit) * scale
                    scale /= 10
                    digits += 1
                }
                guard digits >= 1 else { return nil }
            }
        }
        guard let offsetSeconds = reader.zoneOffset(), reader.isAtEnd else { return nil }
        let total = Double(day.dayNumber) * 86_400 + Double(hour * 3_600 + minute * 60) + seconds - Double(offsetSeconds)
        return Date(timeIntervalSince1970: total)
    }

    private struct DigitReader {
        let bytes: [UInt8]
        var index: Int

        var isAtEnd: Bool { index == bytes.count }

        mutating func digit() -> Int? {
            guard index < bytes.count, bytes[index] &- 48 <= 9 else { return nil }
            defer { index += 1 }
            return Int(bytes[index] &- 48)
        }

        mutating func number(width: Int) -> Int? {
            var value = 0
            for _ in 0..<width {
                guard let d = digit() else { return nil }
                value = value * 10 + d
            }
            return value
        }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// `Z` or `±HH:MM` / `±HHMM`, as seconds east of UTC.
        mutating func zoneOffset() -> Int? {
            if skip(UInt8(ascii: "Z")) || skip(UInt8(ascii: "z")) { return 0 }
            let sign: Int
            if skip(UInt8(ascii: "+")) { sign = 1 } else if skip(UInt8(ascii: "-")) { sign = -1 } else { return nil }
            guard let hours = number(width: 2), hours <= 23 else { return nil }
            _ = skip(UInt8(ascii: ":"))
            guard let minutes = number(width: 2), minutes <= 59 else { return nil }
            return sign * (hours * 3_600 + minutes * 60)
        }
    }
}
