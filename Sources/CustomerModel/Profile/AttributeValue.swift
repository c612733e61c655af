/// The value of a profile attribute.
///
/// Encodes as the natural JSON value: a string, a number, a boolean, an array of strings,
/// or a money object. Days encode as `"YYYY-MM-DD"` strings and read back through
/// ``dayValue``, which accepts both forms.
public enum AttributeValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case bool(Bool)
    case day(CalendarDay)
    case list([String])
    case money(Money)

    /// The text of a `.string` value.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// A `.number` value.
    public var numberValue: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// A `.day`, or a `.string` holding `YYYY-MM-DD`.
    public var dayValue: CalendarDay? {
        switch self {
        case .day(let d): return d
        case .string(let s): return try? CalendarDay(iso: s)
        default: return nil
        }
    }

    /// A `.list`, or a `.string` as a one-element list.
    public var listValue: [String]? {
        switch self {
        case .list(let l): return l
        case .string(let s): return [s]
        default: return nil
        }
    }

    /// True for an empty string or an empty list: present but carrying nothing.
    public var isEmpty: Bool {
        switch self {
        case .string(let s): return s.allSatisfy(\.isWhitespace)
        case .list(let l): return l.isEmpty
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .string(let s): return s
        case .number(let n): return String(n)
        case .bool(let b): return String(b)
        case .day(let d): return d.description
        case .list(let l): return l.joined(separator: ",")
        case .money(let m): return m.description
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? container.decode(Double.self) {
            self = .number(n)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let l = try? container.decode([String].self) {
            self = .list(l)
        } else if let d = try? container.decode(DayObject.self) {
            self = .day(d.day)
        } else if let m = try? container.decode(Money.self) {
            self = .money(m)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "an attribute is a string, number, boolean, array of strings, {\"day\": YYYY-MM-DD} or money object")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let s): try container.encode(s)
        case .number(let n): try container.encode(n)
        case .bool(let b): try container.encode(b)
        // A day is an object, not a bare ISO string, so that it decodes back as a day.
        case .day(let d): try container.encode(DayObject(day: d))
        case .list(let l): try container.encode(l)
        case .money(let m): try container.encode(m)
        }
    }
}

/// The JSON form of ``AttributeValue/day(_:)``: `{"day": "2024-03-01"}`.
private struct DayObject: Codable {
    let day: CalendarDay
}
