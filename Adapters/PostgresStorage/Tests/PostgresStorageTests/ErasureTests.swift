#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Campaigns
import CustomerModel
import PostgresNIO
@testable import PostgresStorage
import PrecisionMarketing
import Privacy
import Segmentation
import Testing

/// Erasure across every table in one transaction, compared with the in-memory path.
@Suite("PostgresErasure", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct ErasureTests {
    static let at = Date(timeIntervalSince1970: 1_750_000_000)
    static let pseudonymizer: Pseudonymizer = {
        // A fixed 32-byte key: the pseudonyms and fingerprints are then fixed too.
        do { return try Pseudonymizer(key: Array(0..<32), keyLabel: "test") } catch { preconditionFailure("\(error)") }
    }()

    /// The same data for two customers, written through any implementation of the stores.
    struct Seed {
        var profiles: [CustomerProfile] = []
        var orders: [Order] = []
        var events: [InteractionEvent] = []
        var consents: [ConsentRecord] = []
        var contacts: [ContactRecord] = []
        var memberships: [SegmentMembershipChange] = []
        var keys: [String] = []

        init() throws {
            let t = ErasureTests.at.addingTimeInterval(-86_400)
            for customer in ["ann", "bob"] {
                var profile = CustomerProfile(id: CustomerID(customer), createdAt: t)
                let source = Provenance(method: .survey, channel: .offline, observedAt: t)
                profile.set(.email, to: .string("\(customer)@example.com"), provenance: source)
                if customer == "ann" { profile.set(.phone, to: .string("+33 6 12 34 56 78"), provenance: source) }
                profiles.append(profile)
                for n in 0..<(customer == "ann" ? 3 : 1) {
                    orders.append(Order(id: OrderID("\(customer)-o\(n)"), customerID: CustomerID(customer), date: CalendarDay(dayNumber: 20_000 + Int32(n)),
                                        lines: [OrderLine(itemID: "i", quantity: 1, amount: Money(minorUnits: 100, currency: .eur)),
                                                OrderLine(itemID: "j", quantity: 2, amount: Money(minorUnits: 50, currency: .eur))]))
                }
                events.append(InteractionEvent(id: EventID("\(customer)-e"), customerID: CustomerID(customer), kind: .click, occurredAt: t, channel: .web))
                consents.append(ConsentRecord(id: ConsentRecordID("\(customer)-c1"), customerID: CustomerID(customer), purpose: .marketing,
                                              channel: .email, decision: .granted, recordedAt: t, method: .doubleOptIn))
                consents.append(ConsentRecord(id: ConsentRecordID("\(customer)-c2"), customerID: CustomerID(customer), purpose: .profiling,
                                              decision: .objected, recordedAt: t.addingTimeInterval(60), method: .preferenceCentre))
                contacts.append(ContactRecord(id: ContactRecordID("\(customer)-m"), customerID: CustomerID(customer), channel: .email, sentAt: t))
                for segment in ["vip", "lapsed"] {
                    memberships.append(SegmentMembershipChange(segmentID: segment, customerID: CustomerID(customer), direction: .entered,
                                                               reason: "test", occurredAt: t))
                }
                keys += ["welcome|\(customer)", "birthday|\(customer)|2026"]
            }
            keys.append("newsletter")
        }
    }

    struct Stores {
        let customers: any CustomerStore
        let orders: any OrderStore
        let interactions: any InteractionStore
        let consents: any ConsentStore
        let contacts: any ContactHistoryStore
        let memberships: any SegmentMembershipStore
        let ledger: any AutomationLedger

        func write(_ seed: Seed) async throws {
            try await customers.upsert(seed.profiles)
            try await orders.append(seed.orders)
            try await interactions.append(seed.events)
            try await consents.append(seed.consents)
            try await contacts.append(seed.contacts)
            try await memberships.apply(seed.memberships)
            _ = try await ledger.claim(seed.keys)
        }

        /// How much each store holds about a customer, in receipt order.
        func holdings(of customer: CustomerID) async throws -> [Int] {
            [
                try await customers.profiles(for: [customer]).count, try await orders.orders(for: customer).count,
                try await interactions.events(for: customer).count, try await consents.history(for: customer).count,
                try await contacts.contacts(for: customer).count, try await memberships.segments(of: [customer])[customer]?.count ?? 0,
                try await ledger.keys(ofCustomer: customer.rawValue).count,
            ]
        }

        static func postgres(_ client: PostgresStorageClient, _ schema: PostgresSchema) -> Stores {
            Stores(customers: PostgresCustomerStore(client: client, schema: schema), orders: PostgresOrderStore(client: client, schema: schema),
                   interactions: PostgresInteractionStore(client: client, schema: schema),
                   consents: PostgresConsentStore(client: client, schema: schema),
                   contacts: PostgresContactHistoryStore(client: client, schema: schema),
                   memberships: PostgresSegmentMembershipStore(client: client, schema: schema),
                   ledger: PostgresAutomationLedger(client: client, schema: schema))
        }
    }

    @Test func returnsTheInMemoryReceiptAndLeavesOnlyTheOtherCustomer() async throws {
        let seed = try Seed()
        // The in-memory path: DataSubjectRights over the in-memory stores, registered in receipt order.
        let memory = Stores(customers: InMemoryCustomerStore(), orders: InMemoryOrderStore(), interactions: InMemoryInteractionStore(),
                            consents: InMemoryConsentStore(), contacts: InMemoryContactHistoryStore(),
                            memberships: InMemorySegmentMembershipStore(), ledger: InMemoryAutomationLedger())
        try await memory.write(seed)
        let rights = DataSubjectRights(
            customers: memory.customers,
            otherStores: [PersonalDataStores.orders(memory.orders), PersonalDataStores.interactions(memory.interactions),
                          PersonalDataStores.consents(memory.consents), PersonalDataStores.contactHistory(memory.contacts),
                          PersonalDataStores.segmentMemberships(memory.memberships), PersonalDataStores.automationLedger(memory.ledger)],
            suppression: SuppressionList(store: InMemorySuppressionStore(), pseudonymizer: Self.pseudonymizer), registry: .standard)
        let expected = try await rights.erase("ann", actor: "dpo", at: Self.at)
        #expect(expected.stores.map(\.recordsRemoved) == [1, 3, 1, 2, 1, 2, 2])
        #expect(expected.suppressionRecords == 3)

        try await TestDatabase.withFreshSchemas { client, fresh in
            let schema = try await fresh()
            let stores = Stores.postgres(client, schema)
            try await stores.write(seed)
            let audit = PostgresAuditLogStore(client: client, schema: schema)
            try await AuditLog(store: audit).record(AuditEntryDraft(action: .access, actor: "crm", detail: "before", occurredAt: Self.at))
            let eraser = PostgresErasure(client: client, schema: schema, pseudonymizer: Self.pseudonymizer)
            let receipt = try await eraser.erase("ann", actor: "dpo", at: Self.at)
            #expect(receipt == expected)
            #expect(try await stores.holdings(of: "ann") == [0, 0, 0, 0, 0, 0, 0])
            #expect(try await stores.holdings(of: "bob") == [1, 1, 1, 2, 1, 2, 2])
            #expect(try await PostgresAutomationLedger(client: client, schema: schema).claim(["newsletter"]) == [false])
            // The order lines went with their orders.
            #expect(try await PostgresOrderStore(client: client, schema: schema).count() == 1)
            // Suppression records of the id, the email and the phone, as the in-memory path keeps.
            let list = SuppressionList(store: PostgresSuppressionStore(client: client, schema: schema), pseudonymizer: Self.pseudonymizer)
            #expect(try await list.isSuppressed(customerID: "ann"))
            #expect(try await list.isSuppressed(customerID: "someone", phone: "+33612345678"))
            #expect(try await !list.isSuppressed(customerID: "bob", email: "bob@example.com"))
            #expect(try await list.store.allRecords().count == 3)
            // The audit entry continues the chain, names the pseudonym and the counts.
            let entries = try await audit.allEntries()
            #expect(entries.count == 2)
            #expect(AuditChain.verify(entries).isIntact)
            #expect(entries.last?.subject == receipt.subject)
            #expect(entries.last?.detail
                    == "customers=1,orders=3,interactions=1,consents=2,contactHistory=1,segmentMemberships=2,automationLedger=2")
            // A second erasure finds nothing and says so.
            let again = try await eraser.erase("ann", actor: "dpo", at: Self.at)
            #expect(again.recordsRemoved == 0)
            #expect(again.suppressionRecords == 1)
        }
    }

    @Test func aFailureMidwayRollsBackEveryTable() async throws {
        let seed = try Seed()
        try await TestDatabase.withFreshSchemas { client, fresh in
            let schema = try await fresh()
            let stores = Stores.postgres(client, schema)
            try await stores.write(seed)
            // Make the sixth step (segment memberships) fail after five tables were already deleted from.
            try await client.withConnection(schema) { connection in
                try await connection.query(PostgresQuery(unsafeSQL: """
                    CREATE FUNCTION \(schema.name).refuse() RETURNS trigger LANGUAGE plpgsql AS
                    $$ BEGIN RAISE EXCEPTION 'memberships are frozen'; END $$
                    """), logger: client.logger)
                try await connection.query(PostgresQuery(unsafeSQL: """
                    CREATE TRIGGER frozen BEFORE DELETE ON \(schema.name).segment_memberships
                    FOR EACH ROW EXECUTE FUNCTION \(schema.name).refuse()
                    """), logger: client.logger)
            }
            let eraser = PostgresErasure(client: client, schema: schema, pseudonymizer: Self.pseudonymizer)
            let error = await #expect(throws: PrivacyError.self) { _ = try await eraser.erase("ann", actor: "dpo", at: Self.at) }
            #expect(error?.code == .storeFailed)
            #expect(error?.message.hasPrefix("erasure in store 'segmentMemberships' failed, nothing was erased:") == true)
            #expect(error?.message.contains("memberships are frozen") == true)
            #expect(try await stores.holdings(of: "ann") == [1, 3, 1, 2, 1, 2, 2])
            #expect(try await stores.orders.orders(for: "ann").allSatisfy { $0.lines.count == 2 })
            #expect(try await PostgresSuppressionStore(client: client, schema: schema).allRecords().isEmpty)
            #expect(try await PostgresAuditLogStore(client: client, schema: schema).count() == 0)
        }
    }
}
