import PostgresStorage
import Testing

@Suite("PostgresSettings and PostgresSchema")
struct PostgresSettingsTests {
    @Test func readsTheStandardEnvironmentVariables() throws {
        let settings = try PostgresSettings(environment: [
            "PGHOST": "db.internal", "PGPORT": "6543", "PGUSER": "crm", "PGPASSWORD": "s3cret",
            "PGDATABASE": "marketing", "PGSSLMODE": "require",
        ])
        #expect(settings == PostgresSettings(host: "db.internal", port: 6543, username: "crm", password: "s3cret",
                                             database: "marketing", tls: .require))
        #expect(settings.description == "crm@db.internal:6543/marketing (tls require)")
    }

    @Test func fallsBackToLibpqDefaults() throws {
        let settings = try PostgresSettings(environment: ["USER": "ann", "PGHOST": ""])
        #expect(settings == PostgresSettings(host: "localhost", port: 5432, username: "ann", password: nil, database: nil, tls: .prefer))
        #expect(try PostgresSettings(environment: [:]).username == "postgres")
    }

    @Test func refusesABadPortOrTLSMode() {
        let port = #expect(throws: PostgresSettingsError.self) { try PostgresSettings(environment: ["PGPORT": "70000"]) }
        #expect(port?.code == .invalidPort)
        #expect(port?.message == "PGPORT '70000' is not a port in 1...65535")
        let tls = #expect(throws: PostgresSettingsError.self) { try PostgresSettings(environment: ["PGSSLMODE": "always"]) }
        #expect(tls?.code == .invalidTLSMode)
    }

    @Test func readsAURLWithPercentEncodedCredentials() throws {
        let settings = try PostgresSettings(url: "postgresql://crm%40eu:p%3Ass@10.0.0.5:5433/sales?sslmode=verify-full")
        #expect(settings == PostgresSettings(host: "10.0.0.5", port: 5433, username: "crm@eu", password: "p:ss",
                                             database: "sales", tls: .verifyFull))
        let minimal = try PostgresSettings(url: "postgres://bob@localhost")
        #expect(minimal == PostgresSettings(host: "localhost", port: 5432, username: "bob", password: nil, database: nil, tls: .prefer))
    }

    @Test func refusesURLsThatAreNotPostgresOrNameNoUser() {
        let scheme = #expect(throws: PostgresSettingsError.self) { try PostgresSettings(url: "mysql://u:pw@host/db") }
        #expect(scheme?.code == .invalidURL)
        #expect(scheme?.message == "'mysql://u:***@host/db' is not a postgres:// URL")
        let user = #expect(throws: PostgresSettingsError.self) { try PostgresSettings(url: "postgres://host/db") }
        #expect(user?.code == .invalidURL)
        let mode = #expect(throws: PostgresSettingsError.self) { try PostgresSettings(url: "postgres://u@h/db?sslmode=maybe") }
        #expect(mode?.code == .invalidTLSMode)
    }

    @Test func acceptsOnlyPlainLowerCaseSchemaNames() throws {
        #expect(try PostgresSchema("tenant_42").name == "tenant_42")
        #expect(PostgresSchema.default.name == "precision")
        for bad in ["", "Tenant", "1st", "pg_catalog", "a-b", "x; DROP TABLE customers", String(repeating: "a", count: 64)] {
            let error = #expect(throws: PostgresSettingsError.self) { try PostgresSchema(bad) }
            #expect(error?.code == .invalidSchemaName)
        }
    }
}
