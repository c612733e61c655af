#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

extension ItemCatalog {
    /// The columns of the catalogue CSV with a meaning of their own; every other column is an
    /// attribute named by its header.
    public static let csvColumns = ["item_id", "category", "tags", "launch_date", "margin", "in_stock"]

    /// Reads a catalogue CSV: header `item_id,category` plus any of `tags` (`;`-separated),
    /// `launch_date` (`YYYY-MM-DD`), `margin` (a share of the price, at most 1), `in_stock`
    /// (`true`/`false`/`1`/`0`/`yes`/`no`, empty for true); every other column is an attribute
    /// (an empty cell leaves it unset). Bad rows become rejections in the report; valid rows
    /// are kept. A second row for the same id is rejected as `duplicateRecord`.
    ///
    /// ```
    /// item_id,category,brand,tags,launch_date,margin,in_stock
    /// I1,electronics,acme,technology;gadgets,2024-03-01,0.35,true
    /// ```
    /// - Throws: `ImportError` when the header is missing, lacks `item_id` or `category`,
    ///   names a column twice or is not valid CSV.
    /// - Complexity: O(bytes).
    public static func parseCSV(_ bytes: some Collection<UInt8>) throws(ImportError) -> ItemCatalogImport {
        let lines = CatalogLines(bytes)
        var header: [String] = []
        var headerFound = false
        var columns: [String: Int] = [:]
        var builder = CatalogBuilder()
        for (number, line) in lines.all {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard headerFound else {
                let fields = CatalogLines.fields(of: line) ?? []
                let texts = fields.compactMap { String(validating: $0, as: UTF8.self) }
                guard !fields.isEmpty, texts.count == fields.count else {
                    throw ImportError(.malformedHeader, "the catalogue header on line \(number) is not valid CSV text")
                }
                header = texts.map(\.trimmingSpaces)
                for (position, name) in header.enumerated() {
                    if columns[name] != nil { throw ImportError(.duplicateColumn, "the catalogue header names column '\(name)' twice") }
                    columns[name] = position
                }
                for required in ["item_id", "category"] where columns[required] == nil {
                    throw ImportError(.missingColumn, "the catalogue header has no '\(required)' column")
                }
                headerFound = true
                continue
            }
            builder.report.rowsRead += 1
            guard let raw = CatalogLines.fields(of: line) else {
                builder.reject(number, nil, .malformedQuoting, "a quote is not closed, or text follows a closing quote")
                continue
            }
            guard raw.count == header.count else {
                builder.reject(number, nil, .wrongColumnCount, "\(raw.count) fields for \(header.count) columns")
                continue
            }
            var fields: [String] = []
            for field in raw {
                guard let text = String(validating: field, as: UTF8.self) else { break }
                fields.append(text)
            }
            guard fields.count == raw.count else {
                builder.reject(number, nil, .invalidEncoding, "the line is not valid UTF-8")
                continue
            }
            func cell(_ name: String) -> String? { columns[name].map { fields[$0].trimmingSpaces } }
            var attributes: [String: String] = [:]
            for (position, name) in header.enumerated() where !csvColumns.contains(name) && !fields[position].isEmpty {
                attributes[name] = fields[position]
            }
            let tags = (cell("tags") ?? "").split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            builder.add(
                line: number, id: cell("item_id") ?? "", category: cell("category") ?? "", attributes: attributes, tags: tags,
                launch: CellValue(cell("launch_date")), margin: CellValue(cell("margin")), inStock: CellValue(cell("in_stock")))
        }
        guard headerFound else { throw ImportError(.missingHeader, "the catalogue has no header line") }
        return builder.finish()
    }

    /// Reads a catalogue in JSON Lines, one item object per line:
    ///
    /// ```json
    /// {"item_id": "I1", "category": "electronics", "attributes": {"brand": "acme"},
    ///  "tags": ["technology"], "launch_date": "2024-03-01", "margin": 0.35, "in_stock": true}
    /// ```
    /// `item_id` and `category` are required; attribute values must be strings. Other keys are
    /// ignored. Bad lines become rejections in the report (blank lines are skipped).
    /// - Complexity: O(bytes).
    public static func parseJSONLines(_ bytes: some Collection<UInt8>) -> ItemCatalogImport {
        var builder = CatalogBuilder()
        let decoder = JSONDecoder()
        for (number, line) in CatalogLines(bytes).all {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            builder.report.rowsRead += 1
            guard String(validating: line, as: UTF8.self) != nil else {
                builder.reject(number, nil, .invalidEncoding, "the line is not valid UTF-8")
                continue
            }
            guard let value = try? decoder.decode(CatalogJSONValue.self, from: Data(line)), case .object(let object) = value else {
                builder.reject(number, nil, .malformedJSON, "the line is not a JSON object")
                continue
            }
            func text(_ key: String) -> CellValue {
                switch object[key] {
                case nil, .null?: return .absent
                case .string(let s)?: return .text(s)
                case .number(let n)?: return key == "margin" ? .number(n) : .wrongType("a number")
                case .bool(let b)?: return key == "in_stock" ? .flag(b) : .wrongType("a boolean")
                case .array?: return .wrongType("an array")
                case .object?: return .wrongType("an object")
                }
            }
            var attributes: [String: String] = [:]
            var tags: [String] = []
            var problem: (String, String)?
            switch object["attributes"] {
            case nil, .null?: break
            case .object(let fields)?:
                for (key, value) in fields {
                    guard case .string(let s) = value else { problem = ("attributes.\(key)", "attributes.\(key) must be a string"); break }
                    attributes[key] = s
                }
            default: problem = ("attributes", "attributes must be an object of strings")
            }
            switch object["tags"] {
            case nil, .null?: break
            case .array(let elements)?:
                for element in elements {
                    guard case .string(let s) = element else { problem = ("tags", "tags must hold only strings"); break }
                    if !s.trimmingSpaces.isEmpty { tags.append(s.trimmingSpaces) }
                }
            default: problem = ("tags", "tags must be an array of strings")
            }
            if let (field, message) = problem {
                builder.reject(number, field, .invalidField, message)
                continue
            }
            let id = text("item_id"), category = text("category")
            for (key, value) in [("item_id", id), ("category", category)] {
                if case .wrongType(let kind) = value { problem = (key, "\(key) must be a string, not \(kind)") }
            }
            if let (field, message) = problem {
                builder.reject(number, field, .invalidField, message)
                continue
            }
            builder.add(
                line: number, id: id.string?.trimmingSpaces ?? "", category: category.string?.trimmingSpaces ?? "",
                attributes: attributes, tags: tags, launch: text("launch_date"), margin: text("margin"), inStock: text("in_stock"))
        }
        return builder.finish()
    }
}

/// A field's value before validation: absent, text (CSV, JSON strings), or a typed JSON value.
enum CellValue {
    case absent
    case text(String)
    case number(Double)
    case flag(Bool)
    case wrongType(String)

    init(_ text: String?) {
        if let text, !text.isEmpty { self = .text(text) } else { self = .absent }
    }

    var string: String? {
        if case .text(let s) = self { return s }
        return nil
    }
}

/// Validates rows into catalogue items and collects the report.
struct CatalogBuilder {
    var items: [CatalogItem] = []
    var report = ImportReport()
    private var firstLine: [String: Int] = [:]

    mutating func reject(_ line: Int, _ column: String?, _ reason: RejectionReason, _ message: String) {
        report.rejections.append(ImportRejection(line: line, column: column, reason: reason, message: message))
    }

    mutating func add(
        line: Int, id: String, category: String, attributes: [String: String], tags: [String],
        launch: CellValue, margin: CellValue, inStock: CellValue
    ) {
        guard !id.isEmpty else { return reject(line, "item_id", .emptyID, "item_id is empty") }
        guard !category.isEmpty else { return reject(line, "category", .missingField, "category of item '\(id)' is empty") }
        var launched: CalendarDay?
        switch launch {
        case .absent: break
        case .text(let text):
            guard let day = try? CalendarDay(iso: text) else {
                return reject(line, "launch_date", .invalidDate, "launch_date '\(text.prefix(40))' is not a YYYY-MM-DD date")
            }
            launched = day
        default: return reject(line, "launch_date", .invalidField, "launch_date must be a YYYY-MM-DD string")
        }
        var marginValue: Double?
        switch margin {
        case .absent: break
        case .text(let text):
            guard let number = Double(text), number.isFinite, !text.contains(where: { $0.isLetter }) else {
                return reject(line, "margin", .invalidField, "margin '\(text.prefix(40))' is not a finite decimal number")
            }
            marginValue = number
        case .number(let number): marginValue = number
        default: return reject(line, "margin", .invalidField, "margin must be a number")
        }
        if let marginValue, marginValue > 1 {
            return reject(line, "margin", .invalidField, "margin \(marginValue) is more than 1 (a share of the price: 0.3 for 30 %)")
        }
        var stocked = true
        switch inStock {
        case .absent: break
        case .flag(let flag): stocked = flag
        case .text(let text):
            switch text.lowercased() {
            case "true", "1", "yes": stocked = true
            case "false", "0", "no": stocked = false
            default: return reject(line, "in_stock", .invalidField, "in_stock '\(text.prefix(40))' is not true/false/1/0/yes/no")
            }
        default: return reject(line, "in_stock", .invalidField, "in_stock must be a boolean")
        }
        if let first = firstLine[id] {
            return reject(line, "item_id", .duplicateRecord, "item_id '\(id)' already appeared on line \(first)")
        }
        firstLine[id] = line
        items.append(CatalogItem(
            id: id, category: category, attributes: attributes, tags: tags, launched: launched, margin: marginValue, inStock: stocked))
        report.rowsKept += 1
    }

    /// The catalogue of the kept rows (their ids are unique and categories non-empty, so it
    /// cannot fail).
    func finish() -> ItemCatalogImport {
        ItemCatalogImport(catalog: ItemCatalog(validated: items), report: report)
    }
}

/// The lines of a text input with 1-based numbers: a UTF-8 byte-order mark is skipped, `\n`
/// and `\r\n` both end a line.
struct CatalogLines {
    let all: [(number: Int, bytes: [UInt8])]

    init(_ input: some Collection<UInt8>) {
        let bytes = Array(input)
        var start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var lines: [(Int, [UInt8])] = []
        var number = 0
        while start < bytes.count {
            number += 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let next = end + 1
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            lines.append((number, Array(bytes[start..<end])))
            start = next
        }
        all = lines
    }

    /// The fields of one CSV line (RFC 4180 quoting, `""` inside quotes), or nil when a quote
    /// is not closed or text follows a closing quote.
    static func fields(of line: [UInt8]) -> [[UInt8]]? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var fields: [[UInt8]] = []
        var index = 0
        while true {
            var field: [UInt8] = []
            if index < line.count, line[index] == quote {
                index += 1
                var closed = false
                while index < line.count {
                    if line[index] == quote {
                        if index + 1 < line.count, line[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    field.append(line[index])
                    index += 1
                }
                guard closed, index == line.count || line[index] == comma else { return nil }
            } else {
                while index < line.count, line[index] != comma {
                    if line[index] == quote { return nil }
                    field.append(line[index])
                    index += 1
                }
            }
            fields.append(field)
            if index >= line.count { return fields }
            index += 1
        }
    }
}

/// A JSON value, for reading catalogue lines with per-field messages.
enum CatalogJSONValue: Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([CatalogJSONValue])
    case object([String: CatalogJSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let elements = try? container.decode([CatalogJSONValue].self) {
            self = .array(elements)
        } else {
            self = .object(try container.decode([String: CatalogJSONValue].self))
        }
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
