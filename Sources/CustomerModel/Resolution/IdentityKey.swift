/// A normalised identifier of a person that identity resolution matches on: an email, a
/// phone number, a device id, a loyalty id, or an id in an external system.
///
/// Two profiles that share an `IdentityKey` belong to the same person. Keys are only ever
/// created through the normalising factories below, so `" Ann@Example.COM "` and
/// `"ann@example.com"` give equal keys, and an empty value gives no key at all.
///
/// Normalisation, by kind:
/// - email: surrounding whitespace trimmed, lower-cased (the whole address, including the
///   local part: mailbox providers treat it case-insensitively in practice);
/// - phone: digits only, with the default country prefix rule of ``PhoneNormalization``;
/// - device: trimmed and lower-cased (advertising ids are hexadecimal UUIDs whose case
///   differs between platforms);
/// - loyalty id and external id: trimmed, case kept (they are opaque ids).
public struct IdentityKey: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The kind of identifier: email, phone, device, loyalty id, or an external system's id.
    public struct Kind: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
        /// The kind's stable name: `email`, `phone`, `device`, `loyaltyID`, `external:<system>`.
        public let rawValue: String
        private init(rawValue: String) { self.rawValue = rawValue }
        /// The kind's name.
        public var description: String { rawValue }
        /// Orders kinds by name.
        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
        /// Decodes the kind from its name.
        public init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }
        /// Encodes the kind as its name.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }

        /// An email address.
        public static let email = Kind(rawValue: "email")
        /// A phone number.
        public static let phone = Kind(rawValue: "phone")
        /// A device or advertising id.
        public static let device = Kind(rawValue: "device")
        /// A loyalty-programme membership id.
        public static let loyaltyID = Kind(rawValue: "loyaltyID")
        /// The id of the person in an external system (a legacy CRM, a platform's open id).
        public static func external(system: String) -> Kind {
            Kind(rawValue: "external:" + IdentityKey.trimmed(system))
        }
    }

    /// What kind of identifier this is.
    public let kind: Kind
    /// The normalised value.
    public let value: String

    private init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    /// `kind value`, for explanations (`email ann@example.com`).
    public var description: String { "\(kind) \(value)" }

    /// Orders keys by kind, then by value.
    public static func < (lhs: IdentityKey, rhs: IdentityKey) -> Bool {
        (lhs.kind.rawValue, lhs.value) < (rhs.kind.rawValue, rhs.value)
    }

    /// An email key; nil when the address is empty after trimming.
    /// - Complexity: O(n) in the length of the text.
    public static func email(_ raw: some StringProtocol) -> IdentityKey? {
        normalizedEmail(raw).map { IdentityKey(kind: .email, value: $0) }
    }

    /// A phone key: digits only, under `rule`; nil when there are no digits.
    /// - Complexity: O(n) in the length of the text.
    public static func phone(_ raw: some StringProtocol, rule: PhoneNormalization = PhoneNormalization()) -> IdentityKey? {
        rule.normalize(raw).map { IdentityKey(kind: .phone, value: $0) }
    }

    /// A device key (trimmed, lower-cased); nil when empty.
    /// - Complexity: O(n) in the length of the text.
    public static func device(_ raw: some StringProtocol) -> IdentityKey? {
        let value = trimmed(raw).lowercased()
        return value.isEmpty ? nil : IdentityKey(kind: .device, value: value)
    }

    /// A loyalty-id key (trimmed); nil when empty.
    /// - Complexity: O(n) in the length of the text.
    public static func loyaltyID(_ raw: some StringProtocol) -> IdentityKey? {
        let value = trimmed(raw)
        return value.isEmpty ? nil : IdentityKey(kind: .loyaltyID, value: value)
    }

    /// An external-system key (trimmed); nil when the id or the system name is empty.
    /// - Complexity: O(n) in the length of the text.
    public static func external(system: String, id raw: some StringProtocol) -> IdentityKey? {
        let value = trimmed(raw)
        guard !value.isEmpty, !trimmed(system).isEmpty else { return nil }
        return IdentityKey(kind: .external(system: system), value: value)
    }

    /// The normalised form of an email address (trimmed, lower-cased); nil when empty.
    ///
    /// Cleaning and duplicate detection use this same function.
    /// - Complexity: O(n) in the length of the text.
    public static func normalizedEmail(_ raw: some StringProtocol) -> String? {
        let value = trimmed(raw).lowercased()
        return value.isEmpty ? nil : value
    }

    /// `raw` without leading and trailing whitespace and newlines.
    /// - Complexity: O(n) in the length of the text.
    public static func trimmed(_ raw: some StringProtocol) -> String {
        guard let first = raw.firstIndex(where: { !$0.isWhitespace }),
              let last = raw.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(raw[first...last])
    }
}
