/// An ISO 4217 currency: its three-letter code and the number of digits of its minor unit.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The ISO 4217 alphabetic code, upper case (`"EUR"`).
    public let code: String
    /// Digits after the decimal point in the minor unit: 2 for EUR (cents), 0 for JPY, 3 for KWD.
    public let minorUnitDigits: Int

    /// Creates a currency that is not in the built-in table (a loyalty currency, say).
    ///
    /// - Throws: ``MoneyError`` with code `.unknownCurrency` when the code is not three ASCII
    ///   letters, or `.invalidAmount` when `minorUnitDigits` is outside 0...4.
    public init(code: String, minorUnitDigits: Int) throws(MoneyError) {
        guard let upper = Currency.asciiUppercased(code) else {
            throw MoneyError(.unknownCurrency, "currency code '\(code)' is not three ASCII letters")
        }
        guard (0...4).contains(minorUnitDigits) else {
            throw MoneyError(.invalidAmount, "minor-unit digits \(minorUnitDigits) are outside 0...4")
        }
        self.code = upper
        self.minorUnitDigits = minorUnitDigits
    }

    private init(known code: String, _ digits: Int) {
        self.code = code
        self.minorUnitDigits = digits
    }

    /// Looks a currency up in the ISO 4217 table by its code (case-insensitive).
    ///
    /// - Throws: ``MoneyError`` with code `.unknownCurrency` when the code is not in the table.
    public init(isoCode: String) throws(MoneyError) {
        guard let upper = Currency.asciiUppercased(isoCode), let known = Currency.table[upper] else {
            throw MoneyError(.unknownCurrency, "unknown currency '\(isoCode)'")
        }
        self = known
    }

    public var description: String { code }

    /// The code upper-cased when it is exactly three ASCII letters, else nil (so that no
    /// Unicode case mapping can turn "uſd" into "USD").
    private static func asciiUppercased(_ code: String) -> String? {
        let bytes = Array(code.utf8)
        guard bytes.count == 3, bytes.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }) else { return nil }
        return String(decoding: bytes.map { $0 >= 97 ? $0 - 32 : $0 }, as: UTF8.self)
    }

    /// 10 to the power of ``minorUnitDigits``: minor units per major unit.
    public var minorUnitsPerMajor: Int64 {
        var factor: Int64 = 1
        for _ in 0..<minorUnitDigits { factor *= 10 }
        return factor
    }

    /// Decodes `"EUR"` (an ISO 4217 code) or `{"code": "PTS", "minorUnitDigits": 0}` (a
    /// currency outside the table, as ``encode(to:)`` writes it).
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: CodingKeys.self),
           let code = try? container.decode(String.self, forKey: .code) {
            let digits = try container.decode(Int.self, forKey: .minorUnitDigits)
            do {
                self = try Currency(code: code, minorUnitDigits: digits)
            } catch {
                throw DecodingError.dataCorruptedError(forKey: .code, in: container, debugDescription: error.description)
            }
            return
        }
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        do {
            self = try Currency(isoCode: code)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    private enum CodingKeys: String, CodingKey { case code, minorUnitDigits }

    /// Encodes an ISO 4217 currency as its code, and any other currency as an object with
    /// its code and minor-unit digits, so that both decode back to the same value.
    public func encode(to encoder: any Encoder) throws {
        if Currency.table[code] == self {
            var container = encoder.singleValueContainer()
            try container.encode(code)
        } else {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(minorUnitDigits, forKey: .minorUnitDigits)
        }
    }

    public static let usd = Currency(known: "USD", 2)
    public static let eur = Currency(known: "EUR", 2)
    public static let cny = Currency(known: "CNY", 2)
    public static let gbp = Currency(known: "GBP", 2)
    public static let jpy = Currency(known: "JPY", 0)

    /// Active ISO 4217 currencies with their minor-unit digits.
    static let table: [String: Currency] = {
        let zero = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX",
                    "UYI", "VND", "VUV", "XAF", "XOF", "XPF"]
        let three = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]
        let four = ["CLF", "UYW"]
        let two = ["AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM",
                   "BBD", "BDT", "BGN", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN",
                   "BZD", "CAD", "CDF", "CHF", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DKK",
                   "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS",
                   "GIP", "GMD", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR",
                   "IRR", "JMD", "KES", "KGS", "KHR", "KPW", "KYD", "KZT", "LAK", "LBP", "LKR",
                   "LRD", "LSL", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR",
                   "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD",
                   "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR",
                   "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN",
                   "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TOP", "TRY", "TTD", "TWD", "TZS",
                   "UAH", "USD", "UYU", "UZS", "VES", "WST", "XCD", "YER", "ZAR", "ZMW", "ZWG"]
        var table: [String: Currency] = [:]
        for (codes, digits) in [(zero, 0), (two, 2), (three, 3), (four, 4)] {
            for code in codes { table[code] = Currency(known: code, digits) }
        }
        return table
    }()
}
