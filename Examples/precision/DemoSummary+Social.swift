import PrecisionMarketing
import PrecisionMarketingTesting

extension DemoSummary {
    /// The demo's social round: a referral campaign of ``SocialEventGenerator`` among the
    /// demo's customers (registrants beyond them are new prospects), ingested through the
    /// engine, with the fission metrics, top referrers and KOL candidates of
    /// `precision social`, and how many customers' value scores count social influence.
    struct SocialDemo: Encodable {
        var events: Int
        var kFactor: Double?
        var generations: Int
        var conversions: Int
        var flaggedReferrals: Int
        var topReferrers: [SocialSummary.Referrer]
        var kolCandidates: [KOLCandidate]
        var largestOverlap: AudienceOverlap?
        var customersWithInfluence: Int

        /// Generates the campaign for `customers` (their ids replace the generator's first ones) and ingests it.
        static func generate(customers: [CustomerID], seed: UInt64, start: CalendarDay) throws -> [SocialEvent] {
            let generator = try SocialEventGenerator(configuration: .init(
                seeds: max(1, customers.count / 500), referralEvents: max(100, customers.count / 2), start: start, seed: seed))
            func mapped(_ id: CustomerID) -> CustomerID {
                // Generator ids are "S" and an index; indices within the demo's customers become them.
                guard id.rawValue.first == "S", let index = Int(id.rawValue.dropFirst()), index < customers.count else { return id }
                return customers[index]
            }
            return generator.events().map { event in
                var event = event
                event.customerID = mapped(event.customerID)
                event.targetCustomerID = event.targetCustomerID.map(mapped)
                return event
            }
        }

        init(events: [SocialEvent], analysis: MarketingAnalysis, top: Int = 5) throws {
            let summary = try SocialSummary(
                events: events, report: ImportReport(rowsRead: events.count, rowsKept: events.count), asOf: analysis.asOf,
                top: top, windowDays: 30, creditRule: .directReferrer)
            self.events = events.count
            kFactor = summary.fission.kFactor.map { DemoNumber.rounded($0, decimals: 3) }
            generations = summary.fission.generations.count
            conversions = summary.fission.conversions
            flaggedReferrals = summary.fission.flaggedReferrals
            topReferrers = summary.topReferrers
            kolCandidates = summary.kol.candidates
            largestOverlap = summary.kol.overlaps.max { $0.sharedFans < $1.sharedFans }
            customersWithInfluence = analysis.socialInfluence?.customerIDs.count ?? 0
        }
    }

    /// The social round, as text.
    func appendSocial(to out: inout ByteOutput) {
        let s = social
        out.append("\nSocial fission: \(s.events) events, K-factor \(s.kFactor.map { DemoNumber.fixed($0, decimals: 3) } ?? "n/a"), ")
        out.append("\(s.generations) generations, \(s.conversions) first orders, \(s.flaggedReferrals) referrals flagged as fraud\n")
        out.append("  top referrers (by credited conversions):\n")
        for r in s.topReferrers {
            out.append("    \(r.summary.customerID)  \(DemoNumber.fixed(r.summary.creditedConversions, decimals: 1)) conversions, ")
            out.append("\(r.summary.directReferrals) direct, \(r.summary.indirectReferrals) indirect, revenue ")
            out.append("\(DemoNumber.fixed(r.summary.creditedRevenue, decimals: 2)); influence rank \(DemoNumber.fixed(r.influenceRank * 1e4, decimals: 2))e-4\n")
        }
        out.append("  KOL candidates (reach that converts):\n")
        for k in s.kolCandidates.prefix(5) {
            out.append("    \(k.customerID)  reach \(k.reach), converted \(k.convertedReach), audience \(k.audienceSize)\n")
        }
        if let o = s.largestOverlap {
            out.append("  largest audience overlap: \(o.first) and \(o.second) share \(o.sharedFans) fans (Jaccard \(DemoNumber.fixed(o.jaccard, decimals: 3)))\n")
        }
        out.append("  \(s.customersWithInfluence) customers have a social influence in their value score\n")
    }
}
