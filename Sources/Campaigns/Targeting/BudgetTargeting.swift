/// A customer who could be contacted, with what contacting them is expected to be worth.
public struct TargetingCandidate: Sendable, Hashable, Codable {
    /// The customer's id.
    public var customerID: String
    /// P(response) if contacted (a propensity model's output), in [0, 1].
    public var responseProbability: Double
    /// The value of a response (CLV, or the average order value), in money.
    public var value: Double
    /// The cost of contacting them on the chosen channel, in money, non-negative.
    public var contactCost: Double

    /// Creates a candidate.
    public init(customerID: String, responseProbability: Double, value: Double, contactCost: Double) {
        self.customerID = customerID
        self.responseProbability = responseProbability
        self.value = value
        self.contactCost = contactCost
    }

    /// P(response) × value − contact cost.
    public var expectedValue: Double { responseProbability * value - contactCost }
}

/// Chooses whom to contact under a budget, by expected value per unit of cost.
///
/// The rule: candidates with expected value ≤ ``minimumExpectedValue`` are left out
/// (`.notProfitable`). The rest are ranked by expected value per cost, highest first
/// (free contacts first, by expected value), ties by higher expected value, then by input
/// order; each is taken if its cost fits in what is left of the budget, otherwise it is
/// skipped (`.overBudget`) and cheaper ones further down may still fit. This greedy rule is
/// the standard approximation to the knapsack problem and is optimal when costs are equal.
public struct BudgetTargeting: Sendable, Hashable, Codable {
    /// Why a candidate was not selected.
    public enum Exclusion: String, Sendable, Hashable, Codable {
        /// Its expected value is not above the minimum.
        case notProfitable
        /// Its cost did not fit in the remaining budget.
        case overBudget
    }

    /// The result: who is contacted, who is not and why, and the totals.
    public struct Selection: Sendable, Hashable, Codable {
        /// Indices of the selected candidates, in the order they were chosen.
        public var selected: [Int]
        /// Index of each candidate left out, with the reason.
        public var excluded: [Int: Exclusion]
        /// The selected candidates' total contact cost.
        public var totalCost: Double
        /// The selected candidates' total expected value (net of cost).
        public var totalExpectedValue: Double
    }

    /// The money available for contacts.
    public var budget: Double
    /// Candidates must be expected to earn more than this (net of cost); default 0.
    public var minimumExpectedValue: Double

    /// Creates a targeting rule.
    /// - Throws: ``CampaignError`` `.invalidParameter` for a negative or non-finite budget
    ///   or a non-finite minimum.
    public init(budget: Double, minimumExpectedValue: Double = 0) throws(CampaignError) {
        guard budget.isFinite, budget >= 0, minimumExpectedValue.isFinite else {
            throw CampaignError(.invalidParameter, "the budget \(budget) must be finite and non-negative, the minimum \(minimumExpectedValue) finite")
        }
        self.budget = budget
        self.minimumExpectedValue = minimumExpectedValue
    }

    /// Selects candidates.
    /// - Throws: ``CampaignError`` `.invalidParameter` naming the first candidate with a
    ///   probability outside [0, 1], a non-finite value or a negative or non-finite cost.
    /// - Complexity: O(n log n).
    public func select(_ candidates: [TargetingCandidate]) throws(CampaignError) -> Selection {
        for (i, c) in candidates.enumerated() {
            guard c.responseProbability >= 0, c.responseProbability <= 1, c.value.isFinite,
                  c.contactCost.isFinite, c.contactCost >= 0
            else {
                throw CampaignError(
                    .invalidParameter,
                    "candidate \(i) (\(c.customerID)): probability \(c.responseProbability), value \(c.value), cost \(c.contactCost)")
            }
        }
        var excluded: [Int: Exclusion] = [:]
        var ranked: [Int] = []
        for (i, c) in candidates.enumerated() {
            if c.expectedValue > minimumExpectedValue { ranked.append(i) } else { excluded[i] = .notProfitable }
        }
        func ratio(_ i: Int) -> Double {
            let c = candidates[i]
            return c.contactCost > 0 ? c.expectedValue / c.contactCost : .infinity
        }
        ranked.sort { i, j in
            let (ri, rj) = (ratio(i), ratio(j))
            if ri != rj { return ri > rj }
            let (ei, ej) = (candidates[i].expectedValue, candidates[j].expectedValue)
            if ei != ej { return ei > ej }
            return i < j
        }
        var selection = Selection(selected: [], excluded: excluded, totalCost: 0, totalExpectedValue: 0)
        var remaining = budget
        for i in ranked {
            let cost = candidates[i].contactCost
            if cost <= remaining {
                remaining -= cost
                selection.selected.append(i)
                selection.totalCost += cost
                selection.totalExpectedValue += candidates[i].expectedValue
            } else {
                selection.excluded[i] = .overBudget
            }
        }
        return selection
    }
}

/// Splits a total budget across groups (segments, channels, activities) in proportion to
/// each group's value contribution, so money goes where it is expected to return most
/// (SEEDS.md §7). Amounts are in minor units and add up exactly to the total: each group
/// gets the floor of its share, and the units left over go to the largest remainders
/// (ties to the earlier group). Groups with no positive contribution get nothing.
public enum BudgetAllocation {
    /// The allocation of `totalMinorUnits` over `contributions` (name, value contribution), in input order.
    /// - Throws: ``CampaignError`` `.invalidParameter` for a negative total, a negative or
    ///   non-finite contribution or a repeated name; `.degenerateInput` when no contribution is positive.
    public static func proportional(totalMinorUnits: Int64, contributions: [(String, Double)]) throws(CampaignError)
        -> [(String, Int64)]
    {
        guard totalMinorUnits >= 0 else { throw CampaignError(.invalidParameter, "the total \(totalMinorUnits) is negative") }
        var names: Set<String> = []
        for (name, value) in contributions {
            guard value.isFinite, value >= 0, names.insert(name).inserted else {
                throw CampaignError(.invalidParameter, "group '\(name)': contribution \(value) must be finite, non-negative and named once")
            }
        }
        let sum = contributions.reduce(0) { $0 + $1.1 }
        guard sum > 0 else { throw CampaignError(.degenerateInput, "no group has a positive value contribution") }
        let exact = contributions.map { Double(totalMinorUnits) * $0.1 / sum }
        var amounts = exact.map { Int64($0.rounded(.down)) }
        var left = totalMinorUnits - amounts.reduce(0, +)
        let order = exact.indices.sorted {
            let (a, b) = (exact[$0] - exact[$0].rounded(.down), exact[$1] - exact[$1].rounded(.down))
            return a != b ? a > b : $0 < $1
        }
        for i in order where left > 0 && contributions[i].1 > 0 {
            amounts[i] += 1
            left -= 1
        }
        return zip(contributions, amounts).map { ($0.0, $1) }
    }
}
