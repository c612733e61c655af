#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// The referral events of a fission campaign as dense columns: what ``FissionAnalysis``
/// reads.
///
/// Customers, referral codes, devices and network addresses are interned to dense `Int32`
/// indices; times are whole seconds since 1970 (UTC); first-order revenue is in currency
/// units. Build it from ``SocialEvent`` values with ``init(events:)`` (shares, referral
/// clicks, registrations and first orders are taken, other kinds ignored), or from columns
/// with ``init(customerIDs:codeCount:kinds:actors:codes:times:devices:addresses:revenue:currency:)``
/// when the data is already interned (generators, databases).
public struct ReferralEventTable: Sendable {
    /// The kind of one referral event.
    public enum Kind: UInt8, Sendable, Hashable, Codable {
        /// The actor shared a link carrying a referral code.
        case share
        /// The actor clicked a link carrying a referral code.
        case click
        /// The actor registered (with a code, or after clicking one).
        case registration
        /// The actor placed their first order.
        case firstOrder
    }

    /// The customer of each customer index.
    public let customerIDs: [CustomerID]
    /// The number of distinct referral codes (code indices are `0..<codeCount`).
    public let codeCount: Int
    /// The kind of each event.
    public let kinds: [Kind]
    /// The acting customer index of each event.
    public let actors: [Int32]
    /// The referral code index of each event, -1 when none.
    public let codes: [Int32]
    /// The time of each event, whole seconds since 1970-01-01T00:00:00Z.
    public let times: [Int64]
    /// The device index of each event, -1 when unknown.
    public let devices: [Int32]
    /// The network-address index of each event, -1 when unknown.
    public let addresses: [Int32]
    /// The first-order revenue of each event in currency units (0 for other kinds).
    public let revenue: [Double]
    /// The currency of the revenue, nil when there is no first order.
    public let currency: Currency?
    /// The source event id of each event (empty when built from columns).
    public let eventIDs: [EventID]

    /// The number of events.
    public var count: Int { kinds.count }
    /// The number of customers.
    public var customerCount: Int { customerIDs.count }

    /// Interns the referral events among `events` (other kinds are skipped).
    ///
    /// - Throws: ``SocialError`` `.mixedCurrencies` when first orders are in two currencies.
    /// - Complexity: O(n) expected (hashing).
    public init(events: [SocialEvent]) throws(SocialError) {
        var customers: [CustomerID: Int32] = [:]
        var customerList: [CustomerID] = []
        var codeIndex: [String: Int32] = [:]
        var deviceIndex: [String: Int32] = [:]
        var addressIndex: [String: Int32] = [:]
        func intern(_ id: CustomerID) -> Int32 {
            if let index = customers[id] { return index }
            let index = Int32(customerList.count)
            customers[id] = index
            customerList.append(id)
            return index
        }
        func intern(_ key: String?, _ table: inout [String: Int32]) -> Int32 {
            guard let key else { return -1 }
            if let index = table[key] { return index }
            let index = Int32(table.count)
            table[key] = index
            return index
        }
        var kinds: [Kind] = [], actors: [Int32] = [], codes: [Int32] = [], times: [Int64] = []
        var devices: [Int32] = [], addresses: [Int32] = [], revenue: [Double] = [], ids: [EventID] = []
        var currency: Currency?
        for event in events {
            let kind: Kind
            switch event.kind {
            case .share: kind = .share
            case .referralClick: kind = .click
            case .registration: kind = .registration
            case .firstOrder: kind = .firstOrder
            default: continue
            }
            var amount = 0.0
            if kind == .firstOrder, let money = event.orderAmount {
                if let known = currency, known != money.currency {
                    throw SocialError(.mixedCurrencies,
                                      "event \(event.id) is in \(money.currency.code), earlier first orders in \(known.code)")
                }
                currency = money.currency
                amount = money.doubleValue
            }
            kinds.append(kind)
            actors.append(intern(event.customerID))
            codes.append(intern(event.referralCode, &codeIndex))
            times.append(Int64(event.occurredAt.timeIntervalSince1970.rounded(.down)))
            devices.append(intern(event.deviceID, &deviceIndex))
            addresses.append(intern(event.networkAddress, &addressIndex))
            revenue.append(amount)
            ids.append(event.id)
        }
        self.customerIDs = customerList
        self.codeCount = codeIndex.count
        self.kinds = kinds
        self.actors = actors
        self.codes = codes
        self.times = times
        self.devices = devices
        self.addresses = addresses
        self.revenue = revenue
        self.currency = currency
        self.eventIDs = ids
    }

    /// Takes already interned columns, which must all have the same length.
    ///
    /// - Throws: ``SocialError`` `.invalidInput` for columns of different lengths, a
    ///   customer or code index out of range, a negative or non-finite revenue.
    /// - Complexity: O(n).
    public init(
        customerIDs: [CustomerID], codeCount: Int, kinds: [Kind], actors: [Int32], codes: [Int32], times: [Int64],
        devices: [Int32], addresses: [Int32], revenue: [Double], currency: Currency?
    ) throws(SocialError) {
        let n = kinds.count
        for (name, length) in [("actors", actors.count), ("codes", codes.count), ("times", times.count),
                               ("devices", devices.count), ("addresses", addresses.count), ("revenue", revenue.count)]
        where length != n {
            throw SocialError(.invalidInput, "column \(name) has \(length) values, kinds has \(n)")
        }
        guard codeCount >= 0 else { throw SocialError(.invalidInput, "codeCount \(codeCount) is negative") }
        let customers = customerIDs.count
        for i in 0..<n {
            guard actors[i] >= 0, Int(actors[i]) < customers else {
                throw SocialError(.invalidInput, "event \(i): actor \(actors[i]) is not in 0..<\(customers)")
            }
            guard codes[i] >= -1, Int(codes[i]) < codeCount else {
                throw SocialError(.invalidInput, "event \(i): code \(codes[i]) is not -1 or in 0..<\(codeCount)")
            }
            guard revenue[i].isFinite, revenue[i] >= 0 else {
                throw SocialError(.invalidInput, "event \(i): revenue \(revenue[i]) must be finite and ≥ 0")
            }
            guard devices[i] >= -1, addresses[i] >= -1 else {
                throw SocialError(.invalidInput, "event \(i): device and address indices must be ≥ -1")
            }
        }
        self.customerIDs = customerIDs
        self.codeCount = codeCount
        self.kinds = kinds
        self.actors = actors
        self.codes = codes
        self.times = times
        self.devices = devices
        self.addresses = addresses
        self.revenue = revenue
        self.currency = currency
        self.eventIDs = []
    }
}
