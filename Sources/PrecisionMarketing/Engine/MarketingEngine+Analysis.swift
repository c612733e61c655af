#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Privacy
import Recommendation
import Scoring
import Segmentation
import Social

extension MarketingEngine {
    /// Reads the stores and computes RFM, value tiers (with social influence from the social
    /// events, when there are any) and the segment population (with the score
    /// ``socialInfluenceScore``) at `asOf`, leaving out every customer whose latest profiling decision
    /// at the start of `asOf` is an objection (DESIGN.md principle 5).
    /// - Throws: store errors; ``ScoringError`` `.degenerateInput` when no profilable
    ///   customer has an order before `asOf`; ``MoneyError`` for an order in another currency.
    /// - Complexity: O(orders + lines + events + profiles) plus the analyses'.
    public func analyze(asOf: CalendarDay) async throws -> MarketingAnalysis {
        let instant = asOf.startUTC
        let ledger = ConsentLedger(history: try await stores.consents.allRecords(pageSize: 10_000))
        let objectors = Set(ledger.customerIDs.filter { ledger.hasObjected($0, to: .profiling, at: instant) })
        let allProfiles = try await stores.customers.allProfiles(pageSize: 10_000)
        let allOrders = try await stores.orders.allOrders(pageSize: 10_000)

        let orders = objectors.isEmpty ? allOrders : allOrders.filter { !objectors.contains($0.customerID) }
        let profiles = objectors.isEmpty ? allProfiles : allProfiles.filter { !objectors.contains($0.id) }
        var interactions = try await allInteractions()
        if !objectors.isEmpty { interactions.removeAll { objectors.contains($0.customerID) } }
        let snapshot = try CustomerSnapshot(orders: orders, currency: configuration.currency)
        let socialEvents = try await profilableSocialEvents(before: asOf, excluding: objectors)
        let influence = socialEvents.isEmpty ? nil : try SocialInfluenceIndicator().compute(events: socialEvents, asOf: asOf)
        let rfm = try RFMAnalysis().run(on: snapshot, asOf: asOf)
        let value = try ValueScoreAnalysis().run(
            on: snapshot, asOf: asOf, inputs: ValueIndicatorInputs(socialInfluence: influence?.valueScoreColumn(for: snapshot)))
        let scores = try Self.socialSegmentScores(socialEvents, influence: influence)
        // Shares on social platforms count as share interactions, so `events(share, inLast: N)` sees them.
        interactions += socialEvents.filter { $0.kind == .share }.map { event in
            InteractionEvent(
                id: EventID("social:" + event.id.rawValue), customerID: event.customerID, kind: .share,
                occurredAt: event.occurredAt, channel: Channel(event.platform.name), provenance: event.provenance)
        }
        let population = try SegmentPopulation(
            snapshot: snapshot, asOf: asOf, inputs: SegmentInputs(profiles: profiles, interactions: interactions, scores: scores))
        return MarketingAnalysis(
            asOf: asOf, snapshot: snapshot, profiles: profiles, excludedFromProfiling: objectors.sorted(),
            rfm: rfm, value: value, socialInfluence: influence, population: population)
    }

    /// Completeness, accuracy, timeliness, source quality and duplicates of every stored
    /// profile at `asOf` (assessing the data is not profiling the person, so customers who
    /// objected to profiling count here).
    /// - Throws: store errors.
    public func assessQuality(asOf: CalendarDay, rules: QualityRules = .standard) async throws -> DataQualityReport {
        let profiles = try await stores.customers.allProfiles(pageSize: 10_000)
        let orders = try await stores.orders.allOrders(pageSize: 10_000)
        return rules.report(profiles, orders: orders, asOf: asOf)
    }

    /// The segment score holding each customer's social influence (followers, mentions and
    /// the engagement their shares bring; `SocialInfluenceIndicator`), for conditions such
    /// as `{"score": {"name": "social.influence", "test": {">=": 0.5}}}`.
    public static let socialInfluenceScore = "social.influence"

    /// The segment score naming each customer's KOL tier: 1 for the 10 best KOL candidates
    /// (reach that converts, `KOLSelection`), 2 for the next 90; absent otherwise.
    public static let kolTierScore = "social.kolTier"

    /// The segment score prefix of community membership: `social.community.<id>` is 1 for
    /// the customers who are members of community `<id>` (joined and not left) at the as-of day.
    public static let communityScorePrefix = "social.community."

    /// The stored social events before `asOf`, without those where a customer in `excluded`
    /// (objectors to profiling) acts or is the target.
    func profilableSocialEvents(before asOf: CalendarDay, excluding excluded: Set<CustomerID>) async throws -> [SocialEvent] {
        var events: [SocialEvent] = []
        var cursor: PageCursor?
        repeat {
            let page = try await stores.socialEvents.page(after: cursor, limit: 10_000)
            events.append(contentsOf: page.elements)
            cursor = page.nextCursor
        } while cursor != nil
        let end = asOf.startUTC
        events.removeAll {
            $0.occurredAt >= end || excluded.contains($0.customerID) || ($0.targetCustomerID.map(excluded.contains) ?? false)
        }
        return events
    }

    /// The social segment scores: influence, KOL tier, community membership.
    static func socialSegmentScores(_ events: [SocialEvent], influence: SocialInfluenceScores?) throws -> [String: [CustomerID: Double]] {
        var scores: [String: [CustomerID: Double]] = [:]
        if let influence {
            scores[socialInfluenceScore] = Dictionary(
                zip(influence.customerIDs, influence.scores).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
        }
        let ordered = events.sorted { ($0.occurredAt, $0.id.rawValue) < ($1.occurredAt, $1.id.rawValue) }
        var members: [String: Set<CustomerID>] = [:]
        for event in ordered {
            guard let community = event.communityID else { continue }
            switch event.kind {
            case .communityJoin: members[community, default: []].insert(event.customerID)
            case .communityLeave: members[community]?.remove(event.customerID)
            default: break
            }
        }
        for (community, ids) in members where !ids.isEmpty {
            scores[communityScorePrefix + community] = Dictionary(uniqueKeysWithValues: ids.map { ($0, 1.0) })
        }
        let referrals = ordered.filter { [.share, .referralClick, .registration, .firstOrder].contains($0.kind) }
        if !referrals.isEmpty {
            let fission = try FissionAnalysis().run(on: try ReferralEventTable(events: referrals))
            let candidates = try KOLSelection(count: 100).candidates(from: fission).candidates
            if !candidates.isEmpty {
                scores[kolTierScore] = Dictionary(
                    candidates.enumerated().map { ($1.customerID, $0 < 10 ? 1.0 : 2.0) }, uniquingKeysWith: { first, _ in first })
            }
        }
        return scores
    }

    /// Evaluates a segment on the analysis, stores the membership changes since the last
    /// evaluation of the same segment id, and sends `segmentEntered`/`segmentExited` events.
    /// - Returns: the members, ascending by id.
    /// - Throws: ``SegmentDefinitionError`` for an invalid definition; store errors.
    public func evaluateSegment(_ definition: SegmentDefinition, in analysis: MarketingAnalysis) async throws -> [CustomerID] {
        try await segmentMembers(definition, in: analysis).map(\.id)
    }

    /// The members with their population indices, ascending by id; stores the changes.
    func segmentMembers(_ definition: SegmentDefinition, in analysis: MarketingAnalysis) async throws
        -> [(id: CustomerID, index: Int32)]
    {
        let population = analysis.population
        let members = try SegmentEvaluator(definition: definition, population: population).members()
        let pairs = members.customers.map { (id: population.customerID(at: Int($0)), index: $0) }.sorted { $0.id < $1.id }
        let current = Set(pairs.map(\.id))
        let stored = Set(try await stores.segmentMemberships.allMembers(of: definition.id, pageSize: 10_000))
        let at = analysis.asOf.startUTC
        let changes =
            current.subtracting(stored).sorted().map {
                SegmentMembershipChange(segmentID: definition.id, customerID: $0, direction: .entered, reason: "evaluated", occurredAt: at)
            }
            + stored.subtracting(current).sorted().map {
                SegmentMembershipChange(segmentID: definition.id, customerID: $0, direction: .exited, reason: "evaluated", occurredAt: at)
            }
        if !changes.isEmpty {
            try await stores.segmentMemberships.apply(changes)
            await sink.record(changes.map { change in
                DomainEvent(
                    kind: change.direction == .entered ? .segmentEntered : .segmentExited, customerID: change.customerID,
                    occurredAt: at, details: ["segment": definition.id])
            })
        }
        return pairs
    }

    /// Item-item collaborative-filtering recommendations for every profilable customer
    /// (indices are the analysis snapshot's).
    /// - Throws: ``RecommendationError`` for an invalid count.
    public nonisolated func recommendations(
        in analysis: MarketingAnalysis, count: Int = 10, neighbors: Int = 50
    ) throws -> ItemRecommendations {
        try ItemItemRecommender(snapshot: analysis.snapshot, neighborCount: neighbors).recommendAll(count: count)
    }

    /// Every stored interaction event, page by page.
    func allInteractions() async throws -> [InteractionEvent] {
        var all: [InteractionEvent] = []
        var cursor: PageCursor?
        repeat {
            let page = try await stores.interactions.page(after: cursor, limit: 10_000)
            all.append(contentsOf: page.elements)
            cursor = page.nextCursor
        } while cursor != nil
        return all
    }
}
