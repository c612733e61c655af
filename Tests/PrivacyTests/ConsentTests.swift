#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
import CustomerModel
import Privacy
import PrecisionMarketingTesting

@Suite struct ConsentLedgerTests {
    @Test func inMemoryStorePassesTheConformanceSuite() async throws {
        try await ConsentStoreConformance { InMemoryConsentStore() }.run()
    }

    @Test func stateIsDerivedFromTheLatestDecision() {
        let ledger = ConsentLedger(history: [
            Fixture.consent("1", "ann", .marketing, .email, hours: 0, expiresAfterHours: 100),
            Fixture.consent("2", "ann", .marketing, .email, .withdrawn, hours: 10),
            Fixture.consent("3", "ann", .marketing, .email, hours: 20, expiresAfterHours: 5),
        ])
        #expect(ledger.status(of: "ann", for: .marketing, channel: .email, at: Fixture.at(hours: -1)) == .absent)
        #expect(ledger.status(of: "ann", for: .marketing, channel: .email, at: Fixture.at(hours: 5)).record?.id == "1")
        #expect(ledger.status(of: "ann", for: .marketing, channel: .email, at: Fixture.at(hours: 5)).isGranted)
        guard case .withdrawn(let withdrawal) = ledger.status(of: "ann", for: .marketing, channel: .email, at: Fixture.at(hours: 15)) else {
            Issue.record("expected withdrawn at hour 15")
            return
        }
        #expect(withdrawal.id == "2")
        #expect(ledger.status(of: "ann", for: .marketing, channel: .email, at: Fixture.at(hours: 24)).isGranted)
        guard case .expired(let lapsed) = ledger.status(of: "ann", for: .marketing, channel: .email, at: Fixture.at(hours: 25)) else {
            Issue.record("expected expired at hour 25 (grant of hour 20 lapses after 5 hours)")
            return
        }
        #expect(lapsed.id == "3")
        #expect(ledger.status(of: "ann", for: .marketing, channel: .sms, at: Fixture.at(hours: 5)) == .absent)
    }

    @Test func purposeWideWithdrawalOverridesEarlierChannelGrants() {
        let ledger = ConsentLedger(history: [
            Fixture.consent("1", "ann", .marketing, .email, hours: 0),
            Fixture.consent("2", "ann", .marketing, .sms, hours: 0),
            Fixture.consent("3", "ann", .marketing, nil, .withdrawn, hours: 5),
            Fixture.consent("4", "ann", .marketing, .sms, hours: 8),
        ])
        #expect(!ledger.status(of: "ann", for: .marketing, channel: .email, at: Fixture.at(hours: 9)).isGranted)
        #expect(ledger.status(of: "ann", for: .marketing, channel: .sms, at: Fixture.at(hours: 9)).isGranted)
    }

    @Test func storeEmitsConsentChangedEvents() async throws {
        let sink = RecordingEventSink()
        let store = InMemoryConsentStore(eventSink: sink, timeSource: FixedTime())
        try await store.append([Fixture.consent("1", "ann", .marketing, .email), Fixture.consent("2", "ann", .profiling, nil, .objected)])
        try await store.append([Fixture.consent("1", "ann", .marketing, .email)])  // a retry: no new event
        let events = sink.events(of: .consentChanged)
        #expect(events.count == 2)
        #expect(events.map { $0.details["decision"] } == ["granted", "objected"])
        #expect(events.first?.details["channel"] == "email")
    }
}

@Suite struct PurposeGateTests {
    func gate(_ records: [ConsentRecord], audit: AuditLog? = nil) async throws -> PurposeGate {
        let store = InMemoryConsentStore()
        try await store.append(records)
        return PurposeGate(registry: .standard, consents: store, auditLog: audit)
    }

    @Test func missingConsentIsDeniedNamingWhatIsMissing() async throws {
        let gate = try await gate([Fixture.consent("1", "ann", .marketing, .sms)])
        let request = AccessRequest(customerID: "ann", purpose: .marketing, channel: .email, actor: "campaign-1")
        let decision = try await gate.check(request, at: Fixture.at(hours: 1))
        #expect(decision == .denied(AccessDenial(request: request, missing: [.consent(.marketing, channel: .email)])))
        await #expect(throws: AccessDenial.self) { try await gate.authorize(request, at: Fixture.at(hours: 1)) }
        let sms = AccessRequest(customerID: "ann", purpose: .marketing, channel: .sms, actor: "campaign-1")
        #expect(try await gate.check(sms, at: Fixture.at(hours: 1)).isGranted)
    }

    @Test func everyMissingRequirementIsListed() async throws {
        let gate = try await gate([Fixture.consent("1", "ann", .marketing, .email, .withdrawn)])
        let request = AccessRequest(customerID: "ann", purpose: .marketing, channel: .email, fields: [.email, .incomeLevel], actor: "a")
        guard case .denied(let denial) = try await gate.check(request, at: Fixture.at(hours: 1)) else {
            Issue.record("expected a denial")
            return
        }
        #expect(denial.missing == [.fieldNotCovered(.incomeLevel, purpose: .marketing),
                                   .consentWithdrawn(.marketing, channel: .email, record: "1")])
        let unknown = AccessRequest(customerID: "ann", purpose: "resale", actor: "a")
        #expect(try await gate.check(unknown, at: Fixture.t0) == .denied(AccessDenial(request: unknown, missing: [.purposeNotRegistered("resale")])))
        let noChannel = AccessRequest(customerID: "ann", purpose: .marketing, actor: "a")
        guard case .denied(let channelDenial) = try await gate.check(noChannel, at: Fixture.t0) else {
            Issue.record("expected a denial without a channel")
            return
        }
        #expect(channelDenial.missing == [.channelRequired(.marketing)])
    }

    @Test func expiredConsentIsDenied() async throws {
        let gate = try await gate([Fixture.consent("1", "ann", .profiling, nil, hours: 0, expiresAfterHours: 24)])
        let request = AccessRequest(customerID: "ann", purpose: .profiling, actor: "scoring")
        #expect(try await gate.check(request, at: Fixture.at(hours: 23)).isGranted)
        #expect(try await gate.check(request, at: Fixture.at(hours: 24))
            == .denied(AccessDenial(request: request, missing: [.consentExpired(.profiling, channel: nil, expiredAt: Fixture.at(hours: 24))])))
    }

    @Test func objectionStopsLegitimateInterestProcessing() async throws {
        let gate = try await gate([Fixture.consent("1", "bob", .analytics, nil, .objected, hours: 2)])
        let bob = AccessRequest(customerID: "bob", purpose: .analytics, actor: "reports")
        #expect(try await gate.check(bob, at: Fixture.at(hours: 1)).isGranted)  // before the objection
        #expect(try await gate.check(bob, at: Fixture.at(hours: 3)) == .denied(AccessDenial(request: bob, missing: [.objection(.analytics, record: "1")])))
        let ann = AccessRequest(customerID: "ann", purpose: .analytics, actor: "reports")
        #expect(try await gate.check(ann, at: Fixture.at(hours: 3)).isGranted)  // legitimate interest needs no consent
    }

    @Test func readProfileReturnsOnlyThePurposeFields() async throws {
        let gate = try await gate([Fixture.consent("1", "ann", .marketing, .email)])
        let customers = InMemoryCustomerStore()
        try await customers.upsert(Fixture.profile("ann", email: "ann@example.com", phone: "+44 20 7946 0000"))
        let request = AccessRequest(customerID: "ann", purpose: .marketing, channel: .email, fields: [.email], actor: "campaign")
        let profile = try await gate.readProfile(request, from: customers, at: Fixture.t0)
        #expect(profile?.email == "ann@example.com")
        #expect(profile?.phone == nil)
        #expect(profile?.region == nil)
        let refused = AccessRequest(customerID: "ann", purpose: .marketing, channel: .sms, actor: "campaign")
        await #expect(throws: AccessDenial.self) { _ = try await gate.readProfile(refused, from: customers, at: Fixture.t0) }
    }

    @Test func everyDecisionIsAudited() async throws {
        let audit = AuditLog(store: InMemoryAuditLogStore())
        let gate = try await gate([Fixture.consent("1", "ann", .marketing, .email)], audit: audit)
        _ = try await gate.check(AccessRequest(customerID: "ann", purpose: .marketing, channel: .email, actor: "c1"), at: Fixture.t0)
        _ = try await gate.check(AccessRequest(customerID: "ann", purpose: .marketing, channel: .sms, actor: "c2"), at: Fixture.t0)
        let entries = try await audit.store.allEntries()
        #expect(entries.map(\.action) == [.access, .accessDenied])
        #expect(entries.map(\.actor) == ["c1", "c2"])
        #expect(entries[1].detail == "channel sms; no consent for 'marketing' over sms")
    }

    @Test func registryRefusesInvalidDefinitions() {
        #expect(throws: PrivacyError.self) {
            _ = try PurposeRegistry([PurposeDefinition(purpose: "x", statement: "s", legalBasis: .contract, consentPerChannel: true, fields: [], retentionDays: 1)])
        }
        #expect(throws: PrivacyError.self) {
            _ = try PurposeRegistry([PurposeDefinition(purpose: "x", statement: "s", legalBasis: .contract, fields: [], retentionDays: -1)])
        }
        #expect(throws: PrivacyError.self) {
            let definition = PurposeDefinition(purpose: "x", statement: "s", legalBasis: .contract, fields: [], retentionDays: 1)
            _ = try PurposeRegistry([definition, definition])
        }
    }
}

@Suite struct ConsentMatrixTests {
    static let customers: [CustomerID] = ["ann", "bob", "cat", "dan"]
    static let history = [
        Fixture.consent("1", "ann", .profiling, nil, hours: 0),
        Fixture.consent("2", "bob", .profiling, nil, hours: 0),
        Fixture.consent("3", "bob", .profiling, nil, .objected, hours: 5),
        Fixture.consent("4", "cat", .profiling, nil, hours: 0, expiresAfterHours: 48),
        Fixture.consent("5", "ann", .marketing, .email, hours: 0),
    ]

    @Test func objectionToProfilingExcludesTheCustomer() throws {
        let matrix = try ConsentMatrix(customerIDs: Self.customers, history: Self.history, registry: .standard,
                                       keys: [(.profiling, nil), (.marketing, .email), (.analytics, nil)], asOf: Fixture.at(hours: 6))
        // bob objected, dan never consented; cat's grant lapses at hour 48.
        #expect(try matrix.filter([0, 1, 2, 3], purpose: .profiling, at: Fixture.at(hours: 6)) == [0, 2])
        #expect(try matrix.filter([3, 2, 0], purpose: .profiling, at: Fixture.at(hours: 48)) == [0])
        #expect(try matrix.filter(["dan", "bob", "ann", "zed"], purpose: .profiling, at: Fixture.at(hours: 6)) == ["ann"])
        #expect(try matrix.filter([0, 1, 2, 3], purpose: .marketing, channel: .email, at: Fixture.at(hours: 6)) == [0])
        // Analytics rests on legitimate interest: everyone who has not objected to it.
        #expect(try matrix.filter([0, 1, 2, 3], purpose: .analytics, at: Fixture.at(hours: 6)) == [0, 1, 2, 3])
    }

    @Test func matrixAgreesWithTheGate() async throws {
        let store = InMemoryConsentStore()
        try await store.append(Self.history)
        let gate = PurposeGate(registry: .standard, consents: store)
        let matrix = try ConsentMatrix(customerIDs: Self.customers, history: Self.history, registry: .standard,
                                       keys: [(.profiling, nil)], asOf: Fixture.at(hours: 6))
        for (index, id) in Self.customers.enumerated() {
            let viaGate = try await gate.check(AccessRequest(customerID: id, purpose: .profiling, actor: "t"), at: Fixture.at(hours: 6)).isGranted
            #expect(try matrix.isPermitted(index, purpose: .profiling, channel: nil, at: Fixture.at(hours: 6)) == viaGate, "\(id)")
        }
    }

    @Test func questionsTheMatrixCannotAnswerAreRefused() throws {
        let matrix = try ConsentMatrix(customerIDs: Self.customers, history: Self.history, registry: .standard,
                                       keys: [(.profiling, nil)], asOf: Fixture.at(hours: 6))
        #expect(throws: PrivacyError.self) { try matrix.filter([0], purpose: .marketing, channel: .sms, at: Fixture.at(hours: 6)) }
        #expect(throws: PrivacyError.self) { try matrix.filter([0], purpose: .profiling, at: Fixture.at(hours: 5)) }
        #expect(throws: PrivacyError.self) { try matrix.filter([4], purpose: .profiling, at: Fixture.at(hours: 6)) }
        #expect(throws: PrivacyError.self) {
            try ConsentMatrix(customerIDs: [], history: [], registry: .standard, keys: [("resale", nil)], asOf: Fixture.t0)
        }
    }
}

@Suite struct PrivacyNoticeTests {
    @Test func noticeNamesFieldsSourcesBasisAndRetention() throws {
        let notice = PrivacyNotice(version: "2024-03", registry: .standard,
                                   profiles: [Fixture.profile("ann", email: "ann@example.com", phone: "123")])
        #expect(notice.purposes.map(\.purpose) == [.analytics, .marketing, .personalisation, .profiling, .thirdPartySharing, .tracking])
        let marketing = try #require(notice.purposes.first { $0.purpose == .marketing })
        #expect(marketing.sources == ["own customerUpdate via online (crm)"])
        #expect(marketing.retentionDays == 730)
        #expect(marketing.text == "We use your city, email, name, phone, postcode, preferredChannel, street and your contactHistory data "
            + "to send you offers and news over the channels you chose. Basis: your consent, per channel; you may withdraw it at any time. "
            + "Sources: own customerUpdate via online (crm). We keep it for 730 days.")
        let analytics = try #require(notice.purposes.first { $0.purpose == .analytics })
        #expect(analytics.sources == ["external thirdPartyProvider via offline (geo-vendor)"])
        let personalisation = try #require(notice.purposes.first { $0.purpose == .personalisation })
        #expect(personalisation.sources.isEmpty)
        #expect(personalisation.text.hasSuffix("We hold no such data about you yet. We keep it for 365 days."))
    }
}
