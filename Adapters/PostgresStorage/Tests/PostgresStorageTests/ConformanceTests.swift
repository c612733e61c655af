import CustomerModel
import PostgresStorage
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
}
