#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Scoring

extension SegmentDefinition {
    /// Reads and validates a definition from JSON text.
    ///
    /// - Throws: ``SegmentDefinitionError`` naming the JSON path and the reason: malformed
    ///   JSON, an unknown key, a missing key, a value of the wrong type, an unknown operator,
    ///   metric, tier or RFM segment, a window that is not positive, or a definition beyond
    ///   `limits`. References to other segments are checked by ``SegmentCatalog``.
    /// - Complexity: O(bytes).
    public init(json bytes: some Collection<UInt8>, limits: SegmentLimits = .standard) throws(SegmentDefinitionError) {
        let value = try SegmentJSON.parse(bytes, limits: limits)
        try self.init(jsonValue: value, path: "$")
        try validate(limits: limits)
    }

    /// Reads a definition from an already parsed JSON value (without the limit checks of
    /// ``validate(limits:)``).
    public init(jsonValue value: SegmentJSON, path: String = "$") throws(SegmentDefinitionError) {
        var object = try JSONObjectReader(value, path: path)
        id = try object.string("id")
        name = try object.optionalString("name")
        description = try object.optionalString("description")
        condition = try SegmentCondition(jsonValue: try object.required("condition"), path: path + ".condition")
        try object.rejectUnknownKeys()
    }

    /// The definition as a JSON value (``SegmentJSON/text`` gives the text).
    public var json: SegmentJSON {
        var pairs: [(key: String, value: SegmentJSON)] = [("id", .string(id))]
        if let name { pairs.append(("name", .string(name))) }
        if let description { pairs.append(("description", .string(description))) }
        pairs.append(("condition", condition.json))
        return .object(pairs)
    }
}

extension SegmentDefinition: Codable {
    /// Decodes through the language's reader, so the same validation applies; errors arrive as
    /// `DecodingError.dataCorrupted` carrying the ``SegmentDefinitionError`` description.
    public init(from decoder: any Decoder) throws {
        let value = try SegmentJSON(from: decoder)
        do {
            try self.init(jsonValue: value)
            try validate(limits: .standard)
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }

    /// Encodes the JSON form (``json``).
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

extension SegmentJSON: Codable {
    /// Decodes any JSON value (used by the `Codable` conformances of the language).
    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            var pairs: [(key: String, value: SegmentJSON)] = []
            for key in keyed.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                pairs.append((key.stringValue, try keyed.decode(SegmentJSON.self, forKey: key)))
            }
            self = .object(pairs)
        } else if var unkeyed = try? decoder.unkeyedContainer() {
            var values: [SegmentJSON] = []
            while !unkeyed.isAtEnd { values.append(try unkeyed.decode(SegmentJSON.self)) }
            self = .array(values)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .null
            } else if let b = try? single.decode(Bool.self) {
                self = .bool(b)
            } else if let n = try? single.decode(Double.self) {
                self = .number(n)
            } else {
                self = .string(try single.decode(String.self))
            }
        }
    }

    /// Encodes the value as the JSON it is.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .bool(let b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case .number(let n):
            var c = encoder.singleValueContainer()
            try c.encode(n)
        case .string(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .array(let a):
            var c = encoder.unkeyedContainer()
            for v in a { try c.encode(v) }
        case .object(let o):
            var c = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in o { try c.encode(value, forKey: AnyKey(stringValue: key)) }
        }
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Reads the keys of one JSON object, remembering which were used, so that any other key is
/// reported as unknown with its path.
struct JSONObjectReader {
    let pairs: [(key: String, value: SegmentJSON)]
    let path: String
    private var used: Set<String> = []

    init(_ value: SegmentJSON, path: String) throws(SegmentDefinitionError) {
        guard case .object(let pairs) = value else {
            throw SegmentDefinitionError(.wrongType, at: path, "expected an object, found \(value.typeName)")
        }
        self.pairs = pairs
        self.path = path
    }

    var keys: [String] { pairs.map(\.key) }

    mutating func optional(_ key: String) -> SegmentJSON? {
        used.insert(key)
        return pairs.first { $0.key == key }?.value
    }

    mutating func required(_ key: String) throws(SegmentDefinitionError) -> SegmentJSON {
        guard let value = optional(key) else {
            throw SegmentDefinitionError(.missingField, at: path, "'\(key)' is required")
        }
        return value
    }

    mutating func string(_ key: String) throws(SegmentDefinitionError) -> String {
        try JSONObjectReader.string(try required(key), path: path + "." + key)
    }

    mutating func optionalString(_ key: String) throws(SegmentDefinitionError) -> String? {
        guard let value = optional(key), value != .null else { return nil }
        return try JSONObjectReader.string(value, path: path + "." + key)
    }

    static func string(_ value: SegmentJSON, path: String) throws(SegmentDefinitionError) -> String {
        guard case .string(let s) = value else {
            throw SegmentDefinitionError(.wrongType, at: path, "expected a string, found \(value.typeName)")
        }
        return s
    }

    static func number(_ value: SegmentJSON, path: String) throws(SegmentDefinitionError) -> Double {
        guard case .number(let n) = value else {
            throw SegmentDefinitionError(.wrongType, at: path, "expected a number, found \(value.typeName)")
        }
        return n
    }

    /// A whole number of days.
    mutating func optionalDays(_ key: String) throws(SegmentDefinitionError) -> Int? {
        guard let value = optional(key), value != .null else { return nil }
        let n = try JSONObjectReader.number(value, path: path + "." + key)
        guard n == n.rounded(), abs(n) <= 1e9 else {
            throw SegmentDefinitionError(.invalidWindow, at: path + "." + key, "a window is a whole number of days, not \(n)")
        }
        return Int(n)
    }

    func rejectUnknownKeys() throws(SegmentDefinitionError) {
        if let unknown = pairs.first(where: { !used.contains($0.key) }) {
            throw SegmentDefinitionError(.unknownField, at: path + "." + unknown.key, "unknown key '\(unknown.key)'")
        }
    }
}
