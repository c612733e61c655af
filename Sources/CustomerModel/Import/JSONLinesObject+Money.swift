extension JSONLinesObject {
    /// A currency code from `key`; nil when absent.
    package func optionalCurrency(_ key: String) throws(JSONLinesFieldError) -> Currency? {
        guard let code = try optionalString(key) else { return nil }
        do {
            return try Currency(isoCode: code)
        } catch {
            throw failure(key, .unknownCurrency, "'\(code)' in \(name(key)) is not an ISO 4217 currency")
        }
    }

    /// A non-negative amount in `currency`, given as a decimal string (`"19.90"`) or a JSON number.
    package func amount(_ key: String, currency: Currency) throws(JSONLinesFieldError) -> Money {
        let value = try required(key)
        let text: String
        switch value {
        case .string(let s): text = s
        case .integer(let i): text = String(i)
        case .number(let d): text = String(d)
        default: throw failure(key, .invalidAmount, "\(name(key)) must be a decimal string or a number, not \(value.typeName)")
        }
        let money: Money
        do {
            money = try Money(decimal: text, currency: currency)
        } catch {
            let reason: RejectionReason
            switch error.code {
            case .tooManyDecimals: reason = .tooManyDecimals
            case .overflow: reason = .amountOverflow
            default: reason = .invalidAmount
            }
            let detail = reason == .tooManyDecimals
                ? "has more than \(currency.minorUnitDigits) decimals for \(currency.code)"
                : reason == .amountOverflow ? "is too large" : "is not a plain decimal number"
            throw failure(key, reason, "\(name(key)) \(value.quoted) \(detail)")
        }
        guard !money.isNegative else {
            throw failure(key, .negativeAmount, "\(name(key)) \(value.quoted) is negative")
        }
        return money
    }

    /// A positive integer quantity (a JSON integer; `2.5`, `0`, `-1` and `"2"` are refused).
    package func quantity(_ key: String) throws(JSONLinesFieldError) -> Int {
        let value = try required(key)
        guard case .integer(let count) = value, count >= 1, let quantity = Int(exactly: count) else {
            throw failure(key, .invalidQuantity, "\(name(key)) \(value.quoted) is not a positive integer")
        }
        return quantity
    }
}
