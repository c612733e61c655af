import CustomerModel

/// The thresholds of the relationship levels (basic, passive, responsible, proactive,
/// partner), over interactions in a window.
public struct RelationshipThresholds: Sendable, Hashable, Codable {
    /// The window, in days. Default 365.
    public var windowDays: Int
    /// Partner: at least this many orders in the window. Default 6.
    public var partnerMinimumOrders: Int
    /// Partner: at least this many campaign responses in the window. Default 3.
    public var partnerMinimumResponses: Int
    /// Proactive: at least this many campaign responses. Default 2.
    public var proactiveMinimumResponses: Int
    /// Responsible: at least this many campaign responses. Default 1.
    public var responsibleMinimumResponses: Int

    /// Creates thresholds.
    public init(
        windowDays: Int = 365, partnerMinimumOrders: Int = 6, partnerMinimumResponses: Int = 3,
        proactiveMinimumResponses: Int = 2, responsibleMinimumResponses: Int = 1
    ) {
        self.windowDays = windowDays
        self.partnerMinimumOrders = partnerMinimumOrders
        self.partnerMinimumResponses = partnerMinimumResponses
        self.proactiveMinimumResponses = proactiveMinimumResponses
        self.responsibleMinimumResponses = responsibleMinimumResponses
    }
}

extension SegmentScheme {
    /// Relationship levels (SEEDS.md §4, after Kotler), from who initiates contact, first match wins:
    /// - `partner`: ≥ 6 orders and ≥ 3 campaign responses in the window (working together);
    /// - `proactive`: ≥ 2 campaign responses (the firm keeps in touch and the customer answers);
    /// - `responsible`: ≥ 1 campaign response (the firm follows up after the sale);
    /// - `passive`: a service contact or complaint in the window (the customer reaches out);
    /// - `basic`: has bought, nothing more.
    /// Prospects without orders or contacts are in no level. Needs interaction events.
    public static func relationship(_ t: RelationshipThresholds = RelationshipThresholds()) -> SegmentScheme {
        let responses = { (minimum: Int) in
            SegmentCondition.events(.campaignResponse, inLast: t.windowDays, .greaterOrEqual(Double(minimum)))
        }
        let levels: [(String, String, SegmentCondition)] = [
            ("partner", "Partner", .orders(inLast: t.windowDays, .greaterOrEqual(Double(t.partnerMinimumOrders)))
                && responses(t.partnerMinimumResponses)),
            ("proactive", "Proactive", responses(t.proactiveMinimumResponses)),
            ("responsible", "Responsible", responses(t.responsibleMinimumResponses)),
            ("passive", "Passive", .events(.serviceContact, inLast: t.windowDays, .greaterOrEqual(1))
                || .events(.complaint, inLast: t.windowDays, .greaterOrEqual(1))),
            ("basic", "Basic", .orders(.greaterOrEqual(1))),
        ]
        var segments: [SegmentDefinition] = []
        for (k, (id, name, condition)) in levels.enumerated() {
            let higher = levels.prefix(k).map { SegmentCondition.not(.segment($0.0)) }
            segments.append(SegmentDefinition(id: id, name: name, condition: higher.isEmpty ? condition : .all(higher + [condition])))
        }
        return SegmentScheme(name: "relationship", kind: .exclusive, segments: segments)
    }
}
