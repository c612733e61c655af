/// A rule by which two profiles are taken for duplicates.
public struct DuplicateRule: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The rule's stable name.
    public let name: String
    private let order: Int
    private init(_ name: String, _ order: Int) {
        self.name = name
        self.order = order
    }
    /// The rule's name.
    public var description: String { name }
    /// Orders rules as listed: email, phone, name and postcode.
    public static func < (lhs: DuplicateRule, rhs: DuplicateRule) -> Bool { lhs.order < rhs.order }

    /// The same normalised email (``IdentityKey/normalizedEmail(_:)``).
    public static let email = DuplicateRule("email", 0)
    /// The same normalised phone (``PhoneNormalization``).
    public static let phone = DuplicateRule("phone", 1)
    /// The same folded name (``Standardisation/nameKey(_:)``) and standard postcode.
    public static let namePostcode = DuplicateRule("namePostcode", 2)
}

/// Profiles that are likely the same person, and the rules that matched them.
public struct DuplicateGroup: Hashable, Sendable, Codable {
    /// The profiles, sorted by id.
    public var customerIDs: [CustomerID]
    /// Every rule under which exactly these profiles share a value, in rule order.
    public var rules: [DuplicateRule]

    /// Creates a group.
    public init(customerIDs: [CustomerID], rules: [DuplicateRule]) {
        self.customerIDs = customerIDs
        self.rules = rules
    }
}

/// Finds duplicate profiles by normalised email, normalised phone, or folded name plus
/// standard postcode.
///
/// For each rule, profiles sharing a non-empty key form a group; groups with the same
/// members under several rules are reported once with all those rules. Groups are not
/// joined transitively (that is ``IdentityResolver``'s job): a group says exactly which
/// rule matched exactly which profiles. Groups are sorted by their member ids.
public struct DuplicateDetection: Hashable, Sendable, Codable {
    /// The rules applied.
    public var rules: [DuplicateRule]
    /// The phone normalisation rule (the same as identity resolution's by default).
    public var phone: PhoneNormalization

    /// Creates a detection with the given rules (all three by default).
    public init(rules: [DuplicateRule] = [.email, .phone, .namePostcode], phone: PhoneNormalization = PhoneNormalization()) {
        self.rules = rules.sorted()
        self.phone = phone
    }

    /// The standard detection: all three rules, phones without a default country.
    public static let standard = DuplicateDetection()

    /// The normalised key of `profile` under `rule`, nil when it has none.
    /// - Complexity: O(n) in the length of the values.
    public func key(of profile: CustomerProfile, under rule: DuplicateRule) -> String? {
        switch rule {
        case .email: return profile.email.flatMap { IdentityKey.normalizedEmail($0) }
        case .phone: return profile.phone.flatMap { phone.normalize($0) }
        default:
            guard let name = profile.name.flatMap({ Standardisation.nameKey($0) }),
                  let postcode = profile.postcode.map({ Standardisation.postcode($0) }), !postcode.isEmpty
            else { return nil }
            return name + "\u{1F}" + postcode
        }
    }

    /// The duplicate groups among `profiles`.
    /// - Complexity: O(n log n + r·n) for n profiles and r rules.
    public func groups(_ profiles: [CustomerProfile]) -> [DuplicateGroup] {
        let sorted = profiles.sorted { $0.id < $1.id }
        var groupIndex: [[Int]: Int] = [:]
        var groups: [(members: [Int], rules: [DuplicateRule])] = []
        for rule in rules {
            var buckets: [String: [Int]] = [:]
            for (index, profile) in sorted.enumerated() {
                if let key = key(of: profile, under: rule) { buckets[key, default: []].append(index) }
            }
            for members in buckets.values where members.count > 1 {
                if let existing = groupIndex[members] {
                    groups[existing].rules.append(rule)
                } else {
                    groupIndex[members] = groups.count
                    groups.append((members, [rule]))
                }
            }
        }
        groups.sort { $0.members.lexicographicallyPrecedes($1.members) }
        return groups.map { DuplicateGroup(customerIDs: $0.members.map { sorted[$0].id }, rules: $0.rules) }
    }
}
