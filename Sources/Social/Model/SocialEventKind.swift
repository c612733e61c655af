/// What a ``SocialEvent`` records.
///
/// The raw value is the `kind` of the JSON Lines format.
public enum SocialEventKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The customer followed an account (`targetCustomerID`, or the brand's when nil).
    case follow
    /// The customer liked content (by `targetCustomerID` when a customer authored it).
    case like
    /// The customer commented on content.
    case comment
    /// The customer shared content with a referral code (`referralCode` required).
    case share
    /// The customer mentioned the brand, a product or a customer (`text` required).
    case mention
    /// The customer clicked a share link carrying `referralCode`.
    case referralClick = "referral_click"
    /// The customer registered, with the referral code of the link they came through, if any.
    case registration
    /// The customer's first order (`orderAmount` required).
    case firstOrder = "first_order"
    /// The customer joined a community (`communityID` required).
    case communityJoin = "community_join"
    /// The customer left a community (`communityID` required).
    case communityLeave = "community_leave"
    /// The customer posted a message in a community (`communityID` required).
    case communityMessage = "community_message"
    /// The customer took part in a live stream (`contentID`: the stream, when known).
    case liveStream = "live_stream"
    /// The follower count of the customer's own account at that time (`followerCount` required).
    case followerCount = "follower_count"
}
