import CustomerModel

/// What a customer was acquired through: a channel or a campaign.
public enum AcquisitionSource: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// A channel (web, app, a store, a social platform, …).
    case channel(Channel)
    /// A campaign.
    case campaign(CampaignID)

    /// `channel:NAME` or `campaign:ID`.
    public var description: String {
        switch self {
        case .channel(let c): "channel:\(c.name)"
        case .campaign(let c): "campaign:\(c.rawValue)"
        }
    }

    /// Orders by description.
    public static func < (lhs: AcquisitionSource, rhs: AcquisitionSource) -> Bool { lhs.description < rhs.description }
}

/// Customer acquisition cost (CAC) per source: spend / new customers acquired.
///
/// A **new customer** of a period is one whose first order in the whole snapshot is dated
/// in the period; it is credited to the source the `attribution` names (customers without
/// one are counted in ``unattributedNewCustomers``). A source with spend but no new
/// customer has a nil cost (no division by zero).
public struct AcquisitionCost: Hashable, Sendable {
    /// One source's figures.
    public struct Row: Hashable, Sendable, Codable {
        /// The source.
        public var source: AcquisitionSource
        /// Spend on it.
        public var spend: Money
        /// New customers credited to it.
        public var newCustomers: Int
        /// spend / new customers, in minor units; nil when no customer was acquired.
        public var costPerCustomerMinorUnits: Double?
    }

    /// One row per source with spend or new customers, sorted by source.
    public let rows: [Row]
    /// New customers of the period without an attributed source.
    public let unattributedNewCustomers: Int

    /// The row of `source`, if any.
    public func row(for source: AcquisitionSource) -> Row? { rows.first { $0.source == source } }

    /// Computes CAC from spend and counts of new customers per source.
    /// - Throws: ``ScoringError`` `.invalidParameter` for a negative spend, a spend in
    ///   another currency, or a negative count.
    /// - Complexity: O(s log s) for s sources.
    public static func compute(
        spend: [AcquisitionSource: Money], newCustomers: [AcquisitionSource: Int], currency: Currency, unattributed: Int = 0
    ) throws(ScoringError) -> AcquisitionCost {
        var rows: [Row] = []
        for source in Set(spend.keys).union(newCustomers.keys).sorted() {
            let money = spend[source] ?? .zero(currency)
            guard money.currency == currency else {
                throw ScoringError(.invalidParameter, "spend on \(source) is in \(money.currency.code), expected \(currency.code)")
            }
            guard !money.isNegative else { throw ScoringError(.invalidParameter, "spend on \(source) is negative: \(money)") }
            let count = newCustomers[source] ?? 0
            guard count >= 0 else { throw ScoringError(.invalidParameter, "new customers of \(source) is negative: \(count)") }
            rows.append(Row(
                source: source, spend: money, newCustomers: count,
                costPerCustomerMinorUnits: count > 0 ? Double(money.minorUnits) / Double(count) : nil))
        }
        return AcquisitionCost(rows: rows, unattributedNewCustomers: unattributed)
    }

    /// Counts new customers of `period` in `snapshot` per attributed source, then computes CAC.
    /// - Throws: as ``compute(spend:newCustomers:currency:unattributed:)``.
    /// - Complexity: O(customers + a + s log s) for a attributions and s sources.
    public static func compute(
        snapshot: CustomerSnapshot, period: Range<CalendarDay>, spend: [AcquisitionSource: Money],
        attribution: [CustomerID: AcquisitionSource]
    ) throws(ScoringError) -> AcquisitionCost {
        var counts: [AcquisitionSource: Int] = [:]
        var unattributed = 0
        for c in 0..<snapshot.customerCount {
            let orders = snapshot.orders(ofCustomer: c)
            var first = Int32.max
            for o in orders { first = min(first, snapshot.orderDays[o]) }
            guard !orders.isEmpty, period.contains(CalendarDay(dayNumber: first)) else { continue }
            if let source = attribution[snapshot.customerID(at: c)] {
                counts[source, default: 0] += 1
            } else {
                unattributed += 1
            }
        }
        return try compute(spend: spend, newCustomers: counts, currency: snapshot.currency, unattributed: unattributed)
    }
}
