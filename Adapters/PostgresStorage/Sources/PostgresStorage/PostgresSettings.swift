#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where and how to connect to PostgreSQL: host, port, user, password, database and TLS mode.
///
/// Read them from the standard libpq environment variables with ``init(environment:)`` or from
/// a `postgres://user:password@host:port/database?sslmode=require` URL with ``init(url:)``.
public struct PostgresSettings: Hashable, Sendable, CustomStringConvertible {
    /// Whether to encrypt the connection, with libpq's `sslmode` names.
    public enum TLSMode: String, Hashable, Sendable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, without verifying its certificate (libpq's default).
        case prefer
        /// TLS always, without verifying the server's certificate.
        case require
        /// TLS always, with the server's certificate and host name verified.
        case verifyFull = "verify-full"
    }

    /// The server's host name or address.
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The role to connect as.
    public var username: String
    /// The role's password; `nil` for trust or peer authentication.
    public var password: String?
    /// The database to open; the server uses the user name when `nil`.
    public var database: String?
    /// Whether to encrypt the connection.
    public var tls: TLSMode

    /// Creates settings from their parts.
    public init(host: String = "localhost", port: Int = 5432, username: String, password: String? = nil,
                database: String? = nil, tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// Reads `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE` and `PGSSLMODE`, with libpq's
    /// defaults for those not set (host `localhost`, port 5432, user `USER` or `postgres`, TLS `prefer`).
    /// - Throws: ``PostgresSettingsError`` `.invalidPort` or `.invalidTLSMode` for a value it cannot read.
    public init(environment: [String: String]) throws(PostgresSettingsError) {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        let port = try value("PGPORT").map { text throws(PostgresSettingsError) in try Self.port(text, source: "PGPORT") } ?? 5432
        let tls = try value("PGSSLMODE").map { text throws(PostgresSettingsError) in try Self.tlsMode(text, source: "PGSSLMODE") } ?? .prefer
        self.init(host: value("PGHOST") ?? "localhost", port: port,
                  username: value("PGUSER") ?? value("USER") ?? "postgres",
                  password: value("PGPASSWORD"), database: value("PGDATABASE"), tls: tls)
    }

    /// Reads a `postgres://` or `postgresql://` URL; user and password may be percent-encoded,
    /// and the query may set `sslmode`.
    /// - Throws: ``PostgresSettingsError`` `.invalidURL` when it is not such a URL or names no user,
    ///   `.invalidPort`, `.invalidTLSMode`.
    public init(url text: String) throws(PostgresSettingsError) {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw PostgresSettingsError(.invalidURL, "'\(Self.redacted(text))' is not a postgres:// URL")
        }
        guard let user = components.user, !user.isEmpty else {
            throw PostgresSettingsError(.invalidURL, "'\(Self.redacted(text))' names no user")
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] where item.name == "sslmode" {
            tls = try Self.tlsMode(item.value ?? "", source: "sslmode")
        }
        let host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        self.init(host: host, port: components.port ?? 5432, username: user, password: components.password,
                  database: path.isEmpty ? nil : path, tls: tls)
        if let port = components.port, !(1...65_535).contains(port) {
            throw PostgresSettingsError(.invalidPort, "port \(port) of '\(Self.redacted(text))' is outside 1...65535")
        }
    }

    /// `user@host:port/database`, without the password.
    public var description: String {
        "\(username)@\(host):\(port)/\(database ?? username) (tls \(tls.rawValue))"
    }

    private static func port(_ text: String, source: String) throws(PostgresSettingsError) -> Int {
        guard let port = Int(text), (1...65_535).contains(port) else {
            throw PostgresSettingsError(.invalidPort, "\(source) '\(text)' is not a port in 1...65535")
        }
        return port
    }

    private static func tlsMode(_ text: String, source: String) throws(PostgresSettingsError) -> TLSMode {
        guard let mode = TLSMode(rawValue: text) else {
            let known = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
            throw PostgresSettingsError(.invalidTLSMode, "\(source) '\(text)' is not one of \(known)")
        }
        return mode
    }

    /// The URL with any password replaced, for error messages.
    private static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"),
              let colon = text[scheme.upperBound..<at].firstIndex(of: ":") else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }
}

/// Connection settings that cannot be read.
public struct PostgresSettingsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The code's name.
        public var description: String { name }
        /// Not a `postgres://` URL, or one without a user.
        public static let invalidURL = Code("invalidURL")
        /// A port that is not a number in 1...65535.
        public static let invalidPort = Code("invalidPort")
        /// An `sslmode` that is not one of ``PostgresSettings/TLSMode``.
        public static let invalidTLSMode = Code("invalidTLSMode")
        /// A schema name that is not a plain lower-case SQL identifier.
        public static let invalidSchemaName = Code("invalidSchemaName")
    }

    /// The kind of problem.
    public let code: Code
    /// A sentence naming the value at fault.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The code and the message.
    public var description: String { "\(code): \(message)" }
}
