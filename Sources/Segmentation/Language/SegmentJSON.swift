/// A JSON value as the segment language reads and writes it.
///
/// The language has its own small reader so that untrusted text is bounded before anything
/// else happens: nesting beyond ``SegmentLimits/maximumDepth`` and text beyond
/// ``SegmentLimits/maximumBytes`` are rejected while reading, and duplicate keys are an error
/// rather than silently last-wins.
public enum SegmentJSON: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A finite number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([SegmentJSON])
    /// Keys in the order written.
    case object([(key: String, value: SegmentJSON)])

    /// Structural equality (object keys compared in order).
    public static func == (lhs: SegmentJSON, rhs: SegmentJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// Hashes the structure.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .number(let n): hasher.combine(n)
        case .string(let s): hasher.combine(s)
        case .array(let a): hasher.combine(a)
        case .object(let o):
            for (key, value) in o {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }

    /// The JSON type's name, for messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Compact JSON text, keys in their order.
    public var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { out += String(Int64(n)) } else { out += String(n) }
        case .string(let s): SegmentJSON.writeString(s, to: &out)
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                v.write(to: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            for (i, (key, value)) in o.enumerated() {
                if i > 0 { out += "," }
                SegmentJSON.writeString(key, to: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension SegmentJSON {
    /// Reads JSON text.
    /// - Throws: ``SegmentDefinitionError`` `.invalidJSON` (with the byte offset), `.tooDeep`
    ///   or `.tooLarge`.
    /// - Complexity: O(bytes); recursion never deeper than `limits.maximumDepth`.
    public static func parse(_ bytes: some Collection<UInt8>, limits: SegmentLimits = .standard) throws(SegmentDefinitionError) -> SegmentJSON {
        guard bytes.count <= limits.maximumBytes else {
            throw SegmentDefinitionError(.tooLarge, at: "$", "the definition has \(bytes.count) bytes; the limit is \(limits.maximumBytes)")
        }
        var reader = SegmentJSONReader(bytes: Array(bytes), maximumDepth: limits.maximumDepth)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.position == reader.bytes.count else {
            throw reader.error("unexpected text after the JSON value")
        }
        return value
    }
}

/// A recursive-descent reader over UTF-8 bytes with a depth bound.
struct SegmentJSONReader {
    let bytes: [UInt8]
    let maximumDepth: Int
    var position = 0

    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    func error(_ message: String) -> SegmentDefinitionError {
        SegmentDefinitionError(.invalidJSON, at: "$", "\(message) at byte \(position)")
    }

    mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    mutating func expect(_ literal: String, _ value: SegmentJSON) throws(SegmentDefinitionError) -> SegmentJSON {
        let utf8 = Array(literal.utf8)
        guard position + utf8.count <= bytes.count, Array(bytes[position..<position + utf8.count]) == utf8 else {
            throw error("invalid literal")
        }
        position += utf8.count
        return value
    }

    mutating func value(depth: Int) throws(SegmentDefinitionError) -> SegmentJSON {
        guard position < bytes.count else { throw error("unexpected end of text") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            guard depth < maximumDepth else {
                throw SegmentDefinitionError(.tooDeep, at: "$", "JSON nesting deeper than \(maximumDepth) at byte \(position)")
            }
            return try object(depth: depth + 1)
        case UInt8(ascii: "["):
            guard depth < maximumDepth else {
                throw SegmentDefinitionError(.tooDeep, at: "$", "JSON nesting deeper than \(maximumDepth) at byte \(position)")
            }
            return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        default: return try number()
        }
    }

    mutating func object(depth: Int) throws(SegmentDefinitionError) -> SegmentJSON {
        position += 1
        var pairs: [(key: String, value: SegmentJSON)] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(pairs)
        }
        while true {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a key") }
            let key = try string()
            if pairs.contains(where: { $0.key == key }) { throw error("duplicate key '\(key)'") }
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':'") }
            position += 1
            skipSpace()
            pairs.append((key, try value(depth: depth)))
            skipSpace()
            guard position < bytes.count else { throw error("unexpected end of text") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard bytes[position] == UInt8(ascii: "}") else { throw error("expected ',' or '}'") }
            position += 1
            return .object(pairs)
        }
    }

    mutating func array(depth: Int) throws(SegmentDefinitionError) -> SegmentJSON {
        position += 1
        var values: [SegmentJSON] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(values)
        }
        while true {
            skipSpace()
            values.append(try value(depth: depth))
            skipSpace()
            guard position < bytes.count else { throw error("unexpected end of text") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard bytes[position] == UInt8(ascii: "]") else { throw error("expected ',' or ']'") }
            position += 1
            return .array(values)
        }
    }

    mutating func hex4() throws(SegmentDefinitionError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("short \\u escape") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("bad \\u escape")
            }
            code = code * 16 + digit
            position += 1
        }
        return code
    }

    mutating func string() throws(SegmentDefinitionError) -> String {
        position += 1
        var out: [UInt8] = []
        while true {
            guard position < bytes.count else { throw error("unterminated string") }
            let b = bytes[position]
            position += 1
            switch b {
            case UInt8(ascii: "\""):
                guard let text = String(validating: out, as: UTF8.self) else { throw error("a string is not valid UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw error("unterminated escape") }
                let e = bytes[position]
                position += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code) {
                        guard position + 2 <= bytes.count, bytes[position] == UInt8(ascii: "\\"),
                              bytes[position + 1] == UInt8(ascii: "u") else { throw error("unpaired surrogate") }
                        position += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw error("invalid escape")
                }
            case 0..<0x20: throw error("control character in a string")
            default: out.append(b)
            }
        }
    }

    mutating func number() throws(SegmentDefinitionError) -> SegmentJSON {
        let start = position
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        var digits = 0
        while position < bytes.count {
            let b = bytes[position]
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) {
                digits += 1
            } else if b != UInt8(ascii: ".") && b != UInt8(ascii: "e") && b != UInt8(ascii: "E")
                && b != UInt8(ascii: "+") && b != UInt8(ascii: "-") {
                break
            }
            position += 1
        }
        guard digits > 0, position - start <= 64,
              let text = String(validating: bytes[start..<position], as: UTF8.self),
              let value = Double(text), value.isFinite
        else {
            position = start
            throw error("invalid value")
        }
        return .number(value)
    }
}
