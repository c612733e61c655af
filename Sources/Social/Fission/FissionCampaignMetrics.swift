/// Campaign-level measures of a fission campaign (see `Documentation/SocialFission.md`).
public struct FissionCampaignMetrics: Hashable, Sendable, Codable {
    /// Distinct customers who shared a code.
    public var sharers: Int
    /// Sharers without a credited referrer: the campaign's seeds (generation 0).
    public var seeds: Int
    /// Clicks on a known code by someone other than its owner.
    public var invitations: Int
    /// Registrations credited to a referrer.
    public var creditedReferrals: Int
    /// Credited referrals who placed a first order at or after registering.
    public var conversions: Int
    /// Revenue of those first orders, in currency units.
    public var referredRevenue: Double
    /// Referrals flagged by the fraud guards or naming an unknown code.
    public var flaggedReferrals: Int
    /// Clicks by a code's own owner (ignored).
    public var selfClicks: Int
    /// Clicks on codes that no earlier share carries (ignored).
    public var unknownCodeClicks: Int
    /// Registrations after a customer's first (ignored).
    public var repeatedRegistrations: Int
    /// Invitations per sharer, i = invitations / sharers (nil without sharers).
    public var invitationsPerSharer: Double?
    /// Credited referrals per invitation, c = creditedReferrals / invitations (nil without invitations).
    public var conversionPerInvitation: Double?
    /// The viral coefficient K = creditedReferrals / sharers = i · c (nil without sharers).
    public var kFactor: Double?
    /// Mean seconds from the first share of the code a referral used to the referral's
    /// registration (nil without credited referrals).
    public var meanCycleSeconds: Double?
    /// Median of the same (the mean of the two middle values for an even count).
    public var medianCycleSeconds: Double?
    /// Reach and conversion per generation, generation 0 first.
    public var generations: [GenerationStatistics]

    /// Creates metrics.
    public init(
        sharers: Int, seeds: Int, invitations: Int, creditedReferrals: Int, conversions: Int, referredRevenue: Double,
        flaggedReferrals: Int, selfClicks: Int, unknownCodeClicks: Int, repeatedRegistrations: Int,
        invitationsPerSharer: Double?, conversionPerInvitation: Double?, kFactor: Double?,
        meanCycleSeconds: Double?, medianCycleSeconds: Double?, generations: [GenerationStatistics]
    ) {
        self.sharers = sharers
        self.seeds = seeds
        self.invitations = invitations
        self.creditedReferrals = creditedReferrals
        self.conversions = conversions
        self.referredRevenue = referredRevenue
        self.flaggedReferrals = flaggedReferrals
        self.selfClicks = selfClicks
        self.unknownCodeClicks = unknownCodeClicks
        self.repeatedRegistrations = repeatedRegistrations
        self.invitationsPerSharer = invitationsPerSharer
        self.conversionPerInvitation = conversionPerInvitation
        self.kFactor = kFactor
        self.meanCycleSeconds = meanCycleSeconds
        self.medianCycleSeconds = medianCycleSeconds
        self.generations = generations
    }
}

/// Reach and conversion of one generation of a fission campaign.
///
/// Generation 0 are the seeds; generation g ≥ 1 are the customers credited to a referrer of
/// generation g − 1.
public struct GenerationStatistics: Hashable, Sendable, Codable {
    /// The generation.
    public var generation: Int
    /// Distinct customers who clicked a code of a generation g − 1 customer (0 for g = 0).
    public var reached: Int
    /// Customers of this generation (seeds for g = 0, credited referrals otherwise).
    public var registered: Int
    /// Customers of this generation with a first order at or after registering (0 for g = 0).
    public var converted: Int
    /// Customers of this generation who shared a code.
    public var sharers: Int
    /// registered / reached (nil when nothing was reached).
    public var registrationRate: Double?
    /// converted / reached (nil when nothing was reached).
    public var conversionRate: Double?
    /// Next generation's registered / this generation's sharers (nil without sharers).
    public var kFactor: Double?

    /// Creates the statistics of one generation.
    public init(generation: Int, reached: Int, registered: Int, converted: Int, sharers: Int,
                registrationRate: Double?, conversionRate: Double?, kFactor: Double?) {
        self.generation = generation
        self.reached = reached
        self.registered = registered
        self.converted = converted
        self.sharers = sharers
        self.registrationRate = registrationRate
        self.conversionRate = conversionRate
        self.kFactor = kFactor
    }
}
