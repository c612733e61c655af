import CustomerModel
import Scoring

/// What a ``SegmentPopulation`` knows beyond the orders of its snapshot. Every part is
/// optional; a definition that needs a part the population lacks is rejected when it is
/// bound (``SegmentDefinitionError`` `.missingData` or `.unknownScore`), not evaluated as if
/// nobody qualified.
public struct SegmentInputs: Sendable {
    /// Profiles (attributes, birth dates, tags). Customers without orders join the population.
    public var profiles: [CustomerProfile]
    /// Interaction events (browse, search, like, …). Their customers join the population.
    public var interactions: [InteractionEvent]
    /// The category of each item, for spend and browsing per category.
    public var itemCategories: [ItemID: CategoryID]
    /// Further scores by name (churn risk, CLV, engagement), per customer. Names `value`,
    /// `rfm.r`, `rfm.f`, `rfm.m` are computed by the population and cannot be supplied.
    public var scores: [String: [CustomerID: Double]]
    /// Consent by purpose: the customers who granted it. Consent is plain input here, so that
    /// segmentation does not depend on the privacy module; unknown purposes mean no consent.
    public var consents: [String: Set<CustomerID>]
    /// How RFM scores and named segments are computed; nil leaves them missing.
    public var rfm: RFMAnalysis?
    /// How the value score and tiers are computed; nil leaves them missing.
    public var valueScore: ValueScoreAnalysis?

    /// Creates inputs.
    public init(
        profiles: [CustomerProfile] = [], interactions: [InteractionEvent] = [], itemCategories: [ItemID: CategoryID] = [:],
        scores: [String: [CustomerID: Double]] = [:], consents: [String: Set<CustomerID>] = [:],
        rfm: RFMAnalysis? = RFMAnalysis(), valueScore: ValueScoreAnalysis? = ValueScoreAnalysis()
    ) {
        self.profiles = profiles
        self.interactions = interactions
        self.itemCategories = itemCategories
        self.scores = scores
        self.consents = consents
        self.rfm = rfm
        self.valueScore = valueScore
    }
}
