#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// The state of consent for one customer, purpose and channel at one instant, with the
/// record it derives from.
public enum ConsentStatus: Hashable, Sendable, Codable {
    /// A grant in force.
    case granted(ConsentRecord)
    /// The latest decision is a withdrawal.
    case withdrawn(ConsentRecord)
    /// The latest decision is an objection.
    case objected(ConsentRecord)
    /// The latest decision is a grant that lapsed at its expiry.
    case expired(ConsentRecord)
    /// No decision was ever recorded.
    case absent

    /// True only for a grant in force.
    public var isGranted: Bool {
        if case .granted = self { return true }
        return false
    }

    /// The record the status derives from, if any.
    public var record: ConsentRecord? {
        switch self {
        case .granted(let record), .withdrawn(let record), .objected(let record), .expired(let record): record
        case .absent: nil
        }
    }
}

/// The current consent state derived from the append-only history (GDPR Art. 7(1): the
/// controller can demonstrate consent at any past instant).
///
/// For a purpose and channel, the deciding record is the latest one at or before the
/// instant asked about whose channel is that channel or nil (purpose-wide): a later
/// purpose-wide withdrawal overrides an earlier per-channel grant, and a later per-channel
/// grant re-opens that channel only. Ties in time are broken by record id.
public struct ConsentLedger: Sendable {
    private let byCustomer: [CustomerID: [ConsentRecord]]

    /// Builds the ledger from records in any order.
    /// - Complexity: O(n log n).
    public init(history: [ConsentRecord]) {
        var grouped: [CustomerID: [ConsentRecord]] = [:]
        for record in history { grouped[record.customerID, default: []].append(record) }
        for key in grouped.keys { grouped[key]?.sort { $0.precedesInHistory($1) } }
        byCustomer = grouped
    }

    /// A ledger from histories already grouped by customer and sorted by time, then id.
    init(sortedHistories: [CustomerID: [ConsentRecord]]) {
        byCustomer = sortedHistories
    }

    /// The customers with at least one record.
    public var customerIDs: [CustomerID] { byCustomer.keys.sorted() }

    /// The history of one customer, by time, then id.
    public func history(of customerID: CustomerID) -> [ConsentRecord] { byCustomer[customerID] ?? [] }

    /// The status of `purpose` over `channel` (nil: the purpose-wide decision only) at `date`.
    /// - Complexity: O(h) in the customer's history length.
    public func status(of customerID: CustomerID, for purpose: Purpose, channel: Channel?, at date: Date) -> ConsentStatus {
        guard let history = byCustomer[customerID] else { return .absent }
        return Self.status(in: history[...], for: purpose, channel: channel, at: date)
    }

    /// The status derived from one customer's history sorted by time, then id.
    static func status(in history: ArraySlice<ConsentRecord>, for purpose: Purpose, channel: Channel?, at date: Date) -> ConsentStatus {
        var deciding: ConsentRecord?
        for record in history {
            if record.recordedAt > date { break }
            guard record.purpose == purpose, record.channel == nil || record.channel == channel else { continue }
            deciding = record
        }
        guard let deciding else { return .absent }
        switch deciding.decision {
        case .withdrawn: return .withdrawn(deciding)
        case .objected: return .objected(deciding)
        case .granted:
            if let expiry = deciding.expiresAt, expiry <= date { return .expired(deciding) }
            return .granted(deciding)
        }
    }

    /// True when the customer's latest decision on `purpose` (any channel) at `date` is an objection.
    public func hasObjected(_ customerID: CustomerID, to purpose: Purpose, at date: Date) -> Bool {
        guard let history = byCustomer[customerID] else { return false }
        var latest: ConsentRecord?
        for record in history where record.recordedAt <= date && record.purpose == purpose && record.channel == nil {
            latest = record
        }
        return latest?.decision == .objected
    }

    /// Every (purpose, channel) a customer has decided on, with its status at `date`, sorted
    /// by purpose, then channel (purpose-wide first).
    public func currentStates(of customerID: CustomerID, at date: Date) -> [(purpose: Purpose, channel: Channel?, status: ConsentStatus)] {
        let pairs = Set(history(of: customerID).map { PurposeChannel(purpose: $0.purpose, channel: $0.channel) })
        return pairs.sorted().map { ($0.purpose, $0.channel, status(of: customerID, for: $0.purpose, channel: $0.channel, at: date)) }
    }
}

/// A purpose with an optional channel, as a sortable key.
struct PurposeChannel: Hashable, Comparable, Sendable {
    var purpose: Purpose
    var channel: Channel?
    static func < (lhs: PurposeChannel, rhs: PurposeChannel) -> Bool {
        if lhs.purpose != rhs.purpose { return lhs.purpose < rhs.purpose }
        switch (lhs.channel, rhs.channel) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case let (l?, r?): return l < r
        }
    }
}
