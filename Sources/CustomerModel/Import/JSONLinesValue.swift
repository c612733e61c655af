/// One JSON value as read from a line, before validation.
///
/// The importers decode each line into this with `JSONDecoder`, then read fields one by one,
/// so that a bad field is reported by name instead of as a generic decoding failure.
package enum JSONLinesValue: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONLinesValue])
    case object([String: JSONLinesValue])

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONLinesValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONLinesValue].self))
        }
    }

    /// The JSON type name, for messages.
    package var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer, .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value quoted for a message, truncated to 40 characters.
    package var quoted: String {
        let text: String
        switch self {
        case .null: text = "null"
        case .bool(let b): text = String(b)
        case .integer(let i): text = String(i)
        case .number(let d): text = String(d)
        case .string(let s): text = "\"\(s)\""
        case .array(let a): text = "[\(a.count) elements]"
        case .object(let o): text = "{\(o.count) fields}"
        }
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
