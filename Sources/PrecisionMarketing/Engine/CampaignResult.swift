import Campaigns
import CustomerModel

/// A campaign's measured outcome: who was contacted, who was held out, who bought within
/// the window, and the lift of the contacted over the holdout.
public struct CampaignResult: Sendable, Hashable {
    /// The campaign.
    public let campaignID: String
    /// The first day of the response window (the send day).
    public let windowStart: CalendarDay
    /// The window's length in days.
    public let windowDays: Int
    /// Customers the campaign reached (in the contact history), ascending.
    public let treated: [CustomerID]
    /// The holdout group, never contacted, ascending.
    public let holdout: [CustomerID]
    /// Customers of either group with an order in the window.
    public let responders: Set<CustomerID>
    /// Revenue in the window per customer of either group (currency units; 0 for none).
    public let revenue: [CustomerID: Double]
    /// Response and revenue lift of the treated over the holdout, with intervals and p-value.
    public let lift: HoldoutLift
    /// What the delivered messages cost.
    public let contactCost: Double

    /// The treated group's response rate.
    public var treatedResponseRate: Double { lift.response.treatment.rate }
    /// The holdout group's response rate.
    public var holdoutResponseRate: Double { lift.response.control.rate }

    /// Incremental revenue less the contact cost, per unit of contact cost (nil without
    /// revenue or cost).
    public var incrementalROI: Double? {
        guard let incremental = lift.incrementalRevenue, contactCost > 0 else { return nil }
        return (incremental - contactCost) / contactCost
    }
}

/// What a campaign's responses taught, for the next round: one row per measured customer
/// with whether they were treated and whether they responded, aligned for
/// ``TwoModelUplift`` and ``ClassTransformationUplift`` (features from
/// `PropensityFeatures.derive` on the next analysis).
public struct CampaignFeedback: Sendable, Hashable {
    /// The customers, treated first, then the holdout.
    public let customerIDs: [CustomerID]
    /// Whether each was contacted.
    public let treated: [Bool]
    /// Whether each bought within the window.
    public let responded: [Bool]
    /// Contact records marked as responded (fatigue rules see the response).
    public let contactRecordsUpdated: Int
    /// Campaign-response interaction events appended (engagement points and segment
    /// conditions on events see them).
    public let responseEventsAppended: Int
}
