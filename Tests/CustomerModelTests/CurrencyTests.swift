#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Testing

@Suite("Currency")
struct CurrencyTests {
    @Test(arguments: [
        ("USD", 2), ("usd", 2), ("EUR", 2), ("JPY", 0), ("KRW", 0), ("KWD", 3), ("BHD", 3), ("CLF", 4), ("CNY", 2),
    ])
    func looksUpISOCodes(_ code: String, _ digits: Int) throws {
        let currency = try Currency(isoCode: code)
        #expect(currency.code == code.uppercased())
        #expect(currency.minorUnitDigits == digits)
        #expect(currency.description == code.uppercased())
    }

    @Test func namedCurrenciesMatchTheTable() throws {
        #expect(try Currency(isoCode: "USD") == .usd)
        #expect(try Currency(isoCode: "EUR") == .eur)
        #expect(try Currency(isoCode: "CNY") == .cny)
        #expect(try Currency(isoCode: "GBP") == .gbp)
        #expect(try Currency(isoCode: "JPY") == .jpy)
    }

    @Test(arguments: ["XYZ", "", "US", "USDX", "U$D"])
    func unknownCodesAreTypedErrors(_ code: String) {
        expectMoneyError(.unknownCurrency) { try Currency(isoCode: code) }
    }

    @Test func minorUnitsPerMajor() throws {
        #expect(Currency.jpy.minorUnitsPerMajor == 1)
        #expect(Currency.usd.minorUnitsPerMajor == 100)
        #expect(try Currency(isoCode: "KWD").minorUnitsPerMajor == 1_000)
        #expect(try Currency(isoCode: "CLF").minorUnitsPerMajor == 10_000)
    }

    @Test func customCurrencies() throws {
        let points = try Currency(code: "pts", minorUnitDigits: 0)
        #expect(points.code == "PTS")
        #expect(points.minorUnitDigits == 0)
        #expect(points != (try Currency(code: "PTS", minorUnitDigits: 1)))
        expectMoneyError(.unknownCurrency) { try Currency(code: "PT", minorUnitDigits: 0) }
        expectMoneyError(.unknownCurrency) { try Currency(code: "P1S", minorUnitDigits: 0) }
        expectMoneyError(.invalidAmount) { try Currency(code: "PTS", minorUnitDigits: 5) }
        expectMoneyError(.invalidAmount) { try Currency(code: "PTS", minorUnitDigits: -1) }
    }

    /// The documentation promises "three ASCII letters"; upper-casing first lets non-ASCII
    /// letters through ("ß" upper-cases to "SS", "ſ" to "S").
    @Test(arguments: ["aß", "uſd"])
    func nonASCIICodesAreRefused(_ code: String) {
        expectMoneyError(.unknownCurrency) { try Currency(code: code, minorUnitDigits: 2) }
        expectMoneyError(.unknownCurrency) { try Currency(isoCode: code) }
    }

    @Test(arguments: [Currency.usd, .jpy, .eur, try! Currency(isoCode: "KWD")])
    func roundTripsThroughJSONAsItsCode(_ currency: Currency) throws {
        let data = try JSONEncoder().encode([currency])
        #expect(String(decoding: data, as: UTF8.self) == "[\"\(currency.code)\"]")
        #expect(try JSONDecoder().decode([Currency].self, from: data) == [currency])
    }

    @Test func aCurrencyOutsideTheTableRoundTripsWithItsDigits() throws {
        let points = try Currency(code: "pts", minorUnitDigits: 0)
        let data = try JSONEncoder().encode([points])
        #expect(try JSONDecoder().decode([Currency].self, from: data) == [points])
        let money = Money(minorUnits: 1250, currency: points)
        #expect(try JSONDecoder().decode(Money.self, from: JSONEncoder().encode(money)) == money)
    }

    @Test func decodingAnUnknownCodeFails() {
        #expect(throws: (any Error).self) { try JSONDecoder().decode([Currency].self, from: Data(#"["XYZ"]"#.utf8)) }
    }
}
