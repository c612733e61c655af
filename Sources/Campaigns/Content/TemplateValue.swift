/// A value a content template can show: text, a number, a flag, a list or a record.
///
/// Literals build them directly:
/// ```swift
/// let context: TemplateValue = ["name": "Ada", "items": [["title": "Tea"], ["title": "Cups"]], "vip": true]
/// ```
public enum TemplateValue: Sendable, Hashable, Codable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    case text(String)
    case number(Double)
    case flag(Bool)
    case list([TemplateValue])
    case record([String: TemplateValue])

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .record(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// The text a variable tag shows: text as is, whole numbers without a fraction, flags
    /// as true/false; lists and records have no text form.
    var display: String? {
        switch self {
        case .text(let text): return text
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            return String(value)
        case .flag(let value): return value ? "true" : "false"
        case .list, .record: return nil
        }
    }

    /// Whether a section over this value renders: false, empty text and empty lists do not.
    var isTruthy: Bool {
        switch self {
        case .text(let text): return !text.isEmpty
        case .number: return true
        case .flag(let value): return value
        case .list(let items): return !items.isEmpty
        case .record: return true
        }
    }
}
