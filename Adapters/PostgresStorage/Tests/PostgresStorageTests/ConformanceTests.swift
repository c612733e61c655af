import Campaigns
import CustomerModel
import PostgresStorage
import Privacy
import Segmentation
import PrecisionMarketingTesting
import Testing

/// The shared conformance suites, each check on a freshly migrated schema of the configured server.
@Suite("PostgreSQL stores pass the conformance suites", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct ConformanceTests {
    @Test func customerStore() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            try await CustomerStoreConformance { PostgresCustomerStore(client: client, schema: try await fresh()) }.run()
        }
    }

    @Test func orderStore() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            try await OrderStoreConformance { PostgresOrderStore(client: client, schema: try await fresh()) }.run()
        }
    }

    @Test func interactionStore() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            try await InteractionStoreConformance { PostgresInteractionStore(client: client, schema: try await fresh()) }.run()
        }
    }

    @Test func prospectStore() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            try await ProspectStoreConformance { PostgresProspectStore(client: client, schema: try await fresh()) }.run()
        }
    }

    @Test func consentStore() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            try await ConsentStoreConformance { PostgresConsentStore(client: client, schema: try await fresh()) }.run()
        }
    }

    @Test func contactHistoryStore() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            try await ContactHistoryStoreConformance { PostgresContactHistoryStore(client: client, schema: try await fresh()) }.run()
        }
    }

    @Test func auditLogStore() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            try await AuditLogStoreConformance { PostgresAuditLogStore(client: client, schema: try await fresh()) }.run()
        }
    }

    @Test func suppressionStore() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            try await SuppressionStoreConformance { PostgresSuppressionStore(client: client, schema: try await fresh()) }.run()
        }
    }

    @Test func segmentMembershipStore() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            try await SegmentMembershipStoreConformance { PostgresSegmentMembershipStore(client: client, schema: try await fresh()) }.run()
        }
    }

    @Test func automationLedger() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            try await AutomationLedgerConformance { PostgresAutomationLedger(client: client, schema: try await fresh()) }.run()
        }
    }
}
