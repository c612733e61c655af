#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Deterministic records for the conformance suites: no clock, no randomness.
enum ConformanceFixtures {
    /// 2024-01-01T00:00:00Z.
    static let epoch = Date(timeIntervalSince1970: 1_704_067_200)

    /// Ids whose store order differs from insertion order and includes case and non-ASCII bytes.
    static let awkwardIDs = ["Zulu", "alpha", "Émile", "zeta", "_under", "0-first", "émile", "Alpha 2", "日本"]

    static func provenance(_ offset: Int = 0) -> Provenance {
        Provenance(ownership: .own, method: .customerUpdate, channel: .online,
                   observedAt: epoch.addingTimeInterval(Double(offset) * 3_600))
    }

    static func profile(_ id: String, email: String? = nil, offset: Int = 0) -> CustomerProfile {
        var profile = CustomerProfile(id: CustomerID(id), createdAt: epoch)
        profile.set(.email, to: .string(email ?? "\(id)@example.com"), provenance: provenance(offset))
        return profile
    }

    static func prospect(_ id: String, referredBy: String? = nil, city: String = "Lyon") -> Prospect {
        var prospect = Prospect(
            id: ProspectID(id),
            source: referredBy.map { .referral(by: CustomerID($0)) } ?? .existingList("fair-2024"),
            inquirySource: "landing-page", inquiryCost: Money(minorUnits: 1_250, currency: .eur), createdAt: epoch)
        prospect.set(.city, to: .string(city), provenance: provenance())
        return prospect
    }

    static func order(_ id: String, customer: String, day: Int = 0, cents: Int64 = 1_990) -> Order {
        Order(id: OrderID(id), customerID: CustomerID(customer), date: CalendarDay(dayNumber: 19_723 + Int32(day)),
              lines: [OrderLine(itemID: ItemID("item-\(day % 7)"), quantity: 1 + day % 3,
                                amount: Money(minorUnits: cents, currency: .eur))])
    }

    static func event(_ id: String, customer: String, hour: Int = 0, kind: InteractionKind = .browse) -> InteractionEvent {
        InteractionEvent(id: EventID(id), customerID: CustomerID(customer), kind: kind,
                         occurredAt: epoch.addingTimeInterval(Double(hour) * 3_600), channel: .web,
                         details: InteractionDetails(path: ["/", "/p/\(hour)"], dwellSeconds: Double(hour)))
    }

    /// `prefix-0000` … zero-padded so that numeric and byte order agree.
    static func ids(_ prefix: String, _ range: Range<Int>) -> [String] {
        range.map { i in
            let digits = String(i)
            return prefix + "-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
    }
}
