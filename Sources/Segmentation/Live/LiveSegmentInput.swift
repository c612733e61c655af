import CustomerModel
import Scoring

/// Something that happened to a customer that may change their segments.
public enum LiveSegmentInput: Sendable, Hashable {
    /// A new order (its lines' categories come from the line, else from the engine's item map).
    case order(Order)
    /// A new interaction event.
    case interaction(InteractionEvent)
    /// The customer's profile as it now is (replaces the previous one).
    case profile(CustomerProfile)
    /// Scores set (a value) or removed (nil), by name, such as `value`, `rfm.r`, `churnRisk`.
    case scores(CustomerID, [String: Double?])
    /// The named RFM segment now (nil: none).
    case rfmSegment(CustomerID, RFMSegment?)
    /// The value tier now (nil: none).
    case valueTier(CustomerID, ValueTier?)
    /// Consent for a purpose granted or withdrawn.
    case consent(CustomerID, purpose: String, granted: Bool)

    /// The customer concerned.
    public var customerID: CustomerID {
        switch self {
        case .order(let o): o.customerID
        case .interaction(let e): e.customerID
        case .profile(let p): p.id
        case .scores(let c, _), .rfmSegment(let c, _), .valueTier(let c, _), .consent(let c, _, _): c
        }
    }

    /// A short description for reasons: `order o17`, `interaction e9 (browse)`, …
    var trigger: String {
        switch self {
        case .order(let o): "order \(o.id)"
        case .interaction(let e): "interaction \(e.id) (\(e.kind))"
        case .profile: "profile update"
        case .scores(_, let s): "scores \(s.keys.sorted().joined(separator: ", "))"
        case .rfmSegment: "RFM segment update"
        case .valueTier: "value tier update"
        case .consent(_, let purpose, let granted): "consent \(purpose) \(granted ? "granted" : "withdrawn")"
        }
    }
}
