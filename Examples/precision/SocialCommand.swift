#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PrecisionMarketing

/// `precision social --input events.jsonl [--as-of D] [--top N] [--credit direct|geometric] [--window DAYS]
/// [--format json|table]`: fission (chains, K-factor, generations, flags), influence (top
/// referrers with their influence rank, top influencers, KOL candidates with audience
/// overlap) and community health, from social events in JSON Lines.
enum SocialCommand {
    static func run(_ arguments: inout CommandLineArguments) throws {
        let path = try arguments.required("input")
        let asOfOption = try arguments.day("as-of")
        let top = try arguments.int("top", default: 10, in: 1...1_000)
        let window = try arguments.int("window", default: 30, in: 1...3_650)
        let creditText = arguments.string("credit") ?? "direct"
        let format = try arguments.format()
        try arguments.rejectUnknown()
        let rule: ChainCreditRule
        switch creditText {
        case "direct": rule = .directReferrer
        case "geometric": rule = .geometric(ratio: 0.5, maxDepth: 3)
        default: throw UsageError("--credit must be direct or geometric, not '\(creditText)'")
        }

        let imported = JSONLinesSocialEventImporter().parse(try FileInput.readAll(path: path))
        warn(about: imported.report)
        guard let last = imported.records.map(\.occurredAt).max() else {
            throw UsageError("\(path) holds no valid social event")
        }
        let asOf = asOfOption ?? last.calendarDayUTC.adding(days: 1)
        let events = imported.records.filter { $0.occurredAt < asOf.startUTC }
        let summary: SocialSummary
        do {
            summary = try SocialSummary(events: events, report: imported.report, asOf: asOf, top: top,
                                        windowDays: window, creditRule: rule)
        } catch {
            throw UsageError(error.message)
        }
        switch format {
        case .json: try summary.writeJSON()
        case .table: summary.writeTable()
        }
    }

    static func warn(about report: ImportReport) {
        guard report.rowsRejected > 0 else { return }
        StandardStreams.error("\(report.rowsRejected) of \(report.rowsRead) lines rejected:")
        for rejection in report.rejections.prefix(5) { StandardStreams.error("  \(rejection)") }
    }
}

/// What `precision social` prints.
struct SocialSummary: Encodable {
    struct Input: Encodable {
        var linesRead: Int
        var linesKept: Int
        var linesRejected: Int
        var eventsBeforeAsOf: Int
    }

    struct Referrer: Encodable {
        var summary: ReferrerSummary
        var influenceRank: Double
    }

    struct Influencer: Encodable {
        var customerID: CustomerID
        var followers: Int
        var mentions: Int
        var engagement: Int
        var influence: Double
    }

    struct Rank: Encodable {
        var nodes: Int
        var edges: Int
        var iterations: Int
        var converged: Bool
    }

    struct Community: Encodable {
        var communityID: String
        var members: Int
        var joins: Int
        var leaves: Int
        var messages: Int
        var activeShare: Double?
        var messagesPerMember: Double?
        var retention: Double?
        var memberConversion: Double?
        var nonMemberConversion: Double?
        var membersToReengage: Int
    }

    var asOf: String
    var input: Input
    var fission: FissionCampaignMetrics
    var creditRule: ChainCreditRule
    var flagsByReason: [String: Int]
    var topReferrers: [Referrer]
    var rank: Rank
    var topInfluencers: [Influencer]
    var kol: KOLReport
    var communityWindowDays: Int
    var communities: [Community]

    init(events: [SocialEvent], report: ImportReport, asOf: CalendarDay, top: Int, windowDays: Int,
         creditRule: ChainCreditRule) throws(SocialError) {
        self.asOf = asOf.description
        input = Input(linesRead: report.rowsRead, linesKept: report.rowsKept, linesRejected: report.rowsRejected,
                      eventsBeforeAsOf: events.count)
        let table = try ReferralEventTable(events: events)
        let result = try FissionAnalysis(creditRule: creditRule).run(on: table)
        fission = result.metrics
        self.creditRule = creditRule
        flagsByReason = result.flags.reduce(into: [:]) { $0[$1.reason.rawValue, default: 0] += 1 }
        let ranked = try InfluenceRank().run(on: result.referralGraph())
        let index = result.makeCustomerIndex()
        topReferrers = result.topReferrers(top).map {
            Referrer(summary: $0, influenceRank: ranked.scores[index[$0.customerID] ?? 0])
        }
        rank = Rank(nodes: result.customerCount, edges: try result.referralGraph().edgeCount,
                    iterations: ranked.iterations, converged: ranked.converged)
        let influence = try SocialInfluenceIndicator(windowDays: windowDays).compute(events: events, asOf: asOf)
        topInfluencers = influence.scores.indices
            .sorted { influence.scores[$0] != influence.scores[$1] ? influence.scores[$0] > influence.scores[$1]
                : influence.customerIDs[$0] < influence.customerIDs[$1] }
            .prefix(top)
            .map { Influencer(customerID: influence.customerIDs[$0], followers: influence.followers[$0],
                              mentions: influence.mentions[$0], engagement: influence.engagement[$0],
                              influence: influence.scores[$0]) }
        kol = try KOLSelection(count: min(top, 10)).candidates(from: result)
        communityWindowDays = windowDays
        let health = try CommunityAnalysis(windowDays: windowDays).run(events: events, asOf: asOf)
        communities = health.communities.map { c in
            Community(communityID: c.communityID, members: c.members, joins: c.joins, leaves: c.leaves,
                      messages: c.messages, activeShare: c.activeShare, messagesPerMember: c.messagesPerMember,
                      retention: c.retention, memberConversion: c.memberConversion,
                      nonMemberConversion: c.nonMemberConversion,
                      membersToReengage: health.membersToReengage.filter { $0.communityID == c.communityID }.count)
        }
    }

    func writeJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var bytes = Array(try encoder.encode(self))
        bytes.append(UInt8(ascii: "\n"))
        StandardStreams.write(bytes)
    }

    func writeTable() {
        func fixed(_ value: Double?, _ decimals: Int = 3) -> String {
            guard let value else { return "-" }
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            let rounded = (value * scale).rounded() / scale
            let text = String(rounded)
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            let fraction = parts.count > 1 ? String(parts[1]) : ""
            return decimals == 0 ? String(parts[0])
                : "\(parts[0]).\(fraction.prefix(decimals))\(String(repeating: "0", count: max(0, decimals - fraction.count)))"
        }
        var out = ByteOutput()
        let f = fission
        out.append("precision social: \(input.linesKept) events kept of \(input.linesRead) lines, as of \(asOf)\n\n")
        out.append("Fission (\(creditRuleName)):\n")
        out.append("  sharers \(f.sharers), seeds \(f.seeds), invitations \(f.invitations), credited referrals \(f.creditedReferrals), ")
        out.append("conversions \(f.conversions), referred revenue \(fixed(f.referredRevenue, 2))\n")
        out.append("  K-factor \(fixed(f.kFactor)) = invitations per sharer \(fixed(f.invitationsPerSharer)) x ")
        out.append("referrals per invitation \(fixed(f.conversionPerInvitation))\n")
        out.append("  cycle time: mean \(fixed(f.meanCycleSeconds.map { $0 / 3_600 }, 1)) h, median \(fixed(f.medianCycleSeconds.map { $0 / 3_600 }, 1)) h\n")
        let reasons = flagsByReason.keys.sorted().map { "\($0) \(flagsByReason[$0] ?? 0)" }.joined(separator: ", ")
        out.append("  flagged \(f.flaggedReferrals)\(reasons.isEmpty ? "" : " (\(reasons))"); ignored clicks: self \(f.selfClicks), unknown code \(f.unknownCodeClicks)\n\n")
        out.append("  generation   reached  registered  converted  sharers  conversion  K\n")
        for g in f.generations {
            out.appendCell(String(g.generation), width: 12, rightAligned: true)
            out.appendCell(String(g.reached), width: 10, rightAligned: true)
            out.appendCell(String(g.registered), width: 12, rightAligned: true)
            out.appendCell(String(g.converted), width: 11, rightAligned: true)
            out.appendCell(String(g.sharers), width: 9, rightAligned: true)
            out.appendCell(fixed(g.conversionRate), width: 12, rightAligned: true)
            out.append("  \(fixed(g.kFactor))\n")
        }
        out.append("\nTop referrers (influence rank over \(rank.nodes) customers, \(rank.edges) edges, \(rank.iterations) iterations):\n")
        out.append("  customer_id      direct  indirect  credited_conv  credited_revenue  reach  rank\n")
        for r in topReferrers {
            out.append("  ")
            out.appendCell(r.summary.customerID.rawValue, width: 15)
            out.appendCell(String(r.summary.directReferrals), width: 7, rightAligned: true)
            out.appendCell(String(r.summary.indirectReferrals), width: 10, rightAligned: true)
            out.appendCell(fixed(r.summary.creditedConversions, 2), width: 15, rightAligned: true)
            out.appendCell(fixed(r.summary.creditedRevenue, 2), width: 18, rightAligned: true)
            out.appendCell(String(r.summary.reach), width: 7, rightAligned: true)
            out.append("  \(fixed(r.influenceRank * Double(rank.nodes), 2))x\n")
        }
        out.append("\nTop social influence (last \(communityWindowDays) days):\n")
        out.append("  customer_id      followers  mentions  engagement  influence\n")
        for i in topInfluencers {
            out.append("  ")
            out.appendCell(i.customerID.rawValue, width: 15)
            out.appendCell(String(i.followers), width: 10, rightAligned: true)
            out.appendCell(String(i.mentions), width: 10, rightAligned: true)
            out.appendCell(String(i.engagement), width: 12, rightAligned: true)
            out.appendCell(fixed(i.influence), width: 11, rightAligned: true)
            out.append("\n")
        }
        out.append("\nKOL candidates (reach that converts):\n")
        out.append("  customer_id      reach  converted  conversion  audience\n")
        for c in kol.candidates {
            out.append("  ")
            out.appendCell(c.customerID.rawValue, width: 15)
            out.appendCell(String(c.reach), width: 6, rightAligned: true)
            out.appendCell(String(c.convertedReach), width: 11, rightAligned: true)
            out.appendCell(fixed(c.conversionRate), width: 12, rightAligned: true)
            out.appendCell(String(c.audienceSize), width: 10, rightAligned: true)
            out.append("\n")
        }
        let overlapping = kol.overlaps.filter { $0.sharedFans > 0 }.sorted { $0.jaccard > $1.jaccard }.prefix(10)
        if !overlapping.isEmpty {
            out.append("  largest audience overlaps:\n")
            for o in overlapping {
                out.append("    \(o.first) & \(o.second): \(o.sharedFans) shared fans, Jaccard \(fixed(o.jaccard))\n")
            }
        }
        out.append("\nCommunities (last \(communityWindowDays) days):\n")
        out.append("  community        members  joins  leaves  active  msg/member  retention  conv(member)  conv(other)  re-engage\n")
        for c in communities {
            out.append("  ")
            out.appendCell(c.communityID, width: 15)
            out.appendCell(String(c.members), width: 8, rightAligned: true)
            out.appendCell(String(c.joins), width: 7, rightAligned: true)
            out.appendCell(String(c.leaves), width: 8, rightAligned: true)
            out.appendCell(fixed(c.activeShare, 2), width: 8, rightAligned: true)
            out.appendCell(fixed(c.messagesPerMember, 2), width: 12, rightAligned: true)
            out.appendCell(fixed(c.retention, 2), width: 11, rightAligned: true)
            out.appendCell(fixed(c.memberConversion, 3), width: 14, rightAligned: true)
            out.appendCell(fixed(c.nonMemberConversion, 3), width: 13, rightAligned: true)
            out.appendCell(String(c.membersToReengage), width: 11, rightAligned: true)
            out.append("\n")
        }
        StandardStreams.write(out.bytes)
    }

    var creditRuleName: String {
        switch creditRule {
        case .directReferrer: return "all credit to the direct referrer"
        case .geometric(let ratio, let depth): return "geometric credit, ratio \(ratio), depth \(depth)"
        }
    }
}
