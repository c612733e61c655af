import CustomerModel

/// The chains of a fission campaign and every customer's part in them, by customer index
/// of the ``ReferralEventTable`` the analysis ran on.
public struct FissionResult: Sendable {
    /// The customer of each index.
    public let customerIDs: [CustomerID]
    /// The credited referrer of each customer, -1 for none.
    public let referrer: [Int32]
    /// The generation of each customer: 0 without a credited referrer, else the referrer's + 1.
    public let generation: [Int32]
    /// Credited referrals made directly by each customer.
    public let directReferrals: [Int32]
    /// Credited referrals further down each customer's chain (referrals of referrals, …).
    public let indirectReferrals: [Int32]
    /// First-order revenue of each customer's direct referrals, in currency units.
    public let referredRevenue: [Double]
    /// First-order revenue of everyone down each customer's chain, in currency units.
    public let downlineRevenue: [Double]
    /// Revenue credited to each customer under the credit rule.
    public let creditedRevenue: [Double]
    /// Conversions credited to each customer under the credit rule (fractions under a split).
    public let creditedConversions: [Double]
    /// Whether each customer is a credited referral who placed a first order at or after registering.
    public let converted: [Bool]
    /// Whether each customer shared a code.
    public let shared: [Bool]
    /// Distinct other customers who clicked each customer's codes.
    public let reach: [Int32]
    /// The clicker of each valid click (a known code, not the owner's own), in time order.
    public let clickActors: [Int32]
    /// The code owner of each valid click.
    public let clickOwners: [Int32]
    /// Referrals that were not credited, with the reason, in registration time order.
    public let flags: [FissionFlag]
    /// Campaign measures.
    public let metrics: FissionCampaignMetrics
    /// The rule the credit was computed under.
    public let creditRule: ChainCreditRule

    init(
        customerIDs: [CustomerID], referrer: [Int32], generation: [Int32], directReferrals: [Int32],
        indirectReferrals: [Int32], referredRevenue: [Double], downlineRevenue: [Double], creditedRevenue: [Double],
        creditedConversions: [Double], converted: [Bool], shared: [Bool], reach: [Int32], clickActors: [Int32],
        clickOwners: [Int32], flags: [FissionFlag], metrics: FissionCampaignMetrics, creditRule: ChainCreditRule
    ) {
        self.customerIDs = customerIDs
        self.referrer = referrer
        self.generation = generation
        self.directReferrals = directReferrals
        self.indirectReferrals = indirectReferrals
        self.referredRevenue = referredRevenue
        self.downlineRevenue = downlineRevenue
        self.creditedRevenue = creditedRevenue
        self.creditedConversions = creditedConversions
        self.converted = converted
        self.shared = shared
        self.reach = reach
        self.clickActors = clickActors
        self.clickOwners = clickOwners
        self.flags = flags
        self.metrics = metrics
        self.creditRule = creditRule
    }

    /// The number of customers.
    public var customerCount: Int { customerIDs.count }

    /// A dictionary from customer to index.
    /// - Complexity: O(n).
    public func makeCustomerIndex() -> [CustomerID: Int] {
        Dictionary(uniqueKeysWithValues: customerIDs.enumerated().map { ($1, $0) })
    }

    /// One customer's part in the campaign.
    public func summary(at index: Int) -> ReferrerSummary {
        ReferrerSummary(
            customerID: customerIDs[index],
            referrer: referrer[index] >= 0 ? customerIDs[Int(referrer[index])] : nil,
            generation: Int(generation[index]), directReferrals: Int(directReferrals[index]),
            indirectReferrals: Int(indirectReferrals[index]), referredRevenue: referredRevenue[index],
            downlineRevenue: downlineRevenue[index], creditedRevenue: creditedRevenue[index],
            creditedConversions: creditedConversions[index], reach: Int(reach[index]))
    }

    /// The `k` customers with the most credited conversions (ties: more direct referrals,
    /// then more credited revenue, then the smaller customer id), leaving out customers
    /// with no referral at all.
    /// - Complexity: O(n log k) … O(n log n).
    public func topReferrers(_ k: Int) -> [ReferrerSummary] {
        let candidates = (0..<customerCount).filter { directReferrals[$0] > 0 }
        let ranked = candidates.sorted { a, b in
            if creditedConversions[a] != creditedConversions[b] { return creditedConversions[a] > creditedConversions[b] }
            if directReferrals[a] != directReferrals[b] { return directReferrals[a] > directReferrals[b] }
            if creditedRevenue[a] != creditedRevenue[b] { return creditedRevenue[a] > creditedRevenue[b] }
            return customerIDs[a] < customerIDs[b]
        }
        return ranked.prefix(max(0, k)).map(summary(at:))
    }
}

/// One customer's referrals and credit, for reports.
public struct ReferrerSummary: Hashable, Sendable, Codable {
    /// The customer.
    public var customerID: CustomerID
    /// Their credited referrer, if any.
    public var referrer: CustomerID?
    /// Their generation.
    public var generation: Int
    /// Credited referrals they made directly.
    public var directReferrals: Int
    /// Credited referrals further down their chain.
    public var indirectReferrals: Int
    /// First-order revenue of their direct referrals.
    public var referredRevenue: Double
    /// First-order revenue of their whole downline.
    public var downlineRevenue: Double
    /// Revenue credited to them under the rule.
    public var creditedRevenue: Double
    /// Conversions credited to them under the rule.
    public var creditedConversions: Double
    /// Distinct other customers who clicked their codes.
    public var reach: Int
}
