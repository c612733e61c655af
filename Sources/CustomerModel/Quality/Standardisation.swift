/// Brings profile values to one format, so that sources agree and duplicates show.
///
/// Per value:
/// - email: trimmed and lower-cased (``IdentityKey/normalizedEmail(_:)``);
/// - phone: digits only under ``phone`` (``PhoneNormalization``); a phone without any
///   digit is only trimmed, so that the accuracy check still reports it;
/// - postcode: upper case without whitespace (``postcode(_:)``);
/// - any other text: trimmed, inner runs of whitespace collapsed to one space, then the
///   field's ``CaseFolding`` (standard: `gender` lower, `country` upper, others kept);
/// - lists: each element as text, empty elements and repeats dropped (first kept);
/// - numbers, booleans, days and money: unchanged.
///
/// Provenance and `updatedAt` are kept: reformatting is not a new observation.
public struct Standardisation: Hashable, Sendable, Codable {
    /// How a text field's letters are cased.
    public enum CaseFolding: String, Hashable, Sendable, Codable {
        /// Keep as written.
        case preserve
        /// Lower case.
        case lower
        /// Upper case.
        case upper
    }

    /// One value that standardisation changed.
    public struct Change: Hashable, Sendable, Codable {
        /// The field.
        public var field: ProfileField
        /// The value before.
        public var before: AttributeValue
        /// The value after.
        public var after: AttributeValue
    }

    /// The phone normalisation rule.
    public var phone: PhoneNormalization
    /// Case folding per text field; fields not listed are kept as written.
    public var caseFolding: [ProfileField: CaseFolding]

    /// Creates a standardisation.
    public init(
        phone: PhoneNormalization = PhoneNormalization(),
        caseFolding: [ProfileField: CaseFolding] = [.gender: .lower, .country: .upper]
    ) {
        self.phone = phone
        self.caseFolding = caseFolding
    }

    /// The standard standardisation.
    public static let standard = Standardisation()

    /// The profile with every value standardised, and what changed (sorted by field).
    /// - Complexity: O(total length of the values + a log a).
    public func standardise(_ profile: CustomerProfile) -> (profile: CustomerProfile, changes: [Change]) {
        var result = profile
        var changes: [Change] = []
        for field in profile.attributes.keys.sorted() {
            guard let attributed = profile.attributes[field] else { continue }
            let after = standardise(attributed.value, of: field)
            if after != attributed.value {
                result.attributes[field] = Attributed(after, provenance: attributed.provenance)
                changes.append(Change(field: field, before: attributed.value, after: after))
            }
        }
        return (result, changes)
    }

    /// One value of `field`, standardised.
    /// - Complexity: O(n) in the length of the value.
    public func standardise(_ value: AttributeValue, of field: ProfileField) -> AttributeValue {
        switch value {
        case .string(let text): return .string(standardise(text: text, of: field))
        case .list(let elements):
            var seen = Set<String>()
            var kept: [String] = []
            for element in elements {
                let clean = standardise(text: element, of: field)
                if !clean.isEmpty, seen.insert(clean).inserted { kept.append(clean) }
            }
            return .list(kept)
        default: return value
        }
    }

    private func standardise(text: String, of field: ProfileField) -> String {
        switch field {
        case .email: return IdentityKey.normalizedEmail(text) ?? ""
        case .phone: return phone.normalize(text) ?? IdentityKey.trimmed(text)
        case .postcode: return Standardisation.postcode(text)
        default:
            let collapsed = Standardisation.collapsedWhitespace(text)
            switch caseFolding[field] ?? .preserve {
            case .preserve: return collapsed
            case .lower: return collapsed.lowercased()
            case .upper: return collapsed.uppercased()
            }
        }
    }

    /// A postcode in standard form: upper case, without any whitespace.
    /// - Complexity: O(n) in the length of the text.
    public static func postcode(_ raw: some StringProtocol) -> String {
        String(raw.filter { !$0.isWhitespace }).uppercased()
    }

    /// `raw` trimmed, with every inner run of whitespace replaced by one space.
    /// - Complexity: O(n) in the length of the text.
    public static func collapsedWhitespace(_ raw: some StringProtocol) -> String {
        raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A name folded for matching: whitespace collapsed, lower-cased; nil when empty.
    /// - Complexity: O(n) in the length of the text.
    public static func nameKey(_ raw: some StringProtocol) -> String? {
        let key = collapsedWhitespace(raw).lowercased()
        return key.isEmpty ? nil : key
    }
}
