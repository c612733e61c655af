#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Reads social events from JSON Lines bytes, one event per line, with the same per-row
/// rejection report as CustomerModel's importers.
///
/// ```json
/// {"event_id": "e1", "kind": "share", "customer_id": "c1", "platform": "wechat",
///  "occurred_at": "2024-03-01T10:15:00Z", "referral_code": "A-1", "open_id": "o-123"}
/// {"event_id": "e2", "kind": "first_order", "customer_id": "c2", "platform": "wechat",
///  "occurred_at": "2024-03-02", "amount": "59.00", "currency": "CNY"}
/// ```
/// Fields: `event_id`, `kind` (a ``SocialEventKind`` raw value), `customer_id`, `platform`
/// and `occurred_at` are required; `open_id`, `union_id`, `target_customer_id`,
/// `content_id`, `referral_code`, `community_id`, `follower_count`, `text`, `topic`,
/// `amount` with `currency`, `device_id`, `address` and `provenance` are optional except
/// where the kind needs them (see `Documentation/SocialFission.md`). Unknown fields are
/// ignored. A duplicate `event_id` is rejected as `duplicateRecord`.
public struct JSONLinesSocialEventImporter: Sendable {
    /// Date range options (the currency option is not used: first orders name their currency).
    public var options: JSONLinesImportOptions

    /// Creates an importer.
    public init(options: JSONLinesImportOptions = JSONLinesImportOptions()) {
        self.options = options
    }

    /// Parses every line; valid lines become events, bad lines rejections in the report.
    ///
    /// Handles a leading UTF-8 byte-order mark, `\n` and `\r\n` line ends, and blank lines
    /// (skipped, not counted); line numbers are 1-based and count every line.
    /// - Complexity: O(n) in the number of bytes.
    public func parse(_ input: some Collection<UInt8>) -> JSONLinesImportResult<SocialEvent> {
        let bytes = Array(input)
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        var records: [SocialEvent] = []
        var report = ImportReport()
        var seen: [EventID: Int] = [:]
        let decoder = JSONDecoder()
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let next = end + 1
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = bytes[start..<end]
            start = next
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            report.rowsRead += 1
            func reject(_ field: String?, _ reason: RejectionReason, _ message: String) {
                report.rejections.append(ImportRejection(line: lineNumber, column: field, reason: reason, message: message))
            }
            guard String(validating: line, as: UTF8.self) != nil else {
                reject(nil, .invalidEncoding, "the line is not valid UTF-8")
                continue
            }
            let value: SocialJSONValue
            do {
                value = try decoder.decode(SocialJSONValue.self, from: Data(line))
            } catch {
                reject(nil, .malformedJSON, "the line is not valid JSON")
                continue
            }
            guard case .object(let fields) = value else {
                reject(nil, .malformedJSON, "the line is \(value.typeName), not a JSON object")
                continue
            }
            do {
                let event = try self.event(from: SocialJSONObject(fields))
                if let first = seen[event.id] {
                    reject("event_id", .duplicateRecord, "event_id '\(event.id)' already appeared on line \(first)")
                    continue
                }
                seen[event.id] = lineNumber
                records.append(event)
                report.rowsKept += 1
            } catch {
                reject(error.field, error.reason, error.message)
            }
        }
        return JSONLinesImportResult(records: records, report: report)
    }

    private func event(from object: SocialJSONObject) throws(SocialJSONFieldError) -> SocialEvent {
        let id = EventID(try object.id("event_id"))
        let kindText = try object.requiredString("kind")
        guard let kind = SocialEventKind(rawValue: kindText) else {
            throw object.failure("kind", .invalidField, "kind '\(kindText)' is not a social event kind")
        }
        var event = SocialEvent(
            id: id, kind: kind, customerID: CustomerID(try object.id("customer_id")),
            platform: SocialPlatform(name: try object.nonEmptyString("platform")),
            occurredAt: try object.timestamp("occurred_at", options: options))
        event.openID = try object.optionalID("open_id")
        event.unionID = try object.optionalID("union_id")
        event.targetCustomerID = try object.optionalID("target_customer_id").map(CustomerID.init)
        event.contentID = try object.optionalID("content_id")
        event.referralCode = try object.optionalID("referral_code")
        event.communityID = try object.optionalID("community_id")
        event.followerCount = try object.optionalCount("follower_count")
        event.text = try object.optionalString("text")
        event.topic = try object.optionalID("topic")
        event.deviceID = try object.optionalID("device_id")
        event.networkAddress = try object.optionalID("address")
        if object.value("amount") != nil {
            event.orderAmount = try object.amount("amount", currency: try object.currency("currency"))
        }
        event.provenance = try object.optionalObject("provenance")?.asProvenance(options: options)
        try requireKindFields(event, object)
        return event
    }

    /// The fields each kind cannot do without.
    private func requireKindFields(_ event: SocialEvent, _ object: SocialJSONObject) throws(SocialJSONFieldError) {
        func require(_ present: Bool, _ key: String) throws(SocialJSONFieldError) {
            guard present else {
                throw object.failure(key, .missingField, "\(key) is required for a \(event.kind.rawValue) event")
            }
        }
        switch event.kind {
        case .share, .referralClick: try require(event.referralCode != nil, "referral_code")
        case .firstOrder: try require(event.orderAmount != nil, "amount")
        case .communityJoin, .communityLeave, .communityMessage: try require(event.communityID != nil, "community_id")
        case .followerCount: try require(event.followerCount != nil, "follower_count")
        case .mention:
            try require(event.text != nil, "text")
        case .follow, .like, .comment, .registration, .liveStream: break
        }
    }
}
