extension FissionResult {
    /// The share and referral graph for ``InfluenceRank``: an edge from each customer to
    /// the customer whose code they clicked or registered through, so rank flows to the
    /// people who bring others in.
    ///
    /// Weight of an edge B → A: `clickWeight` for each of B's clicks on A's codes, plus
    /// `conversionWeight` when B's registration is credited to A, plus `conversionWeight`
    /// again when B also converted (a first order). With the defaults (1, 1) a click that
    /// led to a registration and an order weighs 3, a bare click 1.
    /// - Throws: ``SocialError`` `.invalidParameter` for a negative or non-finite weight, or
    ///   a click weight of 0 with a conversion weight of 0.
    /// - Complexity: O(customers + clicks).
    public func referralGraph(clickWeight: Double = 1, conversionWeight: Double = 1) throws(SocialError) -> WeightedDigraph {
        guard clickWeight.isFinite, clickWeight >= 0, conversionWeight.isFinite, conversionWeight >= 0,
              clickWeight + conversionWeight > 0
        else {
            throw SocialError(.invalidParameter,
                              "clickWeight \(clickWeight) and conversionWeight \(conversionWeight) must be finite, ≥ 0 and not both 0")
        }
        var sources: [Int32] = []
        var targets: [Int32] = []
        var weights: [Double] = []
        if clickWeight > 0 {
            sources = clickActors
            targets = clickOwners
            weights = [Double](repeating: clickWeight, count: clickActors.count)
        }
        if conversionWeight > 0 {
            for v in 0..<customerCount where referrer[v] >= 0 {
                sources.append(Int32(v))
                targets.append(referrer[v])
                weights.append(converted[v] ? 2 * conversionWeight : conversionWeight)
            }
        }
        return try WeightedDigraph(nodeCount: customerCount, sources: sources, targets: targets, weights: weights)
    }
}
