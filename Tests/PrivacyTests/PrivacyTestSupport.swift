#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Privacy

/// Fixed instants and small records for the Privacy tests.
enum Fixture {
    /// 2024-03-01T00:00:00Z.
    static let t0 = Date(timeIntervalSince1970: 1_709_251_200)
    static func at(hours: Double) -> Date { t0.addingTimeInterval(hours * 3_600) }
    static func at(days: Double) -> Date { t0.addingTimeInterval(days * 86_400) }

    static func consent(
        _ id: String, _ customer: String, _ purpose: Purpose, _ channel: Channel? = nil,
        _ decision: ConsentDecision = .granted, hours: Double = 0, expiresAfterHours: Double? = nil
    ) -> ConsentRecord {
        ConsentRecord(id: ConsentRecordID(id), customerID: CustomerID(customer), purpose: purpose, channel: channel,
                      decision: decision, recordedAt: at(hours: hours), method: .doubleOptIn, noticeVersion: "2024-01",
                      expiresAt: expiresAfterHours.map { at(hours: hours + $0) })
    }

    static let provenance = Provenance(method: .customerUpdate, channel: .online, observedAt: t0, source: "crm")

    static func profile(_ id: String, email: String, phone: String, name: String = "Ann Example") -> CustomerProfile {
        var profile = CustomerProfile(id: CustomerID(id), createdAt: t0)
        profile.set(.email, to: .string(email), provenance: provenance)
        profile.set(.phone, to: .string(phone), provenance: provenance)
        profile.set(.name, to: .string(name), provenance: provenance)
        profile.set(.region, to: .string("North"), provenance: Provenance(ownership: .external, method: .thirdPartyProvider,
                                                                          channel: .offline, observedAt: t0, source: "geo-vendor"))
        return profile
    }
}

/// A time source that always reads `Fixture.t0`.
struct FixedTime: TimeSource {
    func now() -> Date { Fixture.t0 }
}
