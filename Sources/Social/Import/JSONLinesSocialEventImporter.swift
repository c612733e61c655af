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
        JSONLinesReader.read(input, idField: "event_id", id: { $0.id.rawValue }) { (object) throws(JSONLinesFieldError) in
            try event(from: object)
        }
    }

    private func event(from object: JSONLinesObject) throws(JSONLinesFieldError) -> SocialEvent {
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
    private func requireKindFields(_ event: SocialEvent, _ object: JSONLinesObject) throws(JSONLinesFieldError) {
        func require(_ present: Bool, _ key: String) throws(JSONLinesFieldError) {
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

extension JSONLinesObject {
    /// An optional non-negative JSON integer.
    func optionalCount(_ key: String) throws(JSONLinesFieldError) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .integer(let count) = value, count >= 0, let result = Int(exactly: count) else {
            throw failure(key, .invalidField, "\(name(key)) \(value.quoted) is not a non-negative integer")
        }
        return result
    }

    /// A required ISO 4217 currency code.
    func currency(_ key: String) throws(JSONLinesFieldError) -> Currency {
        guard let currency = try optionalCurrency(key) else { throw failure(key, .missingField, "\(name(key)) is required") }
        return currency
    }
}
