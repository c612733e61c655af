#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension JSONLinesObject {
    /// A `YYYY-MM-DD` day within the accepted range.
    package func day(_ key: String, options: JSONLinesImportOptions) throws(JSONLinesFieldError) -> CalendarDay {
        let text = try requiredString(key)
        guard let day = try? CalendarDay(iso: text) else {
            throw failure(key, .invalidDate, "\(name(key)) '\(text)' is not a YYYY-MM-DD date")
        }
        try check(day, key, text, options)
        return day
    }

    /// A required timestamp (see ``JSONLinesTimestamp``) within the accepted range.
    package func timestamp(_ key: String, options: JSONLinesImportOptions) throws(JSONLinesFieldError) -> Date {
        guard let date = try optionalTimestamp(key, options: options) else {
            throw failure(key, .missingField, "\(name(key)) is required")
        }
        return date
    }

    /// An optional timestamp within the accepted range.
    package func optionalTimestamp(_ key: String, options: JSONLinesImportOptions) throws(JSONLinesFieldError) -> Date? {
        guard let text = try optionalString(key) else { return nil }
        guard let date = JSONLinesTimestamp.parse(text) else {
            throw failure(key, .invalidDate, "\(name(key)) '\(text)' is not an ISO 8601 date or date-time")
        }
        try check(date.calendarDayUTC, key, text, options)
        return date
    }

    private func check(_ day: CalendarDay, _ key: String, _ text: String, _ options: JSONLinesImportOptions) throws(JSONLinesFieldError) {
        guard options.acceptedDays.contains(day) else {
            throw failure(key, .dateOutOfRange,
                          "\(name(key)) '\(text)' is outside \(options.acceptedDays.lowerBound)...\(options.acceptedDays.upperBound)")
        }
    }

    /// A provenance object from `key`, or `fallback` when absent.
    ///
    /// Wire form: `{"ownership": "own", "method": "survey", "channel": "online",
    /// "observed_at": "2024-05-01T10:00:00Z", "source": "spring-survey"}`.
    package func provenance(_ key: String, fallback: Provenance?, options: JSONLinesImportOptions) throws(JSONLinesFieldError) -> Provenance {
        guard let object = try optionalObject(key) else {
            guard let fallback else { throw failure(key, .missingField, "\(name(key)) is required (no record-level provenance)") }
            return fallback
        }
        return try object.asProvenance(options: options)
    }

    /// This object read as a provenance record.
    package func asProvenance(options: JSONLinesImportOptions) throws(JSONLinesFieldError) -> Provenance {
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
