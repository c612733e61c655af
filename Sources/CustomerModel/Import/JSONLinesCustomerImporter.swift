#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads customer profiles from JSON Lines bytes: one JSON object per line.
///
/// ```json
/// {"customer_id": "c1", "created_at": "2024-01-05T10:00:00Z",
///  "provenance": {"method": "customerUpdate", "channel": "online", "observed_at": "2024-01-05T10:00:00Z"},
///  "attributes": {"email": "ann@example.com", "birthDate": "1990-04-01",
///                 "incomeLevel": {"value": "high", "provenance": {"ownership": "external",
///                   "method": "thirdPartyProvider", "channel": "offline", "observed_at": "2024-02-01"}}},
///  "tags": ["vip"]}
/// ```
/// Attribute keys are ``ProfileField`` names. A value is a string, number, boolean, array of
/// strings or money object, either bare (it takes the line's `provenance`) or wrapped as
/// `{"value": …, "provenance": {…}}`. `birthDate` must be a `YYYY-MM-DD` day. See
/// `Documentation/JSONLinesImport.md` for every field and rejection reason.
public struct JSONLinesCustomerImporter: Sendable {
    /// Date range and other options.
    public var options: JSONLinesImportOptions

    /// Creates an importer.
    public init(options: JSONLinesImportOptions = JSONLinesImportOptions()) {
        self.options = options
    }

    /// Parses every line; valid lines become profiles, bad lines rejections in the report.
    /// - Complexity: O(n) in the number of bytes.
    public func parse(_ bytes: some Collection<UInt8>) -> JSONLinesImportResult<CustomerProfile> {
        JSONLinesReader.read(bytes, idField: "customer_id", id: \.id.rawValue) { object throws(JSONLinesFieldError) in
            try profile(from: object)
        }
    }

    private func profile(from object: JSONLinesObject) throws(JSONLinesFieldError) -> CustomerProfile {
        let id = CustomerID(try object.id("customer_id"))
        var lifecycle = CustomerLifecycle.customer
        if let text = try object.optionalString("lifecycle") {
            guard let value = CustomerLifecycle(rawValue: text) else {
                throw object.failure("lifecycle", .invalidField, "lifecycle '\(text)' is not customer or prospect")
            }
            lifecycle = value
        }
        let createdAt = try object.timestamp("created_at", options: options)
        let updatedAt = try object.optionalTimestamp("updated_at", options: options)
        let recordProvenance = try object.optionalObject("provenance")?.asProvenance(options: options)
        var profile = CustomerProfile(id: id, lifecycle: lifecycle, createdAt: createdAt)
        if let attributes = try object.optionalObject("attributes") {
            for key in attributes.fields.keys.sorted() {
                guard !key.isEmpty else { throw attributes.failure(key, .invalidField, "an attribute name is empty") }
                guard let raw = attributes.value(key) else { continue }
                var value = raw
                var provenance = recordProvenance
                var valuePath = attributes.name(key)
                if case .object(let fields) = raw, fields["value"] != nil {
                    let wrapper = JSONLinesObject(fields, path: attributes.name(key))
                    value = try wrapper.required("value")
                    provenance = try wrapper.provenance("provenance", fallback: recordProvenance, options: options)
                    valuePath = wrapper.name("value")
                }
                guard let provenance else {
                    throw attributes.failure(key, .missingField,
                                             "\(attributes.name(key)) has no provenance and the line has none")
                }
                let attribute = try attributeValue(value, field: ProfileField(key), path: valuePath)
                profile.attributes[ProfileField(key)] = Attributed(attribute, provenance: provenance)
            }
        }
        if let tags = try object.optionalStringList("tags") {
            for (index, tag) in tags.enumerated() {
                guard !tag.allSatisfy(\.isWhitespace) else {
                    throw object.failure("tags[\(index)]", .invalidField, "tags[\(index)] is empty")
                }
                profile.tags.insert(Tag(tag))
            }
        }
        if let devices = try object.optionalObjects("devices") {
            for device in devices {
                profile.devices.append(DeviceInfo(
                    deviceID: try device.id("device_id"),
                    platform: try device.nonEmptyString("platform"),
                    model: try device.optionalString("model"),
                    lastSeen: try device.optionalTimestamp("last_seen", options: options),
                    provenance: try device.provenance("provenance", fallback: recordProvenance, options: options)))
            }
        }
        let latestObservation = profile.attributes.values.map(\.provenance.observedAt).max() ?? createdAt
        profile.updatedAt = updatedAt ?? max(createdAt, latestObservation)
        return profile
    }

    private func attributeValue(_ value: JSONLinesValue, field: ProfileField, path: String) throws(JSONLinesFieldError) -> AttributeValue {
        func fail(_ reason: RejectionReason, _ message: String) -> JSONLinesFieldError {
            JSONLinesFieldError(field: path, reason: reason, message: message)
        }
        if field == .birthDate {
            guard case .string(let text) = value, let day = try? CalendarDay(iso: text) else {
                throw fail(.invalidDate, "\(path) \(value.quoted) is not a YYYY-MM-DD date")
            }
            guard options.acceptedDays.contains(day) else {
                throw fail(.dateOutOfRange, "\(path) '\(text)' is outside the accepted days")
            }
            return .day(day)
        }
        switch value {
        case .string(let text): return .string(text)
        case .integer(let number): return .number(Double(number))
        case .number(let number): return .number(number)
        case .bool(let flag): return .bool(flag)
        case .array(let elements):
            var texts: [String] = []
            for element in elements {
                guard case .string(let text) = element else {
                    throw fail(.invalidField, "\(path) must hold only strings, not \(element.typeName)")
                }
                texts.append(text)
            }
            return .list(texts)
        case .object(let fields):
            let money = JSONLinesObject(fields, path: path)
            guard let currency = try money.optionalCurrency("currency") else {
                throw fail(.invalidField, "\(path) is an object but not a money object {\"amount\", \"currency\"}")
            }
            return .money(try money.amount("amount", currency: currency))
        case .null:
            throw fail(.missingField, "\(path) is null")
        }
    }
}
