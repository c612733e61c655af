/// A failure to read one field of a line: the field's path, the reason and a message.
package struct JSONLinesFieldError: Error, Sendable {
    package let field: String?
    package let reason: RejectionReason
    package let message: String
}

/// A JSON object of one line (or nested in it), with typed field readers that report the
/// field's full path (`lines[2].quantity`) on failure.
package struct JSONLinesObject: Sendable {
    package let fields: [String: JSONLinesValue]
    /// The path of this object inside the line, empty for the line itself.
    package let path: String

    package init(_ fields: [String: JSONLinesValue], path: String = "") {
        self.fields = fields
        self.path = path
    }

    /// The full path of a key of this object.
    package func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    package func failure(_ key: String?, _ reason: RejectionReason, _ message: String) -> JSONLinesFieldError {
        JSONLinesFieldError(field: key.map(name), reason: reason, message: message)
    }

    /// The value of `key`; nil when absent or `null`.
    package func value(_ key: String) -> JSONLinesValue? {
        guard let value = fields[key], value != .null else { return nil }
        return value
    }

    package func required(_ key: String) throws(JSONLinesFieldError) -> JSONLinesValue {
        guard let value = value(key) else { throw failure(key, .missingField, "\(name(key)) is required") }
        return value
    }

    package func optionalString(_ key: String) throws(JSONLinesFieldError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else {
            throw failure(key, .invalidField, "\(name(key)) must be a string, not \(value.typeName)")
        }
        return text
    }

    package func requiredString(_ key: String) throws(JSONLinesFieldError) -> String {
        guard let text = try optionalString(key) else { throw failure(key, .missingField, "\(name(key)) is required") }
        return text
    }

    /// A required, non-blank string.
    package func nonEmptyString(_ key: String) throws(JSONLinesFieldError) -> String {
        let text = try requiredString(key)
        guard !text.allSatisfy(\.isWhitespace) else { throw failure(key, .invalidField, "\(name(key)) is empty") }
        return text
    }

    /// A required id: a non-blank string (a JSON integer is accepted as its decimal text).
    package func id(_ key: String) throws(JSONLinesFieldError) -> String {
        guard let value = value(key) else { throw failure(key, .missingField, "\(name(key)) is required") }
        return try idText(value, key)
    }

    /// An optional id; present but blank is `emptyID`.
    package func optionalID(_ key: String) throws(JSONLinesFieldError) -> String? {
        guard let value = value(key) else { return nil }
        return try idText(value, key)
    }

    private func idText(_ value: JSONLinesValue, _ key: String) throws(JSONLinesFieldError) -> String {
        let text: String
        switch value {
        case .string(let s): text = s
        case .integer(let i): text = String(i)
        default: throw failure(key, .invalidField, "\(name(key)) must be a string, not \(value.typeName)")
        }
        guard !text.allSatisfy(\.isWhitespace) else { throw failure(key, .emptyID, "\(name(key)) is empty") }
        return text
    }

    package func optionalNumber(_ key: String) throws(JSONLinesFieldError) -> Double? {
        guard let value = value(key) else { return nil }
        switch value {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: throw failure(key, .invalidField, "\(name(key)) must be a number, not \(value.typeName)")
        }
    }

    package func optionalStringList(_ key: String) throws(JSONLinesFieldError) -> [String]? {
        guard let value = value(key) else { return nil }
        guard case .array(let elements) = value else {
            throw failure(key, .invalidField, "\(name(key)) must be an array of strings, not \(value.typeName)")
        }
        var texts: [String] = []
        texts.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                throw failure("\(key)[\(index)]", .invalidField, "\(name(key))[\(index)] must be a string, not \(element.typeName)")
            }
            texts.append(text)
        }
        return texts
    }

    package func optionalObject(_ key: String) throws(JSONLinesFieldError) -> JSONLinesObject? {
        guard let value = value(key) else { return nil }
        guard case .object(let fields) = value else {
            throw failure(key, .invalidField, "\(name(key)) must be an object, not \(value.typeName)")
        }
        return JSONLinesObject(fields, path: name(key))
    }

    /// The objects of an array field, each with its indexed path (`lines[0]`).
    package func optionalObjects(_ key: String) throws(JSONLinesFieldError) -> [JSONLinesObject]? {
        guard let value = value(key) else { return nil }
        guard case .array(let elements) = value else {
            throw failure(key, .invalidField, "\(name(key)) must be an array, not \(value.typeName)")
        }
        var objects: [JSONLinesObject] = []
        objects.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case .object(let fields) = element else {
                throw failure("\(key)[\(index)]", .invalidField, "\(name(key))[\(index)] must be an object, not \(element.typeName)")
            }
            objects.append(JSONLinesObject(fields, path: "\(name(key))[\(index)]"))
        }
        return objects
    }
}
