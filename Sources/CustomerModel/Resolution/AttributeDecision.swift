/// Which member's value of one attribute survived a merge, under which rule, and why.
public struct AttributeDecision: Hashable, Sendable, Codable {
    /// What decided between the winner and the runner-up.
    public struct Basis: Hashable, Sendable, Codable, CustomStringConvertible {
        /// The basis's stable name.
        public let name: String
        private init(_ name: String) { self.name = name }
        /// The basis's name.
        public var description: String { name }
        /// Decodes a basis from its name.
        public init(from decoder: any Decoder) throws { name = try decoder.singleValueContainer().decode(String.self) }
        /// Encodes the basis as its name.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(name)
        }

        /// Only one member had the field.
        public static let onlyCandidate = Basis("onlyCandidate")
        /// The other candidates were empty.
        public static let onlyNonEmpty = Basis("onlyNonEmpty")
        /// Every candidate had the same value (the first in rule order is credited).
        public static let sameValue = Basis("sameValue")
        /// Observed later.
        public static let moreRecent = Basis("moreRecent")
        /// Obtained by a more trusted method.
        public static let moreTrusted = Basis("moreTrusted")
        /// Own data over external data.
        public static let ownData = Basis("ownData")
        /// A tie broken by the smaller source id.
        public static let sourceTieBreak = Basis("sourceTieBreak")
        /// A tie broken by the smaller customer id.
        public static let customerTieBreak = Basis("customerTieBreak")
        /// The surviving customer's own value.
        public static let survivorValue = Basis("survivorValue")
        /// The union of all candidates' lists.
        public static let union = Basis("union")
    }

    /// The attribute.
    public var field: ProfileField
    /// The rule applied.
    public var rule: SurvivorshipRule
    /// The member whose value (and provenance) survived; for a union, the one whose provenance is kept.
    public var winner: CustomerID
    /// The winner's data source, if recorded.
    public var source: SourceID?
    /// What decided it.
    public var basis: Basis
    /// The members that had the field, in the rule's order (winner first).
    public var candidates: [CustomerID]
    /// A sentence for people: why this value won.
    public var reason: String

    /// Creates a decision record.
    public init(
        field: ProfileField, rule: SurvivorshipRule, winner: CustomerID, source: SourceID?,
        basis: Basis, candidates: [CustomerID], reason: String
    ) {
        self.field = field
        self.rule = rule
        self.winner = winner
        self.source = source
        self.basis = basis
        self.candidates = candidates
        self.reason = reason
    }
}
