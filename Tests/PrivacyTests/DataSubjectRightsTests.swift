import Foundation
import Testing
import Synchronization
import CustomerModel
import Privacy
import PrecisionMarketingTesting

/// A user-registered store of segment memberships, standing for any store outside the library.
final class SegmentMembershipStore: PersonalDataStore {
    let members = Mutex<[String: Set<CustomerID>]>([:])
    let name = "segments"
    var category: DataCategory { .derived }
    func add(_ customer: CustomerID, to segment: String) { members.withLock { _ = $0[segment, default: []].insert(customer) } }
    func exportJSON(for customerID: CustomerID) async throws -> String {
        let segments = members.withLock { $0.filter { $0.value.contains(customerID) }.keys.sorted() }
        return "[" + segments.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }
    func erase(_ customerID: CustomerID) async throws -> Int {
        members.withLock { members in
            var removed = 0
            for key in members.keys where members[key]?.remove(customerID) != nil { removed += 1 }
            return removed
        }
    }
    var everything: String { members.withLock { $0.map { "\($0.key):\($0.value.map(\.rawValue).sorted())" }.sorted().joined() } }
}

@Suite struct DataSubjectRightsTests {
    struct World {
        let customers = InMemoryCustomerStore()
        let orders = InMemoryOrderStore()
        let interactions = InMemoryInteractionStore()
        let consents = InMemoryConsentStore()
        let contacts = InMemoryContactHistoryStore()
        let segments = SegmentMembershipStore()
        let audit: AuditLog
        let suppression: SuppressionList
        let sink = RecordingEventSink()
        let rights: DataSubjectRights

        init() throws {
            let pseudonymizer = try Pseudonymizer(key: Array("erasure-test-key-0123456789".utf8))
            audit = AuditLog(store: InMemoryAuditLogStore(), pseudonymizer: pseudonymizer)
            suppression = SuppressionList(store: InMemorySuppressionStore(), pseudonymizer: pseudonymizer)
            rights = DataSubjectRights(
                customers: customers,
                otherStores: [PersonalDataStores.orders(orders), PersonalDataStores.interactions(interactions),
                              PersonalDataStores.consents(consents), PersonalDataStores.contactHistory(contacts), segments],
                suppression: suppression, registry: .standard, auditLog: audit, eventSink: sink)
        }

        /// Imports a customer into every store.
        func importCustomer(_ id: String, email: String, phone: String) async throws {
            let customer = CustomerID(id)
            try await customers.upsert(Fixture.profile(id, email: email, phone: phone))
            try await orders.append(Order(id: OrderID("\(id)-o1"), customerID: customer, date: Fixture.t0.calendarDayUTC,
                                          lines: [OrderLine(itemID: "sku-1", quantity: 1, amount: Money(minorUnits: 1_999, currency: .usd))]))
            try await interactions.append(InteractionEvent(id: EventID("\(id)-e1"), customerID: customer, kind: .click,
                                                           occurredAt: Fixture.t0, channel: .web))
            try await consents.append(Fixture.consent("\(id)-k1", id, .marketing, .email))
            try await contacts.append(ContactRecord(id: ContactRecordID("\(id)-m1"), customerID: customer, channel: .email, sentAt: Fixture.t0))
            segments.add(customer, to: "vip")
            try await audit.record(AuditEntryDraft(action: .access, actor: "import", customerID: customer, purpose: .marketing,
                                                   detail: "imported", occurredAt: Fixture.t0))
        }

        /// Every byte every store holds, as JSON text.
        func everything() async throws -> String {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .secondsSince1970
            func text(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
            return try [
                text(try await customers.allProfiles()), text(try await orders.allOrders()),
                text(try await interactions.allEvents()), text(try await consents.allRecords()),
                text(try await contacts.allContacts()), segments.everything,
                text(try await audit.store.allEntries()), text(try await suppression.store.allRecords()),
            ].joined(separator: "\n")
        }
    }

    @Test func erasureLeavesNeitherIDNorEmailNorPhoneAnywhere() async throws {
        let world = try World()
        try await world.importCustomer("cust-ERASE-1", email: "erase.me@example.com", phone: "+44 20 7946 0991")
        try await world.importCustomer("cust-KEEP-2", email: "keep.me@example.com", phone: "+44 20 7946 0992")
        let before = try await world.everything()
        for needle in ["cust-ERASE-1", "erase.me@example.com", "+44 20 7946 0991"] { #expect(before.contains(needle), "\(needle) before") }

        let receipt = try await world.rights.erase("cust-ERASE-1", actor: "dpo", at: Fixture.at(days: 1))
        #expect(receipt.stores.map(\.store) == ["customers", "orders", "interactions", "consents", "contactHistory", "segments"])
        #expect(receipt.stores.map(\.recordsRemoved) == [1, 1, 1, 1, 1, 1])
        #expect(receipt.suppressionRecords == 3)

        let after = try await world.everything()
        for needle in ["cust-ERASE-1", "erase.me@example.com", "erase.me", "+44 20 7946 0991", "2079460991"] {
            #expect(!after.contains(needle), "\(needle) is still held somewhere")
        }
        // The other customer is untouched.
        for needle in ["cust-KEEP-2", "keep.me@example.com", "+44 20 7946 0992"] { #expect(after.contains(needle), "\(needle) after") }
        // The audit chain still verifies, and records the erasure.
        #expect(try await world.audit.verify().isIntact)
        #expect(try await world.audit.store.allEntries().last?.action == .erasure)
        // An erased event carries the pseudonym, not the id.
        let erased = world.sink.events(of: .customerErased)
        #expect(erased.count == 1)
        #expect(erased.first?.customerID == nil)
        #expect(erased.first?.details["subject"] == receipt.subject)
    }

    @Test func suppressionBlocksReimportAndContact() async throws {
        let world = try World()
        try await world.importCustomer("c-1", email: "Ann@Example.com", phone: "+44 20 7946 0001")
        _ = try await world.rights.erase("c-1", actor: "dpo", at: Fixture.t0)
        // The same person comes back under a new id, with the email spelt differently.
        let returning = Fixture.profile("c-99", email: " ann@example.COM", phone: "555")
        let newcomer = Fixture.profile("c-100", email: "new@example.com", phone: "556")
        let screened = try await world.suppression.screenImport([returning, newcomer])
        #expect(screened.blocked.map(\.id) == ["c-99"])
        #expect(screened.accepted.map(\.id) == ["c-100"])
        // And the old id cannot be contacted.
        let evaluator = ContactPolicyEvaluator(policy: try ContactPolicy(), history: world.contacts, suppression: world.suppression)
        #expect(try await evaluator.evaluate("c-1", channel: .email, at: Fixture.t0).reasons == [.erased])
        #expect(try await evaluator.evaluate("c-100", channel: .email, at: Fixture.t0).isAllowed)
    }

    @Test func exportHoldsEveryStoreWithProvenanceAndPurposes() async throws {
        let world = try World()
        try await world.importCustomer("c-1", email: "ann@example.com", phone: "+44 20 7946 0001")
        try await world.importCustomer("c-2", email: "bob@example.com", phone: "+44 20 7946 0002")
        let export = try await world.rights.export("c-1", actor: "support", noticeVersion: "2024-03", at: Fixture.at(days: 1))
        #expect(export.stores.map(\.store) == ["customers", "orders", "interactions", "consents", "contactHistory", "segments"])
        let document = try export.jsonDocument()
        let parsed = try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any]
        let stores = try #require(parsed?["stores"] as? [String: Any])
        #expect(stores.keys.sorted() == ["consents", "contactHistory", "customers", "interactions", "orders", "segments"])
        #expect(document.contains("ann@example.com"))
        #expect(document.contains("\"method\":\"customerUpdate\""))  // provenance travels with the data
        #expect(document.contains("geo-vendor"))
        #expect(!document.contains("bob@example.com"))
        #expect(document.contains("\"vip\""))
        let purposes = try #require(parsed?["purposes"] as? [[String: Any]])
        #expect(purposes.count == 6)
        #expect(world.sink.events(of: .dataExported).count == 1)
        #expect(try await world.audit.store.allEntries().last?.action == .export)
    }

    @Test func retentionPurgesOnlyDataOlderThanItsPolicy() async throws {
        let world = try World()
        try await world.contacts.append([
            ContactRecord(id: "old", customerID: "c-1", channel: .email, sentAt: Fixture.at(days: -400)),
            ContactRecord(id: "young", customerID: "c-1", channel: .email, sentAt: Fixture.at(days: -10)),
        ])
        try await world.interactions.append([
            InteractionEvent(id: "e-old", customerID: "c-1", kind: .browse, occurredAt: Fixture.at(days: -800), channel: .web),
            InteractionEvent(id: "e-young", customerID: "c-1", kind: .browse, occurredAt: Fixture.at(days: -100), channel: .web),
        ])
        let purge = try RetentionPurge(
            policies: [RetentionPolicy(category: .contactHistory, maximumAgeDays: 365), RetentionPolicy(category: .interactions, maximumAgeDays: 730)],
            stores: world.rights.stores, auditLog: world.audit, eventSink: world.sink)
        let results = try await purge.run(asOf: Fixture.t0, actor: "retention-job")
        #expect(results.map(\.store) == ["interactions", "contactHistory"])
        #expect(results.map(\.recordsRemoved) == [1, 1])
        #expect(try await world.contacts.allContacts().map(\.id) == ["young"])
        #expect(try await world.interactions.allEvents().map(\.id) == ["e-young"])
        #expect(try await world.audit.store.allEntries().map(\.action) == [.retentionPurge, .retentionPurge])
        #expect(world.sink.events(of: .retentionPurged).count == 2)
        #expect(throws: PrivacyError.self) { try RetentionPurge(policies: [RetentionPolicy(category: .orders, maximumAgeDays: -1)], stores: []) }
    }
}

@Suite struct PersonalDataStoreConformanceTests {
    @Test func libraryAdaptersAndAUserStorePassTheSuite() async throws {
        try await PersonalDataStoreConformance {
            let store = InMemoryCustomerStore()
            return (PersonalDataStores.customers(store), { id in try await store.upsert(Fixture.profile(id.rawValue, email: "x@example.com", phone: "1")) })
        }.run()
        try await PersonalDataStoreConformance {
            let store = InMemoryOrderStore()
            return (PersonalDataStores.orders(store), { id in
                try await store.append(Order(id: OrderID("\(id)-o"), customerID: id, date: Fixture.t0.calendarDayUTC,
                                             lines: [OrderLine(itemID: "sku", quantity: 1, amount: Money(minorUnits: 100, currency: .usd))]))
            })
        }.run()
        try await PersonalDataStoreConformance {
            let store = InMemoryInteractionStore()
            return (PersonalDataStores.interactions(store), { id in
                try await store.append(InteractionEvent(id: EventID("\(id)-e"), customerID: id, kind: .click, occurredAt: Fixture.t0, channel: .web))
            })
        }.run()
        try await PersonalDataStoreConformance {
            let store = InMemoryConsentStore()
            return (PersonalDataStores.consents(store), { id in try await store.append(Fixture.consent("\(id)-k", id.rawValue, .marketing, .email)) })
        }.run()
        try await PersonalDataStoreConformance {
            let store = InMemoryContactHistoryStore()
            return (PersonalDataStores.contactHistory(store), { id in
                try await store.append(ContactRecord(id: ContactRecordID("\(id)-m"), customerID: id, channel: .sms, sentAt: Fixture.t0))
            })
        }.run()
        try await PersonalDataStoreConformance {
            let store = SegmentMembershipStore()
            return (store, { id in store.add(id, to: "vip-\(id)") })
        }.run()
    }

    @Test func inMemorySuppressionStorePassesTheSuite() async throws {
        try await SuppressionStoreConformance { InMemorySuppressionStore() }.run()
    }

    @Test func consentChangesAreAudited() async throws {
        let audit = AuditLog(store: InMemoryAuditLogStore())
        let store = InMemoryConsentStore()
        try await store.append([Fixture.consent("k-1", "ann", .marketing, .email), Fixture.consent("k-2", "ann", .profiling, nil, .objected, hours: 1)],
                               auditLog: audit, actor: "preference-centre")
        let entries = try await audit.store.allEntries()
        #expect(entries.map(\.action) == [.consentChange, .consentChange])
        #expect(entries.map(\.detail) == ["granted over email by doubleOptIn, notice 2024-01, record k-1",
                                          "objected over every channel by doubleOptIn, notice 2024-01, record k-2"])
        #expect(entries.map(\.purpose) == [.marketing, .profiling])
    }
}
