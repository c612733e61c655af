#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
@testable import Social

/// Builds small event lists for tests: times in hours after 2024-03-01T00:00:00Z.
struct EventScript {
    static let base = Date(timeIntervalSince1970: 1_709_251_200)  // 2024-03-01T00:00:00Z
    var events: [SocialEvent] = []

    mutating func add(_ kind: SocialEventKind, _ customer: String, at hours: Double, code: String? = nil,
                      target: String? = nil, community: String? = nil, amount: Int64? = nil, followers: Int? = nil,
                      text: String? = nil, topic: String? = nil, device: String? = nil, platform: SocialPlatform = .wechat) {
        events.append(SocialEvent(
            id: EventID("e\(events.count + 1)"), kind: kind, customerID: CustomerID(customer), platform: platform,
            occurredAt: Self.base.addingTimeInterval(hours * 3600), targetCustomerID: target.map(CustomerID.init),
            referralCode: code, communityID: community, followerCount: followers, text: text, topic: topic,
            orderAmount: amount.map { Money(minorUnits: $0 * 100, currency: .cny) }, deviceID: device))
    }

    /// The fission fixture of SocialFission.md: chains A→B→D→E, A→C, A→M, X→Y, with a
    /// cycle, a self-referral, an unknown code, a device burst, a self click, an unknown-code
    /// click and a repeated registration.
    static func fission() -> [SocialEvent] {
        var s = EventScript()
        s.add(.share, "A", at: 0, code: "a1")
        s.add(.referralClick, "B", at: 1, code: "a1")
        s.add(.referralClick, "C", at: 1, code: "a1")
        s.add(.registration, "B", at: 2)
        s.add(.registration, "C", at: 3, code: "a1")
        s.add(.firstOrder, "B", at: 5, amount: 100)
        s.add(.share, "B", at: 6, code: "b1")
        s.add(.referralClick, "D", at: 7, code: "b1")
        s.add(.registration, "D", at: 8)
        s.add(.firstOrder, "D", at: 9, amount: 50)
        s.add(.share, "D", at: 10, code: "d1")
        s.add(.referralClick, "E", at: 11, code: "d1")
        s.add(.registration, "E", at: 12)
        s.add(.firstOrder, "E", at: 13, amount: 20)
        s.add(.share, "X", at: 20, code: "x1")
        s.add(.registration, "Y", at: 21, code: "x1")
        s.add(.share, "Y", at: 22, code: "y1")
        s.add(.registration, "X", at: 23, code: "y1")
        s.add(.share, "F", at: 30, code: "f1")
        s.add(.registration, "F", at: 31, code: "f1")
        s.add(.registration, "G", at: 32, code: "zzz")
        s.add(.referralClick, "A", at: 33, code: "a1")
        s.add(.referralClick, "H", at: 34, code: "nope")
        for (i, minutes) in [0.0, 10, 20, 30].enumerated() {
            s.add(.registration, "K\(i + 1)", at: 40 + minutes / 60, code: "a1", device: "dev9")
        }
        s.add(.registration, "M", at: 50, code: "a1", device: "dev9")
        s.add(.registration, "B", at: 60, code: "d1")
        return s.events
    }
}
