import CustomerModel

/// How a template's variables are escaped for the channel the message goes out on.
public enum TemplateEscaping: String, Sendable, Hashable, Codable {
    /// HTML: & < > " ' become entities (email, EDM, web).
    case html
    /// Plain text: control characters other than newline and tab are removed (SMS, push,
    /// direct mail, call scripts), so a field cannot inject terminal or protocol controls.
    case plainText

    /// The escaping for a channel: HTML for email, EDM and web; plain text otherwise.
    public static func forChannel(_ channel: Channel) -> TemplateEscaping {
        [Channel.email, .edm, .web].contains(channel) ? .html : .plainText
    }

    func apply(_ text: String) -> String {
        switch self {
        case .html:
            // Most fields hold nothing to escape: hand them back without rebuilding them.
            guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
                return text
            }
            var out = ""
            out.reserveCapacity(text.utf8.count)
            for character in text {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.append(character)
                }
            }
            return out
        case .plainText:
            guard text.unicodeScalars.contains(where: { $0 != "\n" && $0 != "\t" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) })
            else { return text }
            return String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
                scalar == "\n" || scalar == "\t" || !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
            }))
        }
    }
}

/// A message template in a small Mustache-like language.
///
/// - `{{name}}` shows a field, escaped for the channel; `{{customer.name}}` follows records.
/// - `{{{name}}}` or `{{& name}}` shows it unescaped (for trusted HTML fragments only).
/// - `{{#items}}…{{/items}}` repeats for each element of a list (fields of the element come
///   first, then the enclosing ones), renders once for a true flag or a record, and not at
///   all for false, empty text or an empty list. `{{^items}}…{{/items}}` renders when the
///   section would not.
/// - `{{! comment }}` is dropped.
///
/// A field the context does not have is an error naming it and its line and column, never
/// an empty string in front of a customer. Parsing checks the tags before anything renders.
///
/// ```swift
/// let template = try ContentTemplate("Hi {{name}}, {{#items}}{{title}} ({{reason}}) {{/items}}")
/// let text = try template.render(["name": "Ada", "items": [["title": "Tea", "reason": "you bought cups"]]],
///                                escaping: .forChannel(.sms))
/// ```
public struct ContentTemplate: Sendable, Hashable, Codable {
    /// The template text.
    public let source: String
    private let nodes: [Node]

    indirect enum Node: Sendable, Hashable, Codable {
        case text(String)
        case variable(path: [String], escaped: Bool, line: Int, column: Int)
        case section(path: [String], inverted: Bool, children: [Node], line: Int, column: Int)
    }

    /// The maximum section nesting, so an untrusted template cannot exhaust the stack.
    public static let maximumDepth = 32

    /// Parses `source`.
    /// - Throws: ``CampaignError`` `.invalidTemplate` naming the line and column of an
    ///   unclosed tag, an empty or malformed name, a section closed by another name or never
    ///   closed, or nesting deeper than ``maximumDepth``.
    public init(_ source: String) throws(CampaignError) {
        self.source = source
        var parser = Parser(Array(source.unicodeScalars))
        nodes = try parser.parse()
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(source)
    }

    public static func == (lhs: ContentTemplate, rhs: ContentTemplate) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// The field paths the template uses ("name", "customer.tier", "items"), in order of appearance.
    public var fields: [String] {
        var out: [String] = []
        func walk(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .text: break
                case let .variable(path, _, _, _): out.append(path.joined(separator: "."))
                case let .section(path, _, children, _, _):
                    out.append(path.joined(separator: "."))
                    walk(children)
                }
            }
        }
        walk(nodes)
        return out
    }

    /// Renders the template with `context` (a record), escaping variables with `escaping`.
    /// - Throws: ``CampaignError`` `.unknownField` for a field the context does not have, or
    ///   a variable that names a list or record; `.invalidParameter` when `context` is not a record.
    public func render(_ context: TemplateValue, escaping: TemplateEscaping) throws(CampaignError) -> String {
        guard case .record = context else {
            throw CampaignError(.invalidParameter, "the rendering context must be a record of fields")
        }
        var out = ""
        try render(nodes, stack: [context], escaping: escaping, into: &out)
        return out
    }

    private func render(_ nodes: [Node], stack: [TemplateValue], escaping: TemplateEscaping, into out: inout String)
        throws(CampaignError)
    {
        for node in nodes {
            switch node {
            case .text(let text):
                out += text
            case let .variable(path, escaped, line, column):
                let value = try Self.lookup(path, in: stack, line: line, column: column)
                guard let display = value.display else {
                    throw CampaignError(
                        .unknownField,
                        "'\(path.joined(separator: "."))' at line \(line), column \(column) is a list or record; show one of its fields or use a section")
                }
                out += escaped ? escaping.apply(display) : display
            case let .section(path, inverted, children, line, column):
                let value = try Self.lookup(path, in: stack, line: line, column: column)
                if inverted {
                    if !value.isTruthy { try render(children, stack: stack, escaping: escaping, into: &out) }
                    continue
                }
                guard value.isTruthy else { continue }
                if case .list(let items) = value {
                    for item in items { try render(children, stack: stack + [item], escaping: escaping, into: &out) }
                } else {
                    try render(children, stack: stack + [value], escaping: escaping, into: &out)
                }
            }
        }
    }

    /// Resolves the first name in the innermost context that has it, then follows the rest.
    private static func lookup(_ path: [String], in stack: [TemplateValue], line: Int, column: Int)
        throws(CampaignError) -> TemplateValue
    {
        if path.count == 1, path[0] == ".", let top = stack.last { return top }
        var found: TemplateValue?
        for context in stack.reversed() {
            if case .record(let fields) = context, let value = fields[path[0]] {
                found = value
                break
            }
        }
        guard var value = found else {
            throw CampaignError(.unknownField, "unknown field '\(path.joined(separator: "."))' at line \(line), column \(column)")
        }
        for key in path.dropFirst() {
            guard case .record(let fields) = value, let next = fields[key] else {
                throw CampaignError(.unknownField, "unknown field '\(path.joined(separator: "."))' at line \(line), column \(column)")
            }
            value = next
        }
        return value
    }

    /// A recursive-descent parser over Unicode scalars that tracks lines and columns.
    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var column = 1

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func parse() throws(CampaignError) -> [Node] {
            let (nodes, closing) = try parseNodes(depth: 0)
            if let closing { throw error("'{{/\(closing.name)}}' closes no section", closing.line, closing.column) }
            return nodes
        }

        func error(_ message: String, _ line: Int, _ column: Int) -> CampaignError {
            CampaignError(.invalidTemplate, "\(message) (line \(line), column \(column))")
        }

        func starts(with text: String) -> Bool {
            var k = index
            for scalar in text.unicodeScalars {
                guard k < scalars.count, scalars[k] == scalar else { return false }
                k += 1
            }
            return true
        }

        mutating func advance(_ count: Int) {
            for _ in 0..<count where index < scalars.count {
                if scalars[index] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
            }
        }

        /// Nodes up to the next closing tag (or the end), and that closing tag.
        mutating func parseNodes(depth: Int) throws(CampaignError)
            -> ([Node], (name: String, line: Int, column: Int)?)
        {
            var nodes: [Node] = []
            var text = String.UnicodeScalarView()
            func flush() {
                if !text.isEmpty { nodes.append(.text(String(text))) }
                text = String.UnicodeScalarView()
            }
            while index < scalars.count {
                guard starts(with: "{{") else {
                    text.append(scalars[index])
                    advance(1)
                    continue
                }
                flush()
                let tagLine = line, tagColumn = column
                let triple = starts(with: "{{{")
                advance(triple ? 3 : 2)
                let close = triple ? "}}}" : "}}"
                var body = String.UnicodeScalarView()
                while index < scalars.count, !starts(with: close) {
                    body.append(scalars[index])
                    advance(1)
                }
                guard index < scalars.count else { throw error("unclosed tag", tagLine, tagColumn) }
                advance(close.unicodeScalars.count)
                var content = String(body).trimmingSpaces()
                if triple {
                    nodes.append(.variable(path: try path(content, tagLine, tagColumn), escaped: false, line: tagLine, column: tagColumn))
                    continue
                }
                guard let sigil = content.first else { throw error("empty tag", tagLine, tagColumn) }
                switch sigil {
                case "!":
                    continue
                case "&":
                    content.removeFirst()
                    nodes.append(.variable(path: try path(content.trimmingSpaces(), tagLine, tagColumn), escaped: false, line: tagLine, column: tagColumn))
                case "#", "^":
                    content.removeFirst()
                    let name = content.trimmingSpaces()
                    let sectionPath = try path(name, tagLine, tagColumn)
                    guard depth < ContentTemplate.maximumDepth else {
                        throw error("sections nested deeper than \(ContentTemplate.maximumDepth)", tagLine, tagColumn)
                    }
                    let (children, closing) = try parseNodes(depth: depth + 1)
                    guard let closing, closing.name == name else {
                        if let closing { throw error("'{{/\(closing.name)}}' closes section '\(name)'", closing.line, closing.column) }
                        throw error("section '\(name)' is never closed", tagLine, tagColumn)
                    }
                    nodes.append(.section(path: sectionPath, inverted: sigil == "^", children: children, line: tagLine, column: tagColumn))
                case "/":
                    content.removeFirst()
                    let name = content.trimmingSpaces()
                    return (nodes, (name, tagLine, tagColumn))
                default:
                    nodes.append(.variable(path: try path(content, tagLine, tagColumn), escaped: true, line: tagLine, column: tagColumn))
                }
            }
            flush()
            return (nodes, nil)
        }

        func path(_ name: String, _ line: Int, _ column: Int) throws(CampaignError) -> [String] {
            if name == "." { return ["."] }
            let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !parts.isEmpty, parts.allSatisfy({ part in
                !part.isEmpty && part.unicodeScalars.allSatisfy { $0 == "_" || $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            }) else {
                throw error("'\(name)' is not a field name", line, column)
            }
            return parts
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? first
        return String(scalars[first...last])
    }
}
