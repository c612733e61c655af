#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One interaction of a customer with the brand: a page view, a search, a like, a complaint.
public struct InteractionEvent: Hashable, Sendable, Codable, Identifiable {
    /// Unique per event; importing the same id twice is a duplicate.
    public var id: EventID
    /// Who interacted.
    public var customerID: CustomerID
    /// What kind of interaction.
    public var kind: InteractionKind
    /// When it happened.
    public var occurredAt: Date
    /// Where it happened (web, app, store, a social platform, …).
    public var channel: Channel
    /// Kind-specific details.
    public var details: InteractionDetails
    /// How the event was collected (tracking pixel, app instrumentation, platform API).
    public var provenance: Provenance?

    public init(
        id: EventID, customerID: CustomerID, kind: InteractionKind, occurredAt: Date,
        channel: Channel, details: InteractionDetails = InteractionDetails(), provenance: Provenance? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.kind = kind
        self.occurredAt = occurredAt
        self.channel = channel
        self.details = details
        self.provenance = provenance
    }
}

/// The kinds of interaction of SEEDS.md §2. Extensible by name.
public struct InteractionKind: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }
    public static func < (lhs: InteractionKind, rhs: InteractionKind) -> Bool { lhs.name < rhs.name }
    public init(from decoder: any Decoder) throws {
        name = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    /// Viewed a page or product (with path and dwell time).
    public static let browse = InteractionKind("browse")
    /// Searched (with the query).
    public static let search = InteractionKind("search")
    /// Clicked a link, ad or message.
    public static let click = InteractionKind("click")
    public static let like = InteractionKind("like")
    public static let comment = InteractionKind("comment")
    public static let share = InteractionKind("share")
    /// Used an app feature (with the feature).
    public static let appUse = InteractionKind("appUse")
    /// Contacted customer service.
    public static let serviceContact = InteractionKind("serviceContact")
    public static let complaint = InteractionKind("complaint")
    /// Responded to a campaign (with the campaign and the response).
    public static let campaignResponse = InteractionKind("campaignResponse")
    /// Answered a survey question.
    public static let surveyAnswer = InteractionKind("surveyAnswer")
    /// Gave a satisfaction rating (with the rating).
    public static let satisfactionRating = InteractionKind("satisfactionRating")
    /// Wrote a product review (with the text and rating).
    public static let review = InteractionKind("review")

    /// All predefined kinds.
    public static let predefined: [InteractionKind] = [
        .browse, .search, .click, .like, .comment, .share, .appUse, .serviceContact,
        .complaint, .campaignResponse, .surveyAnswer, .satisfactionRating, .review,
    ]
}

/// Optional, kind-specific details of an interaction. Unused fields stay nil.
public struct InteractionDetails: Hashable, Sendable, Codable {
    /// Browse: the click path (page ids or URLs in order).
    public var path: [String]?
    /// Browse, app use: time spent, in seconds.
    public var dwellSeconds: Double?
    /// Search: the query text.
    public var query: String?
    /// The item concerned (viewed, liked, reviewed).
    public var itemID: ItemID?
    /// The category concerned.
    public var categoryID: CategoryID?
    /// App use: the feature or screen.
    public var feature: String?
    /// Satisfaction rating or review score.
    public var rating: Double?
    /// Free text: a comment, complaint, survey answer, review (unstructured data).
    public var text: String?
    /// Campaign response: the campaign.
    public var campaignID: CampaignID?
    /// Campaign response: what the customer did (`opened`, `clicked`, `converted`, `unsubscribed`).
    public var response: String?
    /// Survey answer: the question id.
    public var questionID: String?

    public init(
        path: [String]? = nil, dwellSeconds: Double? = nil, query: String? = nil, itemID: ItemID? = nil,
        categoryID: CategoryID? = nil, feature: String? = nil, rating: Double? = nil, text: String? = nil,
        campaignID: CampaignID? = nil, response: String? = nil, questionID: String? = nil
    ) {
        self.path = path
        self.dwellSeconds = dwellSeconds
        self.query = query
        self.itemID = itemID
        self.categoryID = categoryID
        self.feature = feature
        self.rating = rating
        self.text = text
        self.campaignID = campaignID
        self.response = response
        self.questionID = questionID
    }
}
