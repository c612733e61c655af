/// Exact decimal parsing and formatting on ASCII bytes, shared by `Money` and the importers.
///
/// The parser accepts an optional sign, digits, and an optional dot followed by digits
/// (`"12"`, `"12.5"`, `"-0.07"`, `".5"`). Exponents, `nan`, `inf`, thousands separators and
/// spaces are refused: an amount is never guessed.
public enum DecimalParser {
    /// The outcome of parsing one decimal.
    public enum Result: Equatable, Sendable {
        case value(Int64)
        case failure(MoneyError.Code)
    }

    /// Parses `bytes` into minor units with `digits` decimals of precision.
    ///
    /// Trailing zeros beyond `digits` are accepted (`"1.500"` for 2 digits is 150); any other
    /// extra decimal is `.tooManyDecimals`.
    /// - Complexity: O(n) in the number of bytes.
    @inlinable
    public static func parseMinorUnits(_ bytes: UnsafeBufferPointer<UInt8>, digits: Int) -> Result {
        var index = 0
        let count = bytes.count
        guard count > 0 else { return .failure(.invalidAmount) }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        // The magnitude is built unsigned so that Int64.min (one more than Int64.max) parses.
        var value: UInt64 = 0
        var sawDigit = false
        var overflowed = false
        @inline(__always) func push(_ digit: UInt8) {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(UInt64(digit))
            overflowed = overflowed || o1 || o2
            value = next
        }
        while index < count {
            let digit = bytes[index] &- 48
            if digit > 9 { break }
            sawDigit = true
            push(digit)
            index += 1
        }
        var fractionDigits = 0
        if index < count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < count {
                let digit = bytes[index] &- 48
                if digit > 9 { break }
                sawDigit = true
                if fractionDigits < digits {
                    push(digit)
                    fractionDigits += 1
                } else if digit != 0 {
                    // Consume the rest so that a malformed tail still reports as invalid first.
                    var rest = index + 1
                    while rest < count, bytes[rest] &- 48 <= 9 { rest += 1 }
                    return rest == count ? .failure(.tooManyDecimals) : .failure(.invalidAmount)
                }
                index += 1
            }
        }
        guard sawDigit, index == count else { return .failure(.invalidAmount) }
        while fractionDigits < digits {
            push(0)
            fractionDigits += 1
        }
        let limit = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        if overflowed || value > limit { return .failure(.overflow) }
        return .value(negative ? Int64(bitPattern: 0 &- value) : Int64(value))
    }

    /// Formats minor units as an exact decimal with `digits` decimals: `format(-1230, 2)` is `"-12.30"`.
    public static func format(minorUnits: Int64, digits: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(minorUnits: minorUnits, digits: digits, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the decimal text of `minorUnits` to a byte buffer (the fast writers use this).
    @inlinable
    public static func append(minorUnits: Int64, digits: Int, to bytes: inout [UInt8]) {
        let magnitude = minorUnits.magnitude
        if minorUnits < 0 { bytes.append(UInt8(ascii: "-")) }
        var divisor: UInt64 = 1
        for _ in 0..<digits { divisor *= 10 }
        let whole = magnitude / divisor
        let fraction = magnitude % divisor
        appendDigits(whole, minimumWidth: 1, to: &bytes)
        if digits > 0 {
            bytes.append(UInt8(ascii: "."))
            appendDigits(fraction, minimumWidth: digits, to: &bytes)
        }
    }

    /// Appends the decimal digits of `value`, left-padded with zeros to `minimumWidth`.
    @inlinable
    public static func appendDigits(_ value: UInt64, minimumWidth: Int, to bytes: inout [UInt8]) {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for 20 digits
        var length = 0
        withUnsafeMutableBytes(of: &buffer) { raw in
            var v = value
            repeat {
                raw[23 - length] = UInt8(truncatingIfNeeded: v % 10) + 48
                v /= 10
                length += 1
            } while v > 0
            while length < minimumWidth && length < 24 {
                raw[23 - length] = 48
                length += 1
            }
            bytes.append(contentsOf: raw[(24 - length)...])
        }
    }
}
