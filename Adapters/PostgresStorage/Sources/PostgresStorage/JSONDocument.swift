#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Encodes records to the JSON text stored in JSONB columns, and decodes them back.
///
/// Dates keep the default strategy (seconds since 2001 as a JSON number), which PostgreSQL's
/// JSONB keeps digit for digit, so a record reads back equal to the one written.
enum JSONDocument {
    static func encode(_ value: some Encodable, describing what: @autoclosure () -> String) throws -> String {
        do {
            return String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        } catch {
            throw StoreError(.invalidArgument, "\(what()) cannot be stored as JSON: \(error)")
        }
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from text: String, describing what: @autoclosure () -> String) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(.unavailable, "\(what()) stored in PostgreSQL does not decode: \(error)")
        }
    }
}

/// Helpers shared by the stores.
enum StoreBatch {
    /// The last record for each key, in ascending store order: later entries of a batch win,
    /// and sorted keys make concurrent batches lock rows in the same order (no deadlocks).
    static func latestByKey<Record>(_ records: [Record], key: (Record) -> String) -> [Record] {
        var latest: [String: Record] = [:]
        for record in records { latest[key(record)] = record }
        return latest.values.sorted { key($0).utf8.lexicographicallyPrecedes(key($1).utf8) }
    }

    /// `records` in the order of `ids`, unknown ids skipped.
    static func ordered<Record>(_ records: [String: Record], by ids: [String]) -> [Record] {
        ids.compactMap { records[$0] }
    }
}
