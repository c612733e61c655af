import CustomerModel

/// Replaces identifiers with keyed-hash pseudonyms (GDPR Art. 4(5) and 32, PIPL Art. 51 and 73(3)).
///
/// A pseudonym is `HMAC(key, kind ‖ 0x00 ‖ normalised value)`: the same person gets the
/// same pseudonym in every release made with the same key, so analyses can still join on
/// it, while nobody without the key can recompute or reverse it. The kind prefix keeps an
/// email and a customer id with the same spelling apart. Emails and phones are normalised
/// first (``CustomerModel/IdentityKey/normalizedEmail(_:)``, ``CustomerModel/PhoneNormalization``), so
/// `Ann@Example.com ` and `ann@example.com` fingerprint alike, which is what lets a
/// suppression record block a re-import under a different spelling.
public struct Pseudonymizer: Sendable {
    /// What kind of identifier is hashed; part of the hashed message.
    public struct IdentifierKind: Hashable, Sendable, Codable, CustomStringConvertible {
        /// The kind's name, such as `email`.
        public let name: String
        /// Creates a kind; any name works.
        public init(_ name: String) { self.name = name }
        public var description: String { name }
        public init(from decoder: any Decoder) throws { name = try decoder.singleValueContainer().decode(String.self) }
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(name)
        }

        /// A customer id, hashed as spelled.
        public static let customerID = IdentifierKind("customerID")
        /// An email address, normalised (trimmed, lower-cased).
        public static let email = IdentifierKind("email")
        /// A phone number, normalised to digits by the pseudonymizer's phone rule.
        public static let phone = IdentifierKind("phone")
    }

    /// The minimum key length accepted by ``init(key:keyLabel:phoneRule:)``: 128 bits.
    public static let minimumKeyByteCount = 16

    /// The keyed hash behind every pseudonym.
    public let keyedHash: any KeyedHash
    /// How phone numbers are normalised before hashing.
    public let phoneRule: PhoneNormalization

    /// Creates a pseudonymizer over any keyed hash.
    public init(keyedHash: any KeyedHash, phoneRule: PhoneNormalization = PhoneNormalization()) {
        self.keyedHash = keyedHash
        self.phoneRule = phoneRule
    }

    /// Creates a pseudonymizer over ``HMACSHA256`` with `key`.
    /// - Throws: ``PrivacyError`` `.invalidParameter` when the key is shorter than
    ///   ``minimumKeyByteCount`` bytes (a short key can be found by trying them all).
    public init(key: [UInt8], keyLabel: String = "default", phoneRule: PhoneNormalization = PhoneNormalization()) throws {
        guard key.count >= Self.minimumKeyByteCount else {
            throw PrivacyError(.invalidParameter, "a pseudonymisation key needs at least \(Self.minimumKeyByteCount) bytes, got \(key.count)")
        }
        self.init(keyedHash: HMACSHA256(key: key, keyLabel: keyLabel), phoneRule: phoneRule)
    }

    /// The normalised spelling that is hashed for `raw` of `kind`; nil when it has none
    /// (an email without `@`, a phone without digits, an empty id).
    public func normalized(_ raw: String, as kind: IdentifierKind) -> String? {
        switch kind {
        case .email: IdentityKey.normalizedEmail(raw)
        case .phone: phoneRule.normalize(raw)
        default: raw.isEmpty ? nil : raw
        }
    }

    /// The keyed fingerprint of an identifier, or nil when it has no normalised form.
    /// - Complexity: O(n) in the length of the identifier.
    public func fingerprint(_ raw: String, as kind: IdentifierKind) -> HashDigest? {
        guard let value = normalized(raw, as: kind) else { return nil }
        var message = Array(kind.name.utf8)
        message.append(0)
        message.append(contentsOf: value.utf8)
        return keyedHash.authenticationCode(for: message)
    }

    /// The pseudonym of a customer: the hex fingerprint of its id, as a customer id.
    public func pseudonym(for id: CustomerID) -> CustomerID {
        CustomerID(fingerprint(id.rawValue, as: .customerID)?.hex ?? "")
    }

    /// A copy of `profile` under its pseudonym, with direct identifiers removed.
    ///
    /// `directIdentifiers` (by default name, email, phone, street, loyalty and device ids,
    /// birth date) are dropped; every other attribute, with its provenance, is kept, as are
    /// tags. Devices are dropped because their ids identify.
    public func pseudonymize(
        _ profile: CustomerProfile,
        removing directIdentifiers: Set<ProfileField> = Pseudonymizer.defaultDirectIdentifiers
    ) -> CustomerProfile {
        var copy = profile
        copy.id = pseudonym(for: profile.id)
        for field in directIdentifiers { copy.attributes.removeValue(forKey: field) }
        copy.devices = []
        return copy
    }

    /// The fields that identify a person by themselves.
    public static let defaultDirectIdentifiers: Set<ProfileField> = [
        .name, .email, .phone, .street, .loyaltyID, .deviceIDs, .birthDate, .companyCode,
    ]
}
