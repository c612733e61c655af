import CustomerModel

/// The options of one subcommand: `--name value` pairs and bare `--flag`s.
struct CommandLineArguments {
    private var values: [String: String] = [:]
    private var consumed: Set<String> = []

    /// Parses `arguments` (after the subcommand); `flags` are the options that take no value.
    init(_ arguments: ArraySlice<String>, flags: Set<String> = []) throws(UsageError) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            guard argument.hasPrefix("--"), argument.count > 2 else {
                throw UsageError("unexpected argument '\(argument)'")
            }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if flags.contains(name) {
                values[name] = value ?? "true"
                continue
            }
            if value == nil { value = iterator.next() }
            guard let value else { throw UsageError("option --\(name) needs a value") }
            guard values[name] == nil else { throw UsageError("option --\(name) is given twice") }
            values[name] = value
        }
    }

    /// The value of `--name`, if given.
    mutating func string(_ name: String) -> String? {
        consumed.insert(name)
        return values[name]
    }

    /// The value of `--name`, required.
    mutating func required(_ name: String) throws(UsageError) -> String {
        guard let value = string(name) else { throw UsageError("option --\(name) is required") }
        return value
    }

    /// An integer option within `range`.
    mutating func int(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let text = string(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError("--\(name) must be a whole number in \(range.lowerBound)...\(range.upperBound), not '\(text)'")
        }
        return value
    }

    /// A decimal option within `range`.
    mutating func double(_ name: String, default fallback: Double, in range: ClosedRange<Double>) throws(UsageError) -> Double {
        guard let text = string(name) else { return fallback }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw UsageError("--\(name) must be a number in \(range.lowerBound)...\(range.upperBound), not '\(text)'")
        }
        return value
    }

    /// A `YYYY-MM-DD` option.
    mutating func day(_ name: String) throws(UsageError) -> CalendarDay? {
        guard let text = string(name) else { return nil }
        do {
            return try CalendarDay(iso: text)
        } catch {
            throw UsageError("--\(name): \(error.message)")
        }
    }

    /// Whether `--name` was given.
    mutating func flag(_ name: String) -> Bool { string(name) != nil }

    /// The output format, `table` by default.
    mutating func format() throws(UsageError) -> OutputFormat {
        let text = string("format") ?? "table"
        guard let format = OutputFormat(rawValue: text) else {
            throw UsageError("--format must be json or table, not '\(text)'")
        }
        return format
    }

    /// Fails on any option the command did not read.
    func rejectUnknown() throws(UsageError) {
        if let unknown = values.keys.sorted().first(where: { !consumed.contains($0) }) {
            throw UsageError("unknown option --\(unknown)")
        }
    }
}

/// How results are printed.
enum OutputFormat: String {
    case json
    case table
}

/// A bad command line or bad input: printed as one line on standard error, exit status 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
