import CustomerModel

/// A fitted model of how many purchases a customer makes and whether they are still
/// active: BG/NBD and MBG/NBD here, Pareto/NBD and BG/BB the same way.
///
/// Times are in the unit of the summary the model was fitted on. Conformers are cheap
/// `Sendable` values, so bulk scoring can run on all cores.
public protocol RepeatPurchaseModel: Sendable {
    /// P(the customer is still active at T | x, tₓ, T).
    /// - Complexity: O(1).
    func probabilityAlive(frequency: Double, recency: Double, age: Double) -> Double

    /// E[X(t)]: expected purchases in (0, t] of a new customer.
    /// - Throws: ``ScoringError`` when the hypergeometric series cannot be evaluated.
    /// - Complexity: O(1) for moderate t; see ``Hypergeometric2F1`` for its limits.
    func expectedPurchases(within t: Double) throws(ScoringError) -> Double

    /// E[X(T, T + t] | x, tₓ, T]: expected purchases in the next t given the history.
    /// - Throws: ``ScoringError`` when the hypergeometric series cannot be evaluated.
    /// - Complexity: O(1) for moderate t; see ``Hypergeometric2F1`` for its limits.
    func conditionalExpectedPurchases(within t: Double, frequency: Double, recency: Double, age: Double)
        throws(ScoringError) -> Double

    /// E[X(T, T + t] | alive at T, x, T]: expected purchases in the next t of a customer
    /// known to be still active. It does not depend on tₓ, and the conditional expectation is
    /// this times P(alive), which is what lets bulk scoring evaluate it once per (x, T).
    /// - Throws: ``ScoringError`` when the hypergeometric series cannot be evaluated.
    /// - Complexity: O(1) for moderate t; see ``Hypergeometric2F1`` for its limits.
    func expectedPurchasesIfAlive(within t: Double, frequency: Double, age: Double) throws(ScoringError) -> Double

    /// P(X(t) = n): the probability of exactly n purchases in (0, t] for a new customer.
    /// - Complexity: O(n).
    func probabilityOfPurchases(_ n: Int, within t: Double) -> Double
}

extension RepeatPurchaseModel {
    /// P(alive) for every customer of `summary`, on both cores.
    /// - Complexity: O(n).
    public func probabilityAlive(_ summary: CustomerSummary) -> [Double] {
        var out = [Double](repeating: 0, count: summary.count)
        summary.frequency.withUnsafeBufferPointer { x in
            summary.recency.withUnsafeBufferPointer { tx in
                summary.age.withUnsafeBufferPointer { t in
                    ParallelLoop.fill(&out) { i in probabilityAlive(frequency: x[i], recency: tx[i], age: t[i]) }
                }
            }
        }
        return out
    }

    /// Conditional expected purchases in the next `t` for every customer, on both cores.
    ///
    /// Evaluated as P(alive) × ``expectedPurchasesIfAlive(within:frequency:age:)``, the
    /// second once per distinct (x, T).
    /// - Throws: the first ``ScoringError`` of any customer (in customer order).
    /// - Complexity: O(n) plus one series evaluation per distinct (x, T).
    public func conditionalExpectedPurchases(within t: Double, for summary: CustomerSummary) throws(ScoringError)
        -> [Double]
    {
        guard t > 0 else { return [Double](repeating: 0, count: summary.count) }
        return try FrequencyAgeGroups(summary).perCustomer(summary) { (x, age) throws(ScoringError) in
            try expectedPurchasesIfAlive(within: t, frequency: x, age: age)
        } times: { i in
            probabilityAlive(frequency: summary.frequency[i], recency: summary.recency[i], age: summary.age[i])
        }
    }
}
