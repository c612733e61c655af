#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// One thing a customer did on a social platform: a follow, a like, a share with a referral
/// code, a click on someone's share, a registration, a first order, a community message, a
/// mention, a follower-count snapshot.
///
/// Which optional fields a kind needs is listed on ``SocialEventKind``; the importer checks
/// them. Social data is collected through platform APIs, so each event may carry the
/// ``CustomerModel/Provenance`` (and through it the consent check Privacy performs).
public struct SocialEvent: Hashable, Sendable, Codable {
    /// Unique per event.
    public var id: EventID
    /// What happened.
    public var kind: SocialEventKind
    /// The customer who acted (resolved from the platform account).
    public var customerID: CustomerID
    /// The platform it happened on.
    public var platform: SocialPlatform
    /// When it happened.
    public var occurredAt: Date
    /// The platform account id of the actor, when the source gave one.
    public var openID: String?
    /// WeChat's union id of the actor, when known.
    public var unionID: String?
    /// The customer the event is about: the followed account, the author of the liked or
    /// commented content, the mentioned customer.
    public var targetCustomerID: CustomerID?
    /// The content (post, video, live stream) the event is about.
    public var contentID: String?
    /// The share's referral code or link key (shares, clicks, registrations).
    public var referralCode: String?
    /// The community (group, official account, fan club) of a community event.
    public var communityID: String?
    /// The follower count of a ``SocialEventKind/followerCount`` snapshot.
    public var followerCount: Int?
    /// The text of a mention or message.
    public var text: String?
    /// The topic (brand, product, campaign) a mention is about.
    public var topic: String?
    /// The amount of a first order.
    public var orderAmount: Money?
    /// The device the event came from (fraud guards group by it).
    public var deviceID: String?
    /// The network address the event came from (fraud guards group by it).
    public var networkAddress: String?
    /// Where the record came from.
    public var provenance: Provenance?

    /// Creates an event; only the fields its kind needs must be given.
    public init(
        id: EventID, kind: SocialEventKind, customerID: CustomerID, platform: SocialPlatform, occurredAt: Date,
        openID: String? = nil, unionID: String? = nil, targetCustomerID: CustomerID? = nil, contentID: String? = nil,
        referralCode: String? = nil, communityID: String? = nil, followerCount: Int? = nil, text: String? = nil,
        topic: String? = nil, orderAmount: Money? = nil, deviceID: String? = nil, networkAddress: String? = nil,
        provenance: Provenance? = nil
    ) {
        self.id = id
        self.kind = kind
        self.customerID = customerID
        self.platform = platform
        self.occurredAt = occurredAt
        self.openID = openID
        self.unionID = unionID
        self.targetCustomerID = targetCustomerID
        self.contentID = contentID
        self.referralCode = referralCode
        self.communityID = communityID
        self.followerCount = followerCount
        self.text = text
        self.topic = topic
        self.orderAmount = orderAmount
        self.deviceID = deviceID
        self.networkAddress = networkAddress
        self.provenance = provenance
    }

    /// The actor's social identity, when the event carries an open id.
    public var identity: SocialIdentity? {
        openID.map { SocialIdentity(platform: platform, openID: $0, unionID: unionID, customerID: customerID) }
    }
}
