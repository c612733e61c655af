import CustomerModel
import PostgresNIO
import Privacy

/// Turns driver errors into ``StoreError`` with messages that say what to do.
enum PostgresErrorTranslation {
    static func storeError(for error: any Error, schema: PostgresSchema, settings: PostgresSettings) -> any Error {
        switch error {
        case let error as StoreError:
            return error
        case let error as PrivacyError:
            return error
        case let error as PostgresTransactionError:
            if let inner = error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError {
                return storeError(for: inner, schema: schema, settings: settings)
            }
            return StoreError(.unavailable, "a transaction on \(settings) failed")
        case let error as PSQLError:
            return storeError(for: error, schema: schema, settings: settings)
        case is CancellationError:
            return error
        default:
            return StoreError(.unavailable, "PostgreSQL at \(settings) failed: \(error)")
        }
    }

    private static func storeError(for error: PSQLError, schema: PostgresSchema, settings: PostgresSettings) -> StoreError {
        guard error.code == .server, let info = error.serverInfo else {
            let cause = error.underlying.map { " (\($0))" } ?? ""
            return StoreError(.unavailable, "cannot use PostgreSQL at \(settings): \(error.code)\(cause)")
        }
        let state = info[.sqlState] ?? ""
        let message = info[.message] ?? "no message"
        let detail = info[.detail].map { " (\($0))" } ?? ""
        switch state {
        case "3F000", "42P01":
            return StoreError(
                .unavailable,
                "schema '\(schema)' is missing or not migrated (\(message)): call PostgresStorageClient.migrate(schema:) first")
        case "23505":
            return StoreError(.duplicateID, "\(message)\(detail)")
        case _ where state.hasPrefix("23"):
            return StoreError(.invalidArgument, "constraint \(info[.constraintName] ?? "?") violated: \(message)\(detail)")
        case _ where state.hasPrefix("22"):
            return StoreError(.invalidArgument, "PostgreSQL refused a value: \(message)\(detail)")
        default:
            return StoreError(.unavailable, "PostgreSQL at \(settings) failed with SQLSTATE \(state): \(message)\(detail)")
        }
    }
}
