#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Testing

@Suite("Money")
struct MoneyTests {
    static let usd = Currency.usd

    static func dollars(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .usd) }

    // MARK: Arithmetic

    @Test func addsAndSubtractsExactly() throws {
        let a = Self.dollars(1_999)
        let b = Self.dollars(1)
        #expect(try a.adding(b) == Self.dollars(2_000))
        #expect(try a.subtracting(b) == Self.dollars(1_998))
        #expect(try b.subtracting(a) == Self.dollars(-1_998))
        #expect(try b.subtracting(a).isNegative)
        #expect(!(try a.subtracting(a).isNegative))
        #expect(try Self.dollars(1_234).multiplied(by: 3) == Self.dollars(3_702))
        #expect(try Self.dollars(1_234).multiplied(by: -1) == Self.dollars(-1_234))
    }

    @Test func sumsManyAmounts() throws {
        let amounts = (1...100).map { Self.dollars(Int64($0)) }
        #expect(try Money.sum(amounts, currency: .usd) == Self.dollars(5_050))
        #expect(try Money.sum([Money](), currency: .eur) == Money.zero(.eur))
    }

    @Test func mixingCurrenciesIsATypedError() throws {
        let dollars = Self.dollars(100)
        let euros = Money(minorUnits: 100, currency: .eur)
        expectMoneyError(.currencyMismatch) { try dollars.adding(euros) }
        expectMoneyError(.currencyMismatch) { try dollars.subtracting(euros) }
        expectMoneyError(.currencyMismatch) { try Money.sum([dollars, euros], currency: .usd) }
        // The same code with other minor-unit digits is another currency.
        expectMoneyError(.currencyMismatch) {
            try dollars.adding(Money(minorUnits: 1, currency: try Currency(code: "USD", minorUnitDigits: 3)))
        }
    }

    @Test func overflowIsATypedError() throws {
        let max = Self.dollars(.max)
        let min = Self.dollars(.min)
        expectMoneyError(.overflow) { try max.adding(Self.dollars(1)) }
        expectMoneyError(.overflow) { try min.subtracting(Self.dollars(1)) }
        expectMoneyError(.overflow) { try max.multiplied(by: 2) }
        expectMoneyError(.overflow) { try min.multiplied(by: -1) }
        expectMoneyError(.overflow) { try Money.sum([max, Self.dollars(1)], currency: .usd) }
        // Right at the edge is fine.
        #expect(try Self.dollars(.max - 1).adding(Self.dollars(1)) == max)
    }

    // MARK: Parsing and formatting

    struct Parsed: Sendable, CustomStringConvertible {
        let text: String
        let currency: Currency
        let minorUnits: Int64
        var description: String { "'\(text)' \(currency.code) = \(minorUnits)" }
    }

    static let valid: [Parsed] = [
        Parsed(text: "12.30", currency: .usd, minorUnits: 1_230),
        Parsed(text: "12.3", currency: .usd, minorUnits: 1_230),
        Parsed(text: "-3.07", currency: .usd, minorUnits: -307),
        Parsed(text: "1500", currency: .jpy, minorUnits: 1_500),
        Parsed(text: "1500.000", currency: .jpy, minorUnits: 1_500),
        Parsed(text: "1.234", currency: try! Currency(isoCode: "KWD"), minorUnits: 1_234),
        Parsed(text: "0.0001", currency: try! Currency(isoCode: "CLF"), minorUnits: 1),
    ]

    @Test(arguments: valid) func parsesDecimalText(_ case_: Parsed) throws {
        let money = try Money(decimal: case_.text, currency: case_.currency)
        #expect(money.minorUnits == case_.minorUnits)
        #expect(money.currency == case_.currency)
    }

    @Test(arguments: [
        ("1e3", MoneyError.Code.invalidAmount), ("nan", .invalidAmount), ("inf", .invalidAmount), ("", .invalidAmount),
        (" 1", .invalidAmount), ("1,000.00", .invalidAmount), ("1.005", .tooManyDecimals),
        ("92233720368547758.08", .overflow),
    ])
    func refusesBadText(_ text: String, _ code: MoneyError.Code) {
        expectMoneyError(code) { try Money(decimal: text, currency: .usd) }
    }

    @Test func formatsWithTheCurrencyDigits() throws {
        #expect(Self.dollars(-1_230).decimalString == "-12.30")
        #expect(Self.dollars(5).decimalString == "0.05")
        #expect(Self.dollars(-5).decimalString == "-0.05")
        #expect(Self.dollars(0).description == "0.00 USD")
        #expect(Money(minorUnits: 1_500, currency: .jpy).description == "1500 JPY")
        #expect(Money(minorUnits: 1_005, currency: try Currency(isoCode: "KWD")).decimalString == "1.005")
        #expect(Self.dollars(.max).decimalString == "92233720368547758.07")
        #expect(Self.dollars(.min).decimalString == "-92233720368547758.08")
        #expect(Self.dollars(1_250).doubleValue == 12.5)
    }

    // MARK: Codable

    @Test(arguments: [
        Money(minorUnits: 1_230, currency: .eur), Money(minorUnits: -7, currency: .usd),
        Money(minorUnits: 1_500, currency: .jpy), Money(minorUnits: 0, currency: .gbp),
        Money(minorUnits: .max, currency: .usd),
    ])
    func roundTripsThroughJSON(_ money: Money) throws {
        let data = try JSONEncoder().encode(money)
        #expect(try JSONDecoder().decode(Money.self, from: data) == money)
    }

    @Test func encodesTheAmountAsAString() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(Money(minorUnits: 1_230, currency: .eur))
        #expect(String(decoding: data, as: UTF8.self) == #"{"amount":"12.30","currency":"EUR"}"#)
    }

    @Test func decodesANumberAmountExactly() throws {
        let money = try JSONDecoder().decode(Money.self, from: Data(#"{"amount":12.3,"currency":"usd"}"#.utf8))
        #expect(money == Self.dollars(1_230))
    }

    @Test(arguments: [
        #"{"amount":"1.005","currency":"USD"}"#, #"{"amount":"1e3","currency":"USD"}"#,
        #"{"amount":"1","currency":"XYZ"}"#, #"{"currency":"USD"}"#,
    ])
    func refusesBadJSON(_ json: String) {
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Money.self, from: Data(json.utf8)) }
    }

    /// `Int64.min` minor units fit in a `Money` and format as text, so the text must parse back.
    @Test func theSmallestAmountRoundTrips() throws {
        let smallest = Self.dollars(.min)
        #expect(try Money(decimal: smallest.decimalString, currency: .usd) == smallest)
        let data = try JSONEncoder().encode(smallest)
        #expect(try JSONDecoder().decode(Money.self, from: data) == smallest)
    }
}

/// Expects `body` to throw a ``MoneyError`` with `code`.
func expectMoneyError(
    _ code: MoneyError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> some Any
) {
    let error = #expect(throws: MoneyError.self, sourceLocation: sourceLocation) { _ = try body() }
    #expect(error?.code == code, sourceLocation: sourceLocation)
}
