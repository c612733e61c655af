#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Interaction frequency and average interaction duration per snapshot customer, derived
/// from interaction events, for the value score.
///
/// - Frequency: the number of events whose kind is in ``countedKinds`` (by default likes,
///   comments, shares and app use, as SEEDS.md §3 lists).
/// - Average duration: the mean `details.dwellSeconds` over the customer's events (of any
///   kind) that carry one.
///
/// Only events in `[since, asOf)` count, with the day bounds taken at midnight UTC. A
/// customer with no counted event, or no event with a dwell time, gets nil (missing) in that
/// column, which the value score scores as the minimum. Events of customers that are not in
/// the snapshot are counted in ``unmatchedEvents``, not silently lost.
public struct InteractionIndicators: Sendable, Hashable {
    /// Counted interactions per snapshot customer index (nil: none).
    public var frequency: [Double?]
    /// Average dwell seconds per snapshot customer index (nil: no event with a dwell time).
    public var averageDurationSeconds: [Double?]
    /// Events in the window whose customer is not in the snapshot.
    public var unmatchedEvents: Int

    /// The kinds counted by default: like, comment, share, app use.
    public static let defaultCountedKinds: Set<InteractionKind> = [.like, .comment, .share, .appUse]

    /// Derives both columns.
    ///
    /// - Parameters:
    ///   - events: The events, in any order (the result does not depend on it except for
    ///     the last bits of floating-point sums of dwell times, which are summed in
    ///     `(occurredAt, id)` order per customer to make them order-independent).
    ///   - snapshot: Gives the customer indices.
    ///   - asOf: Events at or after midnight UTC of this day are ignored.
    ///   - since: When given, events before midnight UTC of this day are ignored.
    ///   - countedKinds: The kinds that count towards frequency.
    /// - Throws: ``ScoringError`` `.invalidParameter` for a dwell time that is negative or
    ///   not finite (naming the event).
    /// - Complexity: O(customers + e log e) for e events in the window.
    public static func derive(
        from events: [InteractionEvent], snapshot: CustomerSnapshot, asOf: CalendarDay, since: CalendarDay? = nil,
        countedKinds: Set<InteractionKind> = defaultCountedKinds
    ) throws(ScoringError) -> InteractionIndicators {
        let end = asOf.startUTC
        let start = since?.startUTC
        let index = snapshot.makeCustomerIndex()
        var matched: [(customer: Int, event: InteractionEvent)] = []
        var unmatched = 0
        for event in events where event.occurredAt < end && (start.map { event.occurredAt >= $0 } ?? true) {
            if let dwell = event.details.dwellSeconds, !dwell.isFinite || dwell < 0 {
                throw ScoringError(.invalidParameter, "event \(event.id) has dwell time \(dwell); it must be finite and ≥ 0")
            }
            guard let c = index[event.customerID] else {
                unmatched += 1
                continue
            }
            matched.append((c, event))
        }
        matched.sort { a, b in
            if a.customer != b.customer { return a.customer < b.customer }
            if a.event.occurredAt != b.event.occurredAt { return a.event.occurredAt < b.event.occurredAt }
            return a.event.id < b.event.id
        }
        var counts = [Int](repeating: 0, count: snapshot.customerCount)
        var dwellSums = [Double](repeating: 0, count: snapshot.customerCount)
        var dwellCounts = [Int](repeating: 0, count: snapshot.customerCount)
        for (c, event) in matched {
            if countedKinds.contains(event.kind) { counts[c] += 1 }
            if let dwell = event.details.dwellSeconds {
                dwellSums[c] += dwell
                dwellCounts[c] += 1
            }
        }
        return InteractionIndicators(
            frequency: counts.map { $0 > 0 ? Double($0) : nil },
            averageDurationSeconds: (0..<snapshot.customerCount).map { c in
                dwellCounts[c] > 0 ? dwellSums[c] / Double(dwellCounts[c]) : nil
            },
            unmatchedEvents: unmatched)
    }
}
