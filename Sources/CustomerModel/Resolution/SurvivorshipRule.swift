/// How one attribute's surviving value is chosen when profiles merge.
///
/// Every rule is a total order over the candidate values (the members of the group that
/// have the field), so the outcome never depends on input order. The criteria, in order:
///
/// - ``mostRecent``: later `observedAt`; then more trusted method; then smaller source id
///   (a value with a source before one without); then smaller customer id.
/// - ``mostTrusted``: more trusted method (``MethodTrust``); then later `observedAt`;
///   then smaller source id; then smaller customer id.
/// - ``ownOverExternal``: own data before external data; then as ``mostRecent``.
/// - ``survivorFirst``: the surviving customer's value when it has one; otherwise as
///   ``mostTrusted``.
/// - ``union``: for list fields: the distinct elements of every candidate, taken in
///   ``mostRecent`` order of the candidates and in each list's own order; the
///   provenance is that of the most recent candidate.
///
/// Empty values (blank text, empty lists) only win when no candidate has a non-empty one.
public struct SurvivorshipRule: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The rule's stable name.
    public let name: String
    private init(_ name: String) { self.name = name }
    /// The rule's name.
    public var description: String { name }
    /// Decodes a rule from its name.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let rule = SurvivorshipRule.all.first(where: { $0.name == name }) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown survivorship rule '\(name)'")
        }
        self = rule
    }
    /// Encodes the rule as its name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    /// The most recent observation wins.
    public static let mostRecent = SurvivorshipRule("mostRecent")
    /// The most trusted way of obtaining the data wins; ties by recency.
    public static let mostTrusted = SurvivorshipRule("mostTrusted")
    /// Own data wins over external data; ties by recency.
    public static let ownOverExternal = SurvivorshipRule("ownOverExternal")
    /// The surviving customer's value wins; otherwise the most trusted.
    public static let survivorFirst = SurvivorshipRule("survivorFirst")
    /// List fields: the union of all values.
    public static let union = SurvivorshipRule("union")

    /// Every rule.
    public static let all: [SurvivorshipRule] = [.mostRecent, .mostTrusted, .ownOverExternal, .survivorFirst, .union]
}

/// Which member of a merged group keeps its customer id.
///
/// - ``earliestCreated`` (the default): the earliest `createdAt`, then the smallest id.
/// - ``smallestID``: the smallest id.
public struct SurvivorChoice: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The choice's stable name.
    public let name: String
    private init(_ name: String) { self.name = name }
    /// The choice's name.
    public var description: String { name }
    /// Decodes a choice from its name.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard name == SurvivorChoice.earliestCreated.name || name == SurvivorChoice.smallestID.name else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown survivor choice '\(name)'")
        }
        self.name = name
    }
    /// Encodes the choice as its name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    /// The oldest record survives (earliest `createdAt`, then smallest id).
    public static let earliestCreated = SurvivorChoice("earliestCreated")
    /// The smallest customer id survives.
    public static let smallestID = SurvivorChoice("smallestID")

    /// Whether `a` is preferred to `b` as the survivor.
    func prefers(_ a: CustomerProfile, over b: CustomerProfile) -> Bool {
        if self == .earliestCreated, a.createdAt != b.createdAt { return a.createdAt < b.createdAt }
        return a.id < b.id
    }
}
