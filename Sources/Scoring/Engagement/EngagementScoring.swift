#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CustomerModel

/// What is known about a lead from earlier evaluations and from sales.
public struct LeadHistory: Hashable, Sendable, Codable {
    /// The stage at the previous evaluation; nil if never evaluated.
    public var previousStage: LeadStage?
    /// The last time sales or marketing contacted the lead; nil if never.
    public var lastContact: Date?

    /// Creates a history.
    public init(previousStage: LeadStage? = nil, lastContact: Date? = nil) {
        self.previousStage = previousStage
        self.lastContact = lastContact
    }
}

/// One lead's engagement at the as-of instant.
public struct LeadEvaluation: Hashable, Sendable, Codable {
    /// The lead.
    public var customerID: CustomerID
    /// Decayed points at the as-of instant.
    public var points: Double
    /// The stage of those points.
    public var stage: LeadStage
    /// Follow-up reasons (empty when none).
    public var flags: FollowUpFlags
    /// Events before the as-of instant that counted.
    public var events: Int

    /// Creates an evaluation.
    public init(customerID: CustomerID, points: Double, stage: LeadStage, flags: FollowUpFlags, events: Int) {
        self.customerID = customerID
        self.points = points
        self.stage = stage
        self.flags = flags
        self.events = events
    }
}

/// Engagement (lead) points with exponential decay, funnel stages and follow-up flags.
///
/// At the as-of instant t, a lead's points are
///
/// ```
/// points = Σ pointsₑ · 2^(−ageₑ / halfLife),   ageₑ = (t − occurredAtₑ) in days (86,400 s)
/// ```
///
/// over its events strictly before t (later events are ignored). The stage comes from
/// ``stages``; the flags from the lead's ``LeadHistory``:
/// - ``FollowUpFlags/becameSalesReady``: sales-ready and the previous stage was lower or unknown;
/// - ``FollowUpFlags/hotWithoutRecentContact``: hot or sales-ready and the last contact is
///   more than ``contactGapDays`` days before t, or there is none;
/// - ``FollowUpFlags/cooledDown``: the stage is lower than the previous stage.
///
/// Deterministic: each lead's events are summed in `(occurredAt, id)` order, so the input
/// order does not matter, and results are sorted by customer id.
public struct EngagementScoring: Hashable, Sendable, Codable {
    /// Points per event.
    public var points: EngagementPointsTable
    /// The half-life of points in days (default 30); `.infinity` turns decay off.
    public var halfLifeDays: Double
    /// Stage thresholds.
    public var stages: LeadStageThresholds
    /// Days without contact after which a hot lead is flagged (default 7).
    public var contactGapDays: Double

    /// Creates a scoring.
    public init(
        points: EngagementPointsTable = .standard, halfLifeDays: Double = 30,
        stages: LeadStageThresholds = LeadStageThresholds(), contactGapDays: Double = 7
    ) {
        self.points = points
        self.halfLifeDays = halfLifeDays
        self.stages = stages
        self.contactGapDays = contactGapDays
    }

    /// Checks the table, a positive half-life, the stages and a finite, non-negative gap.
    /// - Throws: ``ScoringError`` `.invalidParameter`.
    public func validate() throws(ScoringError) {
        try points.validate()
        try stages.validate()
        guard halfLifeDays > 0, !halfLifeDays.isNaN else {
            throw ScoringError(.invalidParameter, "the half-life must be > 0 days, got \(halfLifeDays)")
        }
        guard contactGapDays.isFinite, contactGapDays >= 0 else {
            throw ScoringError(.invalidParameter, "the contact gap must be finite and ≥ 0 days, got \(contactGapDays)")
        }
    }

    /// The decay factor of an event `ageDays` old: `2^(−ageDays / halfLifeDays)`.
    public func decay(ageDays: Double) -> Double { exp2(-ageDays / halfLifeDays) }

    /// Evaluates every lead with an event before `asOf` or an entry in `history`.
    ///
    /// - Parameters:
    ///   - events: Interaction events in any order.
    ///   - asOf: The evaluation instant.
    ///   - history: Previous stage and last contact per lead.
    /// - Returns: One evaluation per lead, sorted by customer id.
    /// - Throws: ``ScoringError`` `.invalidParameter` for invalid settings.
    /// - Complexity: O(e log e + h log h) for e events and h history entries.
    public func evaluate(
        events: [InteractionEvent], asOf: Date, history: [CustomerID: LeadHistory] = [:]
    ) throws(ScoringError) -> [LeadEvaluation] {
        try validate()
        let counted = events.filter { $0.occurredAt < asOf }.sorted { a, b in
            if a.customerID != b.customerID { return a.customerID < b.customerID }
            if a.occurredAt != b.occurredAt { return a.occurredAt < b.occurredAt }
            return a.id < b.id
        }
        var totals: [CustomerID: (points: Double, events: Int)] = [:]
        for event in counted {
            let age = asOf.timeIntervalSince(event.occurredAt) / 86_400
            let p = points.points(for: event) * decay(ageDays: age)
            totals[event.customerID, default: (0, 0)].points += p
            totals[event.customerID, default: (0, 0)].events += 1
        }
        let leads = Set(totals.keys).union(history.keys).sorted()
        return leads.map { id in
            let total = totals[id] ?? (0, 0)
            let stage = stages.stage(of: total.points)
            let past = history[id] ?? LeadHistory()
            var flags: FollowUpFlags = []
            if stage == .salesReady, past.previousStage.map({ $0 < .salesReady }) ?? true { flags.insert(.becameSalesReady) }
            if stage >= .hot {
                let gap = past.lastContact.map { asOf.timeIntervalSince($0) / 86_400 } ?? .infinity
                if gap > contactGapDays { flags.insert(.hotWithoutRecentContact) }
            }
            if let previous = past.previousStage, stage < previous { flags.insert(.cooledDown) }
            return LeadEvaluation(customerID: id, points: total.points, stage: stage, flags: flags, events: total.events)
        }
    }
}
