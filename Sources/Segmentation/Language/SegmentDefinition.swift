import CustomerModel

/// A named segment: an id other definitions refer to, and the condition its members meet.
///
/// ```json
/// {"id": "lapsing-vips", "name": "VIPs going quiet",
///  "condition": {"all": [{"tier": "high"},
///                        {"metric": "daysSinceLastPurchase", "op": ">", "value": 60}]}}
/// ```
///
/// Read one with ``init(json:limits:)`` (which validates structure and limits) and write it
/// with ``json``; `Codable` conformance goes through the same reader and writer.
public struct SegmentDefinition: Hashable, Sendable {
    /// The id, unique in a catalog; what `{"segment": id}` refers to.
    public var id: String
    /// A human-readable name.
    public var name: String?
    /// What the segment is for.
    public var description: String?
    /// The condition members meet.
    public var condition: SegmentCondition

    /// Creates a definition.
    public init(id: String, name: String? = nil, description: String? = nil, condition: SegmentCondition) {
        self.id = id
        self.name = name
        self.description = description
        self.condition = condition
    }
}
