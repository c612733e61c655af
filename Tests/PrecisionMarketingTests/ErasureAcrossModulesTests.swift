import Foundation
import PrecisionMarketing
import Testing

/// Erasure reaches the state of every module, not only the customer database: segment
/// memberships (Segmentation) and campaign automation occasions (Campaigns) too.
@Suite("Erasure across modules")
struct ErasureAcrossModulesTests {
    static let t0 = Date(timeIntervalSince1970: 1_709_251_200)

    @Test func erasedCustomerLeavesNothingInAnyModule() async throws {
        let customers = InMemoryCustomerStore(), orders = InMemoryOrderStore()
        let memberships = InMemorySegmentMembershipStore(), ledger = InMemoryAutomationLedger()
        let suppression = SuppressionList(
            store: InMemorySuppressionStore(), pseudonymizer: try Pseudonymizer(key: Array("module-erasure-key-0123456789".utf8)))
        let rights = DataSubjectRights(
            customers: customers,
            otherStores: [
                PersonalDataStores.orders(orders), PersonalDataStores.segmentMemberships(memberships),
                PersonalDataStores.automationLedger(ledger),
            ],
            suppression: suppression, registry: .standard)

        for id in ["erase-me", "keep-me"] {
            var profile = CustomerProfile(id: CustomerID(id), createdAt: Self.t0)
            let provenance = Provenance(ownership: .own, method: .customerUpdate, channel: .online, observedAt: Self.t0, source: "signup")
            profile.set(.email, to: .string("\(id)@example.com"), provenance: provenance)
            try await customers.upsert(profile)
            try await orders.append(Order(
                id: OrderID("\(id)-o1"), customerID: CustomerID(id), date: Self.t0.calendarDayUTC,
                lines: [OrderLine(itemID: "tea", quantity: 1, amount: Money(minorUnits: 500, currency: .usd))]))
            try await memberships.apply([
                SegmentMembershipChange(segmentID: "vip", customerID: CustomerID(id), direction: .entered, reason: "spend", occurredAt: Self.t0),
            ])
            _ = await ledger.claim(["birthday|\(id)|2024", "welcome|\(id)"])
        }

        let before = try await rights.export("erase-me", actor: "dpo", at: Self.t0)
        let exported = before.stores.map(\.json).joined()
        #expect(exported.contains("vip") && exported.contains("birthday|erase-me|2024"))

        let receipt = try await rights.erase("erase-me", actor: "dpo", at: Self.t0)
        let removed = Dictionary(uniqueKeysWithValues: receipt.stores.map { ($0.store, $0.recordsRemoved) })
        #expect(removed["segmentMemberships"] == 1 && removed["automationLedger"] == 2 && removed["orders"] == 1)

        #expect(try await memberships.segments(of: ["erase-me"])["erase-me"] ?? [] == [])
        #expect(await ledger.keys(ofCustomer: "erase-me").isEmpty)
        #expect(try await customers.profile(for: "erase-me") == nil)
        // The other customer keeps everything.
        #expect(try await memberships.allMembers(of: "vip") == ["keep-me"])
        #expect(await ledger.keys(ofCustomer: "keep-me").count == 2)
    }
}
