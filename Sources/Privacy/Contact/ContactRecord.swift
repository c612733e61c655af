#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Identifies one message sent to a customer.
public struct ContactRecordID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// One message sent to a customer, and whether they responded: what frequency caps,
/// minimum gaps and the fatigue rule count.
public struct ContactRecord: Hashable, Sendable, Codable, Identifiable {
    public var id: ContactRecordID
    public var customerID: CustomerID
    public var channel: Channel
    /// When the message was sent.
    public var sentAt: Date
    /// The campaign that sent it, if any.
    public var campaignID: CampaignID?
    /// When the customer first responded (opened, clicked, replied, bought), if they did.
    public var respondedAt: Date?

    public init(id: ContactRecordID, customerID: CustomerID, channel: Channel, sentAt: Date,
                campaignID: CampaignID? = nil, respondedAt: Date? = nil) {
        self.id = id
        self.customerID = customerID
        self.channel = channel
        self.sentAt = sentAt
        self.campaignID = campaignID
        self.respondedAt = respondedAt
    }
}
