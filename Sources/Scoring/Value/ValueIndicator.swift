/// One input of the value score: a named per-customer number and whether more is better.
///
/// The six indicators of the eRFM value score are predefined; a caller may add its own with
/// ``init(_:higherIsBetter:)`` and pass its values in ``ValueIndicatorInputs/custom``.
public struct ValueIndicator: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The indicator's name, stable across releases (used in results and JSON).
    public let name: String
    /// Whether a larger value is better (false only for recency: fewer days is better).
    public let higherIsBetter: Bool

    /// Creates an indicator.
    public init(_ name: String, higherIsBetter: Bool = true) {
        self.name = name
        self.higherIsBetter = higherIsBetter
    }

    /// The name.
    public var description: String { name }

    /// Days since the last purchase before the as-of day (fewer is better).
    public static let recency = ValueIndicator("recency", higherIsBetter: false)
    /// Orders before the as-of day.
    public static let frequency = ValueIndicator("frequency")
    /// Total spend before the as-of day.
    public static let monetary = ValueIndicator("monetary")
    /// Likes, comments, shares and app interactions counted.
    public static let interactionFrequency = ValueIndicator("interactionFrequency")
    /// Average interaction time (dwell seconds).
    public static let interactionDuration = ValueIndicator("interactionDuration")
    /// Followers, mentions, engagement that shared content brings (caller-supplied numbers).
    public static let socialInfluence = ValueIndicator("socialInfluence")

    /// The six predefined indicators, in the order of SEEDS.md §3.
    public static let standard: [ValueIndicator] = [
        .recency, .frequency, .monetary, .interactionFrequency, .interactionDuration, .socialInfluence,
    ]
}

/// A caller-defined indicator with its values and weight.
public struct CustomValueIndicator: Sendable, Hashable {
    /// The indicator (name and direction).
    public var indicator: ValueIndicator
    /// The weight, combined with the weights of ``ValueScoreWeights``.
    public var weight: Double
    /// One value per snapshot customer index; nil means no data for that customer.
    public var values: [Double?]

    /// Creates a custom indicator.
    public init(_ indicator: ValueIndicator, weight: Double, values: [Double?]) {
        self.indicator = indicator
        self.weight = weight
        self.values = values
    }
}

/// The per-customer indicator values that do not come from the snapshot's orders.
///
/// Every column has one entry per **snapshot customer index** (`snapshot.customerCount`
/// entries); nil entries mean "no data for this customer", a nil column means "no data for
/// anyone". See ``ValueScoreAnalysis`` for how missing data is scored.
public struct ValueIndicatorInputs: Sendable, Hashable {
    /// Interactions counted per customer (see ``InteractionIndicators``).
    public var interactionFrequency: [Double?]?
    /// Average interaction duration in seconds per customer.
    public var interactionDuration: [Double?]?
    /// Social influence per customer (any scale: min-max normalisation removes it).
    public var socialInfluence: [Double?]?
    /// Further indicators with their own weights.
    public var custom: [CustomValueIndicator]

    /// Creates the inputs; every column is optional.
    public init(
        interactionFrequency: [Double?]? = nil, interactionDuration: [Double?]? = nil,
        socialInfluence: [Double?]? = nil, custom: [CustomValueIndicator] = []
    ) {
        self.interactionFrequency = interactionFrequency
        self.interactionDuration = interactionDuration
        self.socialInfluence = socialInfluence
        self.custom = custom
    }

    /// The interaction columns of `derived`, keeping any social influence and custom columns.
    public init(_ derived: InteractionIndicators, socialInfluence: [Double?]? = nil, custom: [CustomValueIndicator] = []) {
        self.init(
            interactionFrequency: derived.frequency, interactionDuration: derived.averageDurationSeconds,
            socialInfluence: socialInfluence, custom: custom)
    }
}
