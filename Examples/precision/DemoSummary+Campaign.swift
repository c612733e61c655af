import PrecisionMarketing

extension DemoSummary {
    /// The campaign round: plan, delivery, simulated response, measured lift, feedback.
    struct CampaignSummary: Encodable {
        var campaign: String
        var audience: Int
        var excludedFromProfiling: Int
        var messagesPlanned: Int
        var messagesByChannel: [NamedCount]
        var suppressedByReason: [NamedCount]
        var holdout: Int
        var plannedCost: Double
        var expectedValue: Double
        var sent: Int
        var heldBackAtSend: Int
        var trueUplift: Double
        var treatedResponseRate: Double
        var holdoutResponseRate: Double
        var measuredUplift: Double
        var upliftInterval: [Double]
        var pValue: Double
        var incrementalRevenue: Double?
        var incrementalROI: Double?
        var recovered: Bool
        var contactRecordsUpdated: Int
        var responseEvents: Int
        var respondersSegment: Int
        var sampleMessage: String?

        init(
            plan: ExecutionPlan, delivered: DeliveryReport, result: CampaignResult, feedback: CampaignFeedback,
            respondersSegment: Int, audience: Int, excludedFromProfiling: Int, sample: PlannedMessage?
        ) {
            func counts(_ names: [String]) -> [NamedCount] {
                Dictionary(names.map { ($0, 1) }, uniquingKeysWith: +).map { NamedCount(name: $0.key, count: $0.value) }
                    .sorted { ($0.count, $1.name) > ($1.count, $0.name) }
            }
            func round(_ x: Double) -> Double { DemoNumber.rounded(x, decimals: 4) }
            campaign = plan.campaignID
            self.audience = audience
            self.excludedFromProfiling = excludedFromProfiling
            messagesPlanned = plan.messages.count
            messagesByChannel = counts(plan.messages.map(\.channel.name))
            suppressedByReason = counts(plan.suppressions.flatMap { $0.reasons.map(\.code) })
            holdout = plan.holdout.count
            plannedCost = DemoNumber.rounded(plan.totalCost, decimals: 2)
            expectedValue = DemoNumber.rounded(plan.totalExpectedValue, decimals: 2)
            sent = delivered.sent.count
            heldBackAtSend = delivered.heldBack.count
            trueUplift = DemoCampaign.trueUplift
            let response = result.lift.response
            treatedResponseRate = round(result.treatedResponseRate)
            holdoutResponseRate = round(result.holdoutResponseRate)
            measuredUplift = round(response.difference)
            upliftInterval = [round(response.differenceInterval.lowerBound), round(response.differenceInterval.upperBound)]
            pValue = response.pValue
            incrementalRevenue = result.lift.incrementalRevenue.map { DemoNumber.rounded($0, decimals: 2) }
            incrementalROI = result.incrementalROI.map { DemoNumber.rounded($0, decimals: 2) }
            recovered = response.differenceInterval.contains(DemoCampaign.trueUplift)
            contactRecordsUpdated = feedback.contactRecordsUpdated
            responseEvents = feedback.responseEventsAppended
            self.respondersSegment = respondersSegment
            sampleMessage = sample.map { "\($0.customerID) by \($0.channel): \($0.content)" }
        }
    }

    /// The campaign round, as text.
    func appendCampaign(to out: inout ByteOutput) {
        let c = campaign
        out.append("\nCampaign \(c.campaign): audience \(c.audience) active buyers ")
        out.append("(\(c.excludedFromProfiling) customers who objected to profiling are never targeted)\n")
        out.append("  planned \(c.messagesPlanned) messages (")
        out.append(c.messagesByChannel.map { "\($0.name) \($0.count)" }.joined(separator: ", "))
        out.append("), cost \(DemoNumber.fixed(c.plannedCost, decimals: 2)), expected value \(DemoNumber.fixed(c.expectedValue, decimals: 2))\n")
        out.append("  suppressed: " + c.suppressedByReason.map { "\($0.name) \($0.count)" }.joined(separator: ", ") + "\n")
        out.append("  sent \(c.sent), held back at send time \(c.heldBackAtSend)\n")
        if let sample = c.sampleMessage { out.append("  first message: \(sample)\n") }
        out.append("  response within \(DemoCampaign.windowDays) days: treated \(DemoNumber.percent(c.treatedResponseRate)), ")
        out.append("holdout \(DemoNumber.percent(c.holdoutResponseRate))\n")
        out.append("  measured uplift \(DemoNumber.fixed(c.measuredUplift * 100, decimals: 2)) points, 95% interval ")
        out.append("[\(DemoNumber.fixed(c.upliftInterval[0] * 100, decimals: 2)), \(DemoNumber.fixed(c.upliftInterval[1] * 100, decimals: 2))], ")
        out.append("p = \(c.pValue < 1e-4 ? "< 0.0001" : DemoNumber.fixed(c.pValue, decimals: 4)); ")
        out.append("simulated true uplift \(DemoNumber.fixed(c.trueUplift * 100, decimals: 2)) points: ")
        out.append(c.recovered ? "recovered\n" : "NOT recovered\n")
        if let revenue = c.incrementalRevenue {
            out.append("  incremental revenue \(DemoNumber.fixed(revenue, decimals: 2))")
            if let roi = c.incrementalROI { out.append(", incremental ROI \(DemoNumber.fixed(roi, decimals: 2))") }
            out.append("\n")
        }
        out.append("  feedback: \(c.contactRecordsUpdated) contacts marked responded, \(c.responseEvents) response events; ")
        out.append("next round's campaign-responders segment has \(c.respondersSegment) customers\n")
    }
}
