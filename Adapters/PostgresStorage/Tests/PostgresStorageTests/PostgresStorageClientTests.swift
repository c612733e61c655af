import CustomerModel
@testable import PostgresStorage
import Privacy
import Testing

@Suite("PostgresStorageClient: migrations and errors", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct PostgresStorageClientTests {
    @Test func migratesOnceAndRecordsTheVersion() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            try await client.checkConnection()
            let schema = try await fresh()
            #expect(try await client.schemaVersion(schema: schema) == PostgresStorageClient.latestSchemaVersion)
            #expect(PostgresStorageClient.latestSchemaVersion == 2)
            // Running it again, even from two tasks at once, changes nothing.
            async let first = client.migrate(schema: schema)
            async let second = client.migrate(schema: schema)
            #expect(try await [first, second] == [2, 2])
            let store = PostgresCustomerStore(client: client, schema: schema)
            try await store.upsert(CustomerProfile(id: "kept", createdAt: .init(timeIntervalSince1970: 0)))
            try await client.migrate(schema: schema)
            #expect(try await store.count() == 1)
        }
    }

    @Test func upgradesAVersionOneSchemaKeepingItsRows() async throws {
        try await TestDatabase.withFreshSchemas { client, _ in
            let schema = try TestDatabase.uniqueSchema()
            #expect(try await client.migrate(schema: schema, through: 1) == 1)
            let customers = PostgresCustomerStore(client: client, schema: schema)
            try await customers.upsert(CustomerProfile(id: "kept", createdAt: .init(timeIntervalSince1970: 0)))
            let consents = PostgresConsentStore(client: client, schema: schema)
            let missing = await #expect(throws: StoreError.self) { try await consents.count() }
            #expect(missing?.code == .unavailable)
            #expect(try await client.migrate(schema: schema) == 2)
            #expect(try await customers.count() == 1)
            let record = ConsentRecord(id: "r-1", customerID: "kept", purpose: .marketing, decision: .granted,
                                       recordedAt: .init(timeIntervalSince1970: 5), method: .form)
            try await consents.append(record)
            #expect(try await consents.history(for: "kept") == [record])
            try await client.dropSchema(schema)
        }
    }

    @Test func aSchemaThatWasNeverMigratedIsReportedClearly() async throws {
        try await TestDatabase.withFreshSchemas { client, _ in
            let schema = try TestDatabase.uniqueSchema()
            #expect(try await client.schemaVersion(schema: schema) == 0)
            let error = await #expect(throws: StoreError.self) { try await PostgresOrderStore(client: client, schema: schema).count() }
            #expect(error?.code == .unavailable)
            #expect(error?.message.contains("schema '\(schema)' is missing or not migrated") == true)
            #expect(error?.message.hasSuffix("call PostgresStorageClient.migrate(schema:) first") == true)
        }
    }

    @Test func aServerThatCannotBeReachedIsUnavailable() async throws {
        // Port 1 on loopback: nothing listens there.
        let client = PostgresStorageClient(settings: PostgresSettings(host: "127.0.0.1", port: 1, username: "nobody", tls: .disable))
        let error = await #expect(throws: StoreError.self) { try await client.checkConnection() }
        #expect(error?.code == .unavailable)
        #expect(error?.message.hasPrefix("cannot use PostgreSQL at nobody@127.0.0.1:1/nobody") == true)
        await client.shutdown()
    }

    @Test func aValueThePostgresServerRefusesIsAnInvalidArgument() async throws {
        try await TestDatabase.withFreshSchemas { client, fresh in
            let store = PostgresProspectStore(client: client, schema: try await fresh())
            // PostgreSQL text cannot hold NUL characters.
            let prospect = Prospect(id: "p\u{0}1", source: .other("x"), createdAt: .init(timeIntervalSince1970: 0))
            let error = await #expect(throws: StoreError.self) { try await store.upsert([prospect]) }
            #expect(error?.code == .invalidArgument)
            #expect(try await store.count() == 0)
        }
    }
}
