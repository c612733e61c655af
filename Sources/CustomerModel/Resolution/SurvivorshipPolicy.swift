/// The survivorship rule for every attribute: a default and per-field overrides.
///
/// The standard policy (``standard``): ``SurvivorshipRule/mostTrusted`` for every field,
/// except ``SurvivorshipRule/union`` for the list fields `interests`, `preferredBrands`,
/// `preferredCategories`, `preferredProductSeries`, `painPoints` and `deviceIDs`.
/// Whatever the policy, tags are always united, devices united by normalised device id
/// (the most recently seen record of a device kept), the lifecycle is `customer` when any
/// member is a customer, `createdAt` is the earliest and `updatedAt` the latest.
public struct SurvivorshipPolicy: Hashable, Sendable, Codable {
    /// The rule for fields without an override.
    public var defaultRule: SurvivorshipRule
    /// Rules for particular fields.
    public var fieldRules: [ProfileField: SurvivorshipRule]
    /// The trust ranking of ways of obtaining data, used by the trust-based rules.
    public var trust: MethodTrust
    /// Which member keeps its customer id.
    public var survivor: SurvivorChoice

    /// Creates a policy.
    public init(
        defaultRule: SurvivorshipRule = .mostTrusted,
        fieldRules: [ProfileField: SurvivorshipRule] = SurvivorshipPolicy.standardListRules,
        trust: MethodTrust = .standard,
        survivor: SurvivorChoice = .earliestCreated
    ) {
        self.defaultRule = defaultRule
        self.fieldRules = fieldRules
        self.trust = trust
        self.survivor = survivor
    }

    /// Union for the standard list fields.
    public static let standardListRules: [ProfileField: SurvivorshipRule] = [
        .interests: .union, .preferredBrands: .union, .preferredCategories: .union,
        .preferredProductSeries: .union, .painPoints: .union, .deviceIDs: .union,
    ]

    /// The standard policy.
    public static let standard = SurvivorshipPolicy()

    /// The rule for `field`.
    public func rule(for field: ProfileField) -> SurvivorshipRule { fieldRules[field] ?? defaultRule }

    /// Returns the policy with `rule` for `field`.
    public func with(_ field: ProfileField, _ rule: SurvivorshipRule) -> SurvivorshipPolicy {
        var copy = self
        copy.fieldRules[field] = rule
        return copy
    }
}
