import CustomerModel
import PrecisionMarketingTesting
import Testing

@Suite("DecimalParser")
struct DecimalParserTests {
    static func parse(_ text: String, digits: Int) -> DecimalParser.Result {
        Array(text.utf8).withUnsafeBufferPointer { DecimalParser.parseMinorUnits($0, digits: digits) }
    }

    struct Case: Sendable, CustomStringConvertible {
        let text: String
        let digits: Int
        let expected: DecimalParser.Result
        init(_ text: String, _ digits: Int, _ expected: DecimalParser.Result) {
            self.text = text
            self.digits = digits
            self.expected = expected
        }
        var description: String { "'\(text)' with \(digits) digits" }
    }

    static let accepted: [Case] = [
        Case("1.5", 2, .value(150)),
        Case(".5", 2, .value(50)),
        Case("-0.07", 2, .value(-7)),
        Case("-.5", 2, .value(-50)),
        Case("+3", 2, .value(300)),
        Case("12", 2, .value(1_200)),
        Case("007.50", 2, .value(750)),
        Case("1.500", 2, .value(150)),
        Case("1.50000000000000000000", 2, .value(150)),
        Case("0", 2, .value(0)),
        Case("-0", 2, .value(0)),
        Case("0.00", 2, .value(0)),
        Case("92233720368547758.07", 2, .value(.max)),
        // JPY: no minor unit.
        Case("1500", 0, .value(1_500)),
        Case("1500.0", 0, .value(1_500)),
        // KWD: three digits.
        Case("1.234", 3, .value(1_234)),
        Case("0.001", 3, .value(1)),
        Case("2.1", 3, .value(2_100)),
    ]

    @Test(arguments: accepted) func acceptsPlainDecimals(_ c: Case) {
        #expect(Self.parse(c.text, digits: c.digits) == c.expected)
    }

    static let refused: [Case] = [
        Case("1.005", 2, .failure(.tooManyDecimals)),
        Case("1.0050", 2, .failure(.tooManyDecimals)),
        Case("0.001", 2, .failure(.tooManyDecimals)),
        Case("1500.5", 0, .failure(.tooManyDecimals)),
        Case("1.2345", 3, .failure(.tooManyDecimals)),
        Case("1.005x", 2, .failure(.invalidAmount)),
        Case("1e3", 2, .failure(.invalidAmount)),
        Case("1E3", 2, .failure(.invalidAmount)),
        Case("nan", 2, .failure(.invalidAmount)),
        Case("NaN", 2, .failure(.invalidAmount)),
        Case("inf", 2, .failure(.invalidAmount)),
        Case("-inf", 2, .failure(.invalidAmount)),
        Case("", 2, .failure(.invalidAmount)),
        Case(" 1", 2, .failure(.invalidAmount)),
        Case("1 ", 2, .failure(.invalidAmount)),
        Case("-", 2, .failure(.invalidAmount)),
        Case("+", 2, .failure(.invalidAmount)),
        Case(".", 2, .failure(.invalidAmount)),
        Case("--1", 2, .failure(.invalidAmount)),
        Case("1.2.3", 2, .failure(.invalidAmount)),
        Case("1,000", 2, .failure(.invalidAmount)),
        Case("0x10", 2, .failure(.invalidAmount)),
        Case("$1", 2, .failure(.invalidAmount)),
        Case("92233720368547758.08", 2, .failure(.overflow)),
        Case("99999999999999999999", 0, .failure(.overflow)),
        Case("92233720368547759", 2, .failure(.overflow)),
    ]

    @Test(arguments: refused) func refusesEverythingElse(_ c: Case) {
        #expect(Self.parse(c.text, digits: c.digits) == c.expected)
    }

    /// `Int64.min` minor units are representable, so their text must parse (see `Money`).
    @Test func parsesTheSmallestInt64() {
        #expect(Self.parse("-92233720368547758.08", digits: 2) == .value(.min))
        #expect(Self.parse("-9223372036854775808", digits: 0) == .value(.min))
        #expect(Self.parse("-9223372036854775809", digits: 0) == .failure(.overflow))
    }

    @Test(arguments: [
        (Int64(-1_230), 2, "-12.30"), (5, 2, "0.05"), (-5, 2, "-0.05"), (0, 2, "0.00"), (1_500, 0, "1500"),
        (1, 3, "0.001"), (1_234_567, 3, "1234.567"), (.max, 2, "92233720368547758.07"),
        (.min, 2, "-92233720368547758.08"), (.min, 0, "-9223372036854775808"),
    ])
    func formatsExactly(_ minorUnits: Int64, _ digits: Int, _ text: String) {
        #expect(DecimalParser.format(minorUnits: minorUnits, digits: digits) == text)
    }

    @Test func formatThenParseIsTheIdentity() {
        var generator = SeededGenerator(seed: 7)
        for digits in 0...4 {
            for _ in 0..<500 {
                let value = Int64(bitPattern: generator.next()) >> Int64(generator.next() % 60)
                let text = DecimalParser.format(minorUnits: value, digits: digits)
                #expect(Self.parse(text, digits: digits) == .value(value), "\(text)")
            }
        }
    }

    @Test func appendsZeroPaddedDigits() {
        var bytes: [UInt8] = []
        DecimalParser.appendDigits(42, minimumWidth: 4, to: &bytes)
        bytes.append(UInt8(ascii: "|"))
        DecimalParser.appendDigits(123_456, minimumWidth: 2, to: &bytes)
        bytes.append(UInt8(ascii: "|"))
        DecimalParser.appendDigits(.max, minimumWidth: 1, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "0042|123456|18446744073709551615")
    }
}
