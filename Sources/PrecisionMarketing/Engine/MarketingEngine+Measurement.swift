#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Campaigns
import CustomerModel
import Privacy

extension MarketingEngine {
    /// Measures a delivered plan: a customer responded when they placed an order in the
    /// `windowDays` days from the send day; the treated are the plan's customers the
    /// contact history shows as reached, the control is the plan's holdout. Lift is
    /// ``HoldoutLift`` (Newcombe interval and pooled z-test on response, Welch interval on
    /// revenue per customer).
    /// - Throws: ``CampaignError`` `.invalidParameter` for a window below 1 day or a plan
    ///   without messages; `.degenerateInput` for an empty group; store errors.
    public func measure(_ plan: ExecutionPlan, windowDays: Int, level: Double = 0.95) async throws -> CampaignResult {
        guard windowDays >= 1 else { throw CampaignError(.invalidParameter, "the response window must be at least 1 day, not \(windowDays)") }
        guard let sendAt = plan.messages.map(\.sendAt).min() else {
            throw CampaignError(.invalidParameter, "plan \(plan.campaignID) has no messages to measure")
        }
        let planned = plan.messages.map(\.customerID)
        let reached = Set(try await stores.contactHistory.contacts(for: planned, since: sendAt)
            .filter { $0.campaignID?.rawValue == plan.campaignID }.map(\.customerID))
        let treated = reached.sorted()
        let holdout = plan.holdout.sorted()
        let start = sendAt.calendarDayUTC
        let end = start.adding(days: windowDays)
        var revenue: [CustomerID: Double] = [:]
        var responders: Set<CustomerID> = []
        let scale = Double(configuration.currency.minorUnitsPerMajor)
        for order in try await stores.orders.orders(for: treated + holdout) where order.date >= start && order.date < end {
            responders.insert(order.customerID)
            revenue[order.customerID, default: 0] += Double(order.lines.reduce(Int64(0)) { $0 + $1.amount.minorUnits }) / scale
        }
        for id in treated + holdout where revenue[id] == nil { revenue[id] = 0 }
        let treatedCount = try ProportionCount(successes: treated.filter(responders.contains).count, trials: treated.count)
        let holdoutCount = try ProportionCount(successes: holdout.filter(responders.contains).count, trials: holdout.count)
        let withRevenue = treated.count >= 2 && holdout.count >= 2
        let lift = try HoldoutLift(
            treated: treatedCount, holdout: holdoutCount,
            treatedRevenue: withRevenue ? treated.map { revenue[$0] ?? 0 } : nil,
            holdoutRevenue: withRevenue ? holdout.map { revenue[$0] ?? 0 } : nil, level: level)
        let costs = configuration.channels.costs
        let cost = plan.messages.filter { reached.contains($0.customerID) }.reduce(0.0) { $0 + (costs[$1.channel] ?? 0) }
        return CampaignResult(
            campaignID: plan.campaignID, windowStart: start, windowDays: windowDays, treated: treated, holdout: holdout,
            responders: responders, revenue: revenue, lift: lift, contactCost: cost)
    }

    /// Feeds a measured campaign back into the stores for the next round: the treated
    /// responders' contact records get their response time (so fatigue rules see it), a
    /// `campaignResponse` interaction (response `converted`) is appended for each (engagement
    /// points and segment conditions on events count it), and the treated/responded rows
    /// are returned for the next propensity or uplift model.
    /// - Throws: store errors.
    public func recordResponses(_ result: CampaignResult) async throws -> CampaignFeedback {
        let responders = result.treated.filter(result.responders.contains)
        let firstOrders = try await stores.orders.orders(for: responders)
        let end = result.windowStart.adding(days: result.windowDays)
        var firstResponse: [CustomerID: CalendarDay] = [:]
        for order in firstOrders where order.date >= result.windowStart && order.date < end {
            if let known = firstResponse[order.customerID], known <= order.date { continue }
            firstResponse[order.customerID] = order.date
        }
        let records = try await stores.contactHistory.contacts(for: responders, since: nil)
            .filter { $0.campaignID?.rawValue == result.campaignID }
        var updated: [ContactRecord] = []
        var events: [InteractionEvent] = []
        for var record in records where record.respondedAt == nil {
            guard let day = firstResponse[record.customerID] else { continue }
            // A same-day order counts as a response at the send time, never before it.
            record.respondedAt = max(day.startUTC, record.sentAt)
            updated.append(record)
            events.append(InteractionEvent(
                id: EventID("response:\(result.campaignID):\(record.customerID.rawValue)"), customerID: record.customerID,
                kind: .campaignResponse, occurredAt: record.respondedAt ?? record.sentAt, channel: record.channel,
                details: InteractionDetails(campaignID: CampaignID(result.campaignID), response: "converted")))
        }
        try await stores.contactHistory.append(updated)
        try await stores.interactions.append(events)
        let ids = result.treated + result.holdout
        return CampaignFeedback(
            customerIDs: ids, treated: result.treated.map { _ in true } + result.holdout.map { _ in false },
            responded: ids.map(result.responders.contains), contactRecordsUpdated: updated.count,
            responseEventsAppended: events.count)
    }
}
