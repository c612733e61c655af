/// An exact amount of money: integer minor units (cents) plus a currency.
///
/// Arithmetic never rounds and never mixes currencies: adding amounts in different
/// currencies, or overflowing 64 bits, throws ``MoneyError``.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The amount in the currency's minor unit (cents for EUR, yen for JPY).
    public let minorUnits: Int64
    /// The currency of the amount.
    public let currency: Currency

    /// Creates an amount from minor units.
    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in the given currency.
    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    /// Parses a decimal amount such as `"12.5"` or `"-3.07"` exactly.
    ///
    /// - Throws: ``MoneyError`` `.invalidAmount` for text that is not a plain decimal
    ///   (exponents, `nan` and `inf` are refused), `.tooManyDecimals` when there are more
    ///   decimals than the currency allows, `.overflow` when it does not fit.
    public init(decimal text: some StringProtocol, currency: Currency) throws(MoneyError) {
        var utf8 = Array(text.utf8)
        let result = utf8.withUnsafeMutableBufferPointer { buffer in
            DecimalParser.parseMinorUnits(UnsafeBufferPointer(buffer), digits: currency.minorUnitDigits)
        }
        switch result {
        case .value(let units): self.init(minorUnits: units, currency: currency)
        case .failure(let code): throw MoneyError(code, "'\(text)' is not a valid \(currency.code) amount")
        }
    }

    /// True when the amount is below zero.
    public var isNegative: Bool { minorUnits < 0 }

    /// The amount in major units as a `Double`, for analytics (not for bookkeeping).
    public var doubleValue: Double { Double(minorUnits) / Double(currency.minorUnitsPerMajor) }

    /// The exact decimal text, `"-12.30"` for -1230 cents.
    public var decimalString: String { DecimalParser.format(minorUnits: minorUnits, digits: currency.minorUnitDigits) }

    public var description: String { "\(decimalString) \(currency.code)" }

    /// The sum of two amounts in the same currency.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        if overflow { throw MoneyError(.overflow, "\(self) + \(other) overflows") }
        return Money(minorUnits: sum, currency: currency)
    }

    /// The difference of two amounts in the same currency.
    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        if overflow { throw MoneyError(.overflow, "\(self) - \(other) overflows") }
        return Money(minorUnits: difference, currency: currency)
    }

    /// The amount times a whole number (a quantity).
    public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: factor)
        if overflow { throw MoneyError(.overflow, "\(self) × \(factor) overflows") }
        return Money(minorUnits: product, currency: currency)
    }

    /// The sum of many amounts; all must share `currency`.
    public static func sum(_ amounts: some Sequence<Money>, currency: Currency) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    private func requireSameCurrency(_ other: Money) throws(MoneyError) {
        guard other.currency == currency else {
            throw MoneyError(.currencyMismatch, "cannot combine \(currency.code) and \(other.currency.code)")
        }
    }

    private enum CodingKeys: String, CodingKey { case amount, currency }

    /// Encodes as `{"amount": "12.30", "currency": "EUR"}`: the decimal is a string so that
    /// no JSON reader turns it into a binary float.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(decimalString, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try container.decode(Currency.self, forKey: .currency)
        let text: String
        if let string = try? container.decode(String.self, forKey: .amount) {
            text = string
        } else {
            // Accept a JSON number too, through its shortest decimal text.
            text = String(try container.decode(Double.self, forKey: .amount))
        }
        do {
            try self.init(decimal: text, currency: currency)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .amount, in: container, debugDescription: error.description)
        }
    }
}
