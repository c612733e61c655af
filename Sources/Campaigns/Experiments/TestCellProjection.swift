import Scoring

/// What rolling a campaign out to a whole market would bring, projected from a small real
/// market test (a test cell).
///
/// - Responses: the cell's response rate with its Wilson interval, times the roll-out size.
/// - Revenue: responses times the mean revenue per responder; its interval multiplies the
///   ends of the rate interval by the ends of the mean's normal interval (x̄ ± z s/√k), a
///   conservative box for the product.
/// - Cost: contacts times the cost per contact (known exactly), plus fixed costs.
/// - Profit: revenue minus cost, with the revenue interval shifted by the cost.
public struct TestCellProjection: Sendable, Hashable, Codable {
    /// Customers the roll-out would contact.
    public let rolloutSize: Int
    /// Projected responses with interval.
    public let responses: ClosedRange<Double>
    /// The point estimate of responses.
    public let expectedResponses: Double
    /// Projected revenue with interval.
    public let revenue: ClosedRange<Double>
    /// The point estimate of revenue.
    public let expectedRevenue: Double
    /// The roll-out's cost.
    public let cost: Double
    /// Projected profit with interval.
    public let profit: ClosedRange<Double>

    /// Projects a roll-out.
    /// - Parameters:
    ///   - cell: responders out of customers contacted in the test cell.
    ///   - responderRevenue: the revenue of each responder in the cell (one per responder).
    ///   - rolloutSize: customers the roll-out would contact.
    ///   - costPerContact: the cost of one contact.
    ///   - fixedCost: costs independent of size (creative, set-up).
    ///   - level: the confidence level.
    /// - Throws: ``CampaignError`` `.invalidParameter` when the revenues do not number the
    ///   responders, a value is negative or not finite; `.degenerateInput` for an empty cell.
    public init(
        cell: ProportionCount, responderRevenue: [Double], rolloutSize: Int, costPerContact: Double,
        fixedCost: Double = 0, level: Double = 0.95
    ) throws(CampaignError) {
        guard responderRevenue.count == cell.successes else {
            throw CampaignError(.invalidParameter, "\(responderRevenue.count) revenues for \(cell.successes) responders")
        }
        guard rolloutSize >= 0, costPerContact.isFinite, costPerContact >= 0, fixedCost.isFinite, fixedCost >= 0,
              responderRevenue.allSatisfy({ $0.isFinite && $0 >= 0 })
        else {
            throw CampaignError(.invalidParameter, "sizes, costs and revenues must be finite and non-negative")
        }
        let rate = try cell.wilsonInterval(level: level)
        let n = Double(rolloutSize)
        self.rolloutSize = rolloutSize
        expectedResponses = cell.rate * n
        responses = (rate.lowerBound * n)...(rate.upperBound * n)
        var mean = 0.0, spread = 0.0
        if !responderRevenue.isEmpty {
            let (m, variance) = responderRevenue.count > 1
                ? HoldoutLift.meanAndVariance(responderRevenue) : (responderRevenue[0], 0)
            mean = m
            spread = StandardNormal.quantile(0.5 + level / 2) * (variance / Double(responderRevenue.count)).squareRoot()
        }
        expectedRevenue = expectedResponses * mean
        revenue = (responses.lowerBound * max(0, mean - spread))...(responses.upperBound * (mean + spread))
        cost = n * costPerContact + fixedCost
        profit = (revenue.lowerBound - cost)...(revenue.upperBound - cost)
    }
}
