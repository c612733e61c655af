import CustomerModel
import Scoring

/// Everything the segment language can ask about a set of customers at one as-of day, as
/// columns by dense customer index: the snapshot's orders with their totals, order lines by
/// customer with their categories, interaction events by customer, profiles, computed RFM
/// and value scores, supplied scores and consent.
///
/// Customer indices `0..<snapshot.customerCount` are the snapshot's; customers known only
/// from profiles, interactions, scores or consent follow, in order of first appearance
/// (supplied scores and consent in sorted id order).
///
/// ```swift
/// let population = try SegmentPopulation(snapshot: snapshot, asOf: day, inputs: SegmentInputs(profiles: profiles))
/// let evaluator = try SegmentEvaluator(definition: definition, population: population)
/// let members = evaluator.members()
/// ```
public struct SegmentPopulation: Sendable {
    /// The as-of day: every window ends the day before it.
    public let asOf: CalendarDay
    /// The currency of every amount.
    public let currency: Currency
    /// The snapshot the orders come from.
    public let snapshot: CustomerSnapshot
    /// Customers beyond the snapshot's, by index `snapshot.customerCount + k`.
    public let additionalCustomerIDs: [CustomerID]

    let customerOrderOffsets: [Int]
    let orderTotals: [Int64]
    let customerLineOffsets: [Int]
    let lineDays: [Int32]
    let lineCategories: [Int32]
    let lineAmounts: [Int64]
    let customerEventOffsets: [Int]
    let eventDays: [Int32]
    let eventKinds: [Int32]
    let eventCategories: [Int32]
    let kindCodes: [InteractionKind: Int32]
    let categoryCodes: [CategoryID: Int32]
    /// Profile by customer index (nil: none).
    let profiles: [CustomerProfile?]
    let scoreColumns: [String: [Double]]
    /// Index in `RFMSegment.allCases`, 255 when missing.
    let rfmSegments: [UInt8]
    /// Index in `ValueTier.allCases`, 255 when missing.
    let valueTiers: [UInt8]
    let consentColumns: [String: [Bool]]

    /// Whether item categories were given (spend and browsing per category need them).
    public let hasCategories: Bool
    /// Whether interaction events were given.
    public let hasInteractions: Bool

    /// Number of customers.
    public var customerCount: Int { customerOrderOffsets.count - 1 }

    /// The id of customer `index`.
    public func customerID(at index: Int) -> CustomerID {
        index < snapshot.customerCount ? snapshot.customerID(at: index) : additionalCustomerIDs[index - snapshot.customerCount]
    }

    /// A dictionary from customer id to index.
    /// - Complexity: O(customers).
    public func makeCustomerIndex() -> [CustomerID: Int] {
        var index = snapshot.makeCustomerIndex()
        for (k, id) in additionalCustomerIDs.enumerated() { index[id] = snapshot.customerCount + k }
        return index
    }

    /// The names of the scores a definition can compare.
    public var scoreNames: [String] { scoreColumns.keys.sorted() }
}
