import CustomerModel
import Logging
import NIOSSL
import PostgresNIO

/// A pool of connections to one PostgreSQL database, shared by the PostgreSQL stores.
///
/// Creating it starts the pool in a background task; call ``shutdown()`` when done. Every
/// failure reaching the server surfaces as ``StoreError``: `.unavailable` for connection and
/// server failures and for a schema that has not been migrated (see ``migrate(schema:)``),
/// `.duplicateID` or `.invalidArgument` for constraint violations.
public final class PostgresStorageClient: Sendable {
    /// The settings the pool connects with.
    public let settings: PostgresSettings
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>

    /// Creates the pool and starts it.
    /// - Parameters:
    ///   - settings: Where to connect.
    ///   - maximumConnections: The most connections open at once.
    ///   - logger: Where the driver logs; nothing is logged by default.
    public init(settings: PostgresSettings, maximumConnections: Int = 8, logger: Logger? = nil) {
        let tls: PostgresClient.Configuration.TLS
        switch (settings.tls, Self.tlsConfiguration(settings.tls)) {
        case (.prefer, let configuration?): tls = .prefer(configuration)
        case (_, let configuration?): tls = .require(configuration)
        case (_, nil): tls = .disable
        }
        var configuration = PostgresClient.Configuration(
            host: settings.host, port: settings.port, username: settings.username,
            password: settings.password, database: settings.database, tls: tls)
        configuration.options.maximumConnections = max(1, maximumConnections)
        configuration.options.connectTimeout = .seconds(5)
        let logger = logger ?? Logger(label: "PostgresStorage", factory: { _ in SwiftLogNoOpLogHandler() })
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.settings = settings
        self.client = client
        self.logger = logger
        self.runner = Task { await client.run() }
    }

    deinit { runner.cancel() }

    /// Closes every connection; later operations fail with `.unavailable`.
    public func shutdown() async {
        runner.cancel()
        await runner.value
    }

    /// Opens one connection outside the pool, runs `SELECT 1` and closes it: a start-up check
    /// that fails within the connect timeout (5 s), whereas pooled operations keep retrying a
    /// server that cannot be reached for up to a minute before they fail with `.unavailable`.
    /// - Throws: ``StoreError`` `.unavailable` naming the server when it cannot be used.
    public func checkConnection() async throws {
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch (settings.tls, Self.tlsConfiguration(settings.tls)) {
            case (.prefer, let configuration?): tls = .prefer(try NIOSSLContext(configuration: configuration))
            case (_, let configuration?): tls = .require(try NIOSSLContext(configuration: configuration))
            case (_, nil): tls = .disable
            }
        } catch {
            throw StoreError(.unavailable, "cannot set up TLS for \(settings): \(error)")
        }
        var configuration = PostgresConnection.Configuration(
            host: settings.host, port: settings.port, username: settings.username,
            password: settings.password, database: settings.database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            do {
                try await connection.query("SELECT 1", logger: logger)
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        } catch {
            throw PostgresErrorTranslation.storeError(for: error, schema: .default, settings: settings)
        }
    }

    /// The TLS configuration for a mode; `nil` for plain TCP.
    private static func tlsConfiguration(_ mode: PostgresSettings.TLSMode) -> TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return nil
        case .prefer, .require:
            // libpq's prefer and require encrypt without verifying the certificate.
            configuration.certificateVerification = .none
        case .verifyFull: break
        }
        return configuration
    }

    /// Runs `body` with one connection, translating driver errors into ``StoreError``.
    @discardableResult
    func withConnection<Result: Sendable>(
        _ schema: PostgresSchema, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw PostgresErrorTranslation.storeError(for: error, schema: schema, settings: settings)
        }
    }

    /// Runs `body` in one transaction (rolled back when it throws), translating errors.
    @discardableResult
    func withTransaction<Result: Sendable>(
        _ schema: PostgresSchema, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let logger = self.logger
        do {
            return try await client.withConnection { connection in
                try await connection.withTransaction(logger: logger) { connection in try await body(connection) }
            }
        } catch {
            throw PostgresErrorTranslation.storeError(for: error, schema: schema, settings: settings)
        }
    }
}
