#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// A failure to read one field: its path, the rejection reason and a message.
struct SocialJSONFieldError: Error, Sendable {
    let field: String?
    let reason: RejectionReason
    let message: String
}

/// A JSON object of one line (or nested in it) with typed field readers that name the
/// field's full path on failure.
struct SocialJSONObject: Sendable {
    let fields: [String: SocialJSONValue]
    let path: String

    init(_ fields: [String: SocialJSONValue], path: String = "") {
        self.fields = fields
        self.path = path
    }

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func failure(_ key: String?, _ reason: RejectionReason, _ message: String) -> SocialJSONFieldError {
        SocialJSONFieldError(field: key.map(name), reason: reason, message: message)
    }

    func value(_ key: String) -> SocialJSONValue? {
        guard let value = fields[key], value != .null else { return nil }
        return value
    }

    func optionalString(_ key: String) throws(SocialJSONFieldError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else {
            throw failure(key, .invalidField, "\(name(key)) must be a string, not \(value.typeName)")
        }
        return text
    }

    func requiredString(_ key: String) throws(SocialJSONFieldError) -> String {
        guard let text = try optionalString(key) else { throw failure(key, .missingField, "\(name(key)) is required") }
        return text
    }

    func nonEmptyString(_ key: String) throws(SocialJSONFieldError) -> String {
        let text = try requiredString(key)
        guard !text.allSatisfy(\.isWhitespace) else { throw failure(key, .invalidField, "\(name(key)) is empty") }
        return text
    }

    /// A required id: a non-blank string, or a JSON integer taken as its decimal text.
    func id(_ key: String) throws(SocialJSONFieldError) -> String {
        guard let text = try optionalID(key) else { throw failure(key, .missingField, "\(name(key)) is required") }
        return text
    }

    /// An optional id; present but blank is `emptyID`.
    func optionalID(_ key: String) throws(SocialJSONFieldError) -> String? {
        guard let value = value(key) else { return nil }
        let text: String
        switch value {
        case .string(let s): text = s
        case .integer(let i): text = String(i)
        default: throw failure(key, .invalidField, "\(name(key)) must be a string, not \(value.typeName)")
        }
        guard !text.allSatisfy(\.isWhitespace) else { throw failure(key, .emptyID, "\(name(key)) is empty") }
        return text
    }

    /// An optional non-negative JSON integer.
    func optionalCount(_ key: String) throws(SocialJSONFieldError) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .integer(let count) = value, count >= 0, let result = Int(exactly: count) else {
            throw failure(key, .invalidField, "\(name(key)) \(value.quoted) is not a non-negative integer")
        }
        return result
    }

    func optionalObject(_ key: String) throws(SocialJSONFieldError) -> SocialJSONObject? {
        guard let value = value(key) else { return nil }
        guard case .object(let fields) = value else {
            throw failure(key, .invalidField, "\(name(key)) must be an object, not \(value.typeName)")
        }
        return SocialJSONObject(fields, path: name(key))
    }

    /// A timestamp (see ``CustomerModel/JSONLinesTimestamp``) within the accepted days.
    func optionalTimestamp(_ key: String, options: JSONLinesImportOptions) throws(SocialJSONFieldError) -> Date? {
        guard let text = try optionalString(key) else { return nil }
        guard let date = JSONLinesTimestamp.parse(text) else {
            throw failure(key, .invalidDate, "\(name(key)) '\(text)' is not an ISO 8601 date or date-time")
        }
        guard options.acceptedDays.contains(date.calendarDayUTC) else {
            throw failure(key, .dateOutOfRange,
                          "\(name(key)) '\(text)' is outside \(options.acceptedDays.lowerBound)...\(options.acceptedDays.upperBound)")
        }
        return date
    }

    func timestamp(_ key: String, options: JSONLinesImportOptions) throws(SocialJSONFieldError) -> Date {
        guard let date = try optionalTimestamp(key, options: options) else {
            throw failure(key, .missingField, "\(name(key)) is required")
        }
        return date
    }

    /// A non-negative amount given as a decimal string (`"19.90"`) or a JSON number.
    func amount(_ key: String, currency: Currency) throws(SocialJSONFieldError) -> Money {
        guard let value = value(key) else { throw failure(key, .missingField, "\(name(key)) is required") }
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
            switch error.code {
            case .tooManyDecimals:
                throw failure(key, .tooManyDecimals, "\(name(key)) \(value.quoted) has more than \(currency.minorUnitDigits) decimals for \(currency.code)")
            case .overflow:
                throw failure(key, .amountOverflow, "\(name(key)) \(value.quoted) is too large")
            default:
                throw failure(key, .invalidAmount, "\(name(key)) \(value.quoted) is not a plain decimal number")
            }
        }
        guard !money.isNegative else { throw failure(key, .negativeAmount, "\(name(key)) \(value.quoted) is negative") }
        return money
    }

    func currency(_ key: String) throws(SocialJSONFieldError) -> Currency {
        let code = try requiredString(key)
        do {
            return try Currency(isoCode: code)
        } catch {
            throw failure(key, .unknownCurrency, "'\(code)' in \(name(key)) is not an ISO 4217 currency")
        }
    }

    /// This object read as a provenance record, in the wire form of CustomerModel's importers:
    /// `{"ownership": "own", "method": "socialPlatform", "channel": "online", "observed_at": "…", "source": "…"}`.
    func asProvenance(options: JSONLinesImportOptions) throws(SocialJSONFieldError) -> Provenance {
        var ownership = Provenance.Ownership.own
        if let text = try optionalString("ownership") {
            guard let value = Provenance.Ownership(rawValue: text) else {
                throw failure("ownership", .invalidField, "\(name("ownership")) '\(text)' is not own or external")
            }
            ownership = value
        }
        let method = try nonEmptyString("method")
        let channelText = try requiredString("channel")
        guard let channel = Provenance.CollectionChannel(rawValue: channelText) else {
            throw failure("channel", .invalidField, "\(name("channel")) '\(channelText)' is not online, offline or survey")
        }
        let observedAt = try timestamp("observed_at", options: options)
        let source = try optionalID("source").map(SourceID.init)
        return Provenance(ownership: ownership, method: Provenance.Method(method), channel: channel,
                          observedAt: observedAt, source: source)
    }
}
