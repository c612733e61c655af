/// How a prospect was found (SEEDS.md §2: existing lists, referrals by customers, …).
///
/// Encodes as an object with a `kind` and, where the case has one, a `detail`:
/// `{"kind": "referral", "detail": "c42"}`.
public enum ProspectSource: Hashable, Sendable, Codable, CustomStringConvertible {
    /// An existing list (a purchased list, a trade-show badge scan), by name.
    case existingList(String)
    /// Referred by an existing customer.
    case referral(by: CustomerID)
    /// Responded to a campaign.
    case campaign(CampaignID)
    /// Met at an event (trade show, seminar), by name.
    case event(String)
    /// Found through social media, on the given platform.
    case socialMedia(Channel)
    /// Came through a search engine (its name, or the query, as text).
    case searchEngine(String)
    /// Anything else, described.
    case other(String)

    /// The case name used in JSON: `existingList`, `referral`, `campaign`, `event`,
    /// `socialMedia`, `searchEngine` or `other`.
    public var kind: String {
        switch self {
        case .existingList: return "existingList"
        case .referral: return "referral"
        case .campaign: return "campaign"
        case .event: return "event"
        case .socialMedia: return "socialMedia"
        case .searchEngine: return "searchEngine"
        case .other: return "other"
        }
    }

    /// The case's value as text: the list or event name, the referring customer, the campaign.
    public var detail: String {
        switch self {
        case .existingList(let name), .event(let name), .searchEngine(let name), .other(let name): return name
        case .referral(let customer): return customer.rawValue
        case .campaign(let campaign): return campaign.rawValue
        case .socialMedia(let platform): return platform.name
        }
    }

    /// `kind: detail`.
    public var description: String { "\(kind): \(detail)" }

    /// The referring customer, for ``referral(by:)``.
    public var referrer: CustomerID? {
        if case .referral(let customer) = self { return customer }
        return nil
    }

    private enum CodingKeys: String, CodingKey { case kind, detail }

    /// Encodes as `{"kind": …, "detail": …}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(detail, forKey: .detail)
    }

    /// Decodes `{"kind": …, "detail": …}`; an unknown kind is an error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let detail = try container.decode(String.self, forKey: .detail)
        switch kind {
        case "existingList": self = .existingList(detail)
        case "referral": self = .referral(by: CustomerID(detail))
        case "campaign": self = .campaign(CampaignID(detail))
        case "event": self = .event(detail)
        case "socialMedia": self = .socialMedia(Channel(detail))
        case "searchEngine": self = .searchEngine(detail)
        case "other": self = .other(detail)
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown prospect source kind '\(kind)'")
        }
    }
}
