#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import PostgresStorage
import Testing

/// Records with every optional part set (and unset) read back equal from PostgreSQL.
@Suite("PostgreSQL stores keep every field", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct RoundTripTests {
    static let observed = Date(timeIntervalSinceReferenceDate: 752_000_123.000_456_7)

    @Test func profilesKeepAttributesWithTheirProvenanceDevicesAndTags() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            let store = PostgresCustomerStore(client: client, schema: try await fresh())
            let crm = Provenance(ownership: .own, method: .survey, channel: .offline, observedAt: Self.observed, source: "crm-eu")
            let web = Provenance(method: .tracking, channel: .online, observedAt: Self.observed.addingTimeInterval(0.25))
            var profile = CustomerProfile(id: "ann", lifecycle: .customer, createdAt: Self.observed,
                                          updatedAt: Self.observed.addingTimeInterval(86_400.5))
            profile.set(.email, to: .string("ann@example.com"), provenance: crm)
            profile.set(.incomeLevel, to: .number(0.1 + 0.2), provenance: web)
            profile.set(.birthDate, to: .day(try CalendarDay(iso: "1988-02-29")), provenance: crm)
            profile.set(.interests, to: .list(["jazz", "日本", ""]), provenance: web)
            profile.set(.inquiryCost, to: .money(Money(minorUnits: -1_234, currency: try Currency(code: "KWD", minorUnitDigits: 3))),
                        provenance: crm)
            profile.set(ProfileField("optedIn"), to: .bool(false), provenance: web)
            profile.devices = [DeviceInfo(deviceID: "d-1", platform: "ios", model: nil, lastSeen: Self.observed, provenance: web)]
            profile.tags = ["vip", "Ünïcode"]
            let bare = CustomerProfile(id: "bob", createdAt: Date(timeIntervalSince1970: 0))
            try await store.upsert([profile, bare])
            #expect(try await store.profiles(for: ["bob", "ann"]) == [bare, profile])
            let read = try await store.profile(for: "ann")
            #expect(read?.attributes[.email]?.provenance.source == "crm-eu")
            // AttributeValue's own Codable form turns a day into a string; the stored form keeps it a day.
            #expect(read?[.birthDate] == .day(try CalendarDay(iso: "1988-02-29")))
        }
    }

    @Test func ordersKeepTheirLinesInOrderWithOptionalFields() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            let store = PostgresOrderStore(client: client, schema: try await fresh())
            let kwd = try Currency(code: "KWD", minorUnitDigits: 3)
            let full = Order(id: "o-1", customerID: "ann", date: try CalendarDay(iso: "2024-03-01"), lines: [
                OrderLine(itemID: "z-last", quantity: 3, amount: Money(minorUnits: 1_999, currency: .eur), categoryID: "shoes"),
                OrderLine(itemID: "a-first", quantity: -1, amount: Money(minorUnits: -500, currency: .eur)),
                OrderLine(itemID: "k", quantity: 1, amount: Money(minorUnits: 123_456, currency: kwd)),
            ], channel: .inStore, salesperson: "s-7")
            let empty = Order(id: "o-0", customerID: "ann", date: try CalendarDay(iso: "2024-03-01"), lines: [])
            let earlier = Order(id: "o-9", customerID: "ann", date: try CalendarDay(iso: "2023-12-31"),
                                lines: [OrderLine(itemID: "i", quantity: 1, amount: Money(minorUnits: 100, currency: .jpy))])
            try await store.append([full, empty, earlier])
            #expect(try await store.orders(for: "ann") == [earlier, empty, full])
            #expect(try await store.page(after: nil, limit: 2) == Page(elements: [empty, full], nextCursor: PageCursor(token: "o-1")))
            // Replacing an order with fewer lines leaves none of the old ones behind.
            var fewer = full
            fewer.lines = [OrderLine(itemID: "only", quantity: 2, amount: Money(minorUnits: 10, currency: .usd))]
            fewer.channel = nil
            try await store.append(fewer)
            #expect(try await store.orders(for: ["ann", "ann"]) == [earlier, empty, fewer])
        }
    }

    @Test func interactionsKeepDetailsProvenanceAndExactTimes() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            let store = PostgresInteractionStore(client: client, schema: try await fresh())
            let details = InteractionDetails(path: ["/", "/p/1"], dwellSeconds: 12.75, query: "red shoes", itemID: "i-1",
                                             categoryID: "c-1", feature: "wishlist", rating: 4.5, text: "naïve \"quote\"",
                                             campaignID: "spring", response: "clicked", questionID: "q-3")
            let first = InteractionEvent(id: "e-1", customerID: "ann", kind: .review, occurredAt: Self.observed, channel: .app,
                                         details: details, provenance: Provenance(method: .tracking, channel: .online, observedAt: Self.observed))
            let second = InteractionEvent(id: "e-2", customerID: "ann", kind: InteractionKind("custom"),
                                          occurredAt: Self.observed.addingTimeInterval(1e-6), channel: .web)
            try await store.append([second, first])
            #expect(try await store.events(for: "ann") == [first, second])
            // The range is half-open on exactly the stored instants.
            let range = Self.observed..<Self.observed.addingTimeInterval(1e-6)
            #expect(try await store.events(for: ["ann"], in: range) == [first])
            // Re-sending the same batch is a no-op; a changed event under a stored id is refused whole.
            try await store.append([first, second])
            var changed = first
            changed.details.rating = 4.0
            let error = await #expect(throws: StoreError.self) {
                try await store.append([InteractionEvent(id: "e-3", customerID: "bob", kind: .click, occurredAt: Self.observed, channel: .web), changed])
            }
            #expect(error?.code == .duplicateID)
            #expect(error?.message == "event 'e-1' is stored with different content")
            #expect(try await store.count() == 2)
        }
    }

    @Test func prospectsKeepTheirSourceAndConversion() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            let store = PostgresProspectStore(client: client, schema: try await fresh())
            var referred = Prospect(id: "p-1", source: .referral(by: "ann"), inquirySource: "fair",
                                    inquiryCost: Money(minorUnits: 250, currency: .gbp), createdAt: Self.observed, convertedTo: "c-9")
            referred.set(.city, to: .string("Lyon"), provenance: Provenance(method: .survey, channel: .offline, observedAt: Self.observed))
            let listed = Prospect(id: "p-2", source: .socialMedia("weibo"), createdAt: Self.observed)
            try await store.upsert([listed, referred])
            #expect(try await store.prospects(for: ["p-1", "p-2"]) == [referred, listed])
            #expect(try await store.prospects(referredBy: "ann", pageSize: 1) == [referred])
        }
    }
}
