/// Reads interaction events from JSON Lines bytes: one event per line.
///
/// ```json
/// {"event_id": "e1", "customer_id": "c1", "kind": "browse", "occurred_at": "2024-03-01T10:15:00Z",
///  "channel": "web", "details": {"path": ["/", "/shoes"], "dwell_seconds": 42.5}}
/// ```
/// `kind` is an ``InteractionKind`` name (any non-empty name; the predefined ones are listed
/// in the guide); `details` keys are the snake_case names of ``InteractionDetails``.
/// See `Documentation/JSONLinesImport.md` for every field and rejection reason.
public struct JSONLinesInteractionImporter: Sendable {
    /// Date range and other options.
    public var options: JSONLinesImportOptions

    /// Creates an importer.
    public init(options: JSONLinesImportOptions = JSONLinesImportOptions()) {
        self.options = options
    }

    /// Parses every line; valid lines become events, bad lines rejections in the report.
    /// - Complexity: O(n) in the number of bytes.
    public func parse(_ bytes: some Collection<UInt8>) -> JSONLinesImportResult<InteractionEvent> {
        JSONLinesReader.read(bytes, idField: "event_id", id: \.id.rawValue) { object throws(JSONLinesFieldError) in
            try event(from: object)
        }
    }

    private func event(from object: JSONLinesObject) throws(JSONLinesFieldError) -> InteractionEvent {
        let id = EventID(try object.id("event_id"))
        let customer = CustomerID(try object.id("customer_id"))
        let kind = InteractionKind(try object.nonEmptyString("kind"))
        let occurredAt = try object.timestamp("occurred_at", options: options)
        let channel = Channel(try object.nonEmptyString("channel"))
        var details = InteractionDetails()
        if let d = try object.optionalObject("details") {
            details.path = try d.optionalStringList("path")
            if let dwell = try d.optionalNumber("dwell_seconds") {
                guard dwell >= 0 else {
                    throw d.failure("dwell_seconds", .invalidField, "\(d.name("dwell_seconds")) \(dwell) is negative")
                }
                details.dwellSeconds = dwell
            }
            details.query = try d.optionalString("query")
            details.itemID = try d.optionalID("item_id").map(ItemID.init)
            details.categoryID = try d.optionalID("category_id").map(CategoryID.init)
            details.feature = try d.optionalString("feature")
            details.rating = try d.optionalNumber("rating")
            details.text = try d.optionalString("text")
            details.campaignID = try d.optionalID("campaign_id").map(CampaignID.init)
            details.response = try d.optionalString("response")
            details.questionID = try d.optionalString("question_id")
        }
        let provenance = try object.optionalObject("provenance")?.asProvenance(options: options)
        return InteractionEvent(id: id, customerID: customer, kind: kind, occurredAt: occurredAt,
                                channel: channel, details: details, provenance: provenance)
    }
}
