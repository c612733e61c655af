#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// A clock that always says 2024-06-01T12:00:00Z, so store events are predictable.
struct StoreTestClock: TimeSource {
    static let instant = Date(timeIntervalSince1970: 1_717_243_200)
    func now() -> Date { StoreTestClock.instant }
}

/// Small records for the store tests.
enum StoreTestRecords {
    static let observed = Date(timeIntervalSince1970: 1_704_067_200)

    static func profile(_ id: String, email: String = "x@example.com") -> CustomerProfile {
        var profile = CustomerProfile(id: CustomerID(id), createdAt: observed)
        profile.set(.email, to: .string(email), provenance: Provenance(method: .customerUpdate, channel: .online, observedAt: observed))
        return profile
    }

    static func order(_ id: String, _ customer: String, day: Int32 = 19_800) -> Order {
        Order(id: OrderID(id), customerID: CustomerID(customer), date: CalendarDay(dayNumber: day),
              lines: [OrderLine(itemID: "sku", quantity: 1, amount: Money(minorUnits: 500, currency: .usd))])
    }

    static func event(_ id: String, _ customer: String, seconds: Double = 0) -> InteractionEvent {
        InteractionEvent(id: EventID(id), customerID: CustomerID(customer), kind: .click,
                         occurredAt: observed.addingTimeInterval(seconds), channel: .app)
    }
}
