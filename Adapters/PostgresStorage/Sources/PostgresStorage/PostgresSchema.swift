/// The PostgreSQL schema (namespace) that holds the stores' tables.
///
/// Restricted to plain lower-case identifiers so that it can be written into SQL unquoted and
/// never needs escaping; one database can hold several independent schemas (tenants, tests).
public struct PostgresSchema: Hashable, Sendable, CustomStringConvertible {
    /// The identifier.
    public let name: String

    /// The default schema, `precision`.
    public static let `default` = PostgresSchema(checked: "precision")

    /// Checks a schema name.
    /// - Throws: ``PostgresSettingsError`` `.invalidSchemaName` unless it is 1 to 63 characters of
    ///   `a-z`, `0-9` and `_`, not starting with a digit and not starting with `pg_`.
    public init(_ name: String) throws(PostgresSettingsError) {
        let bytes = Array(name.utf8)
        let valid = (1...63).contains(bytes.count)
            && bytes.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
            && !(bytes[0] >= 48 && bytes[0] <= 57)
            && !name.hasPrefix("pg_")
        guard valid else {
            throw PostgresSettingsError(
                .invalidSchemaName, "schema name '\(name)' is not 1 to 63 of a-z, 0-9, _ (no leading digit, no pg_ prefix)")
        }
        self.name = name
    }

    private init(checked name: String) { self.name = name }

    /// The name.
    public var description: String { name }
}
