import Synchronization

/// A privacy budget: the total ε (and δ) that queries on one dataset may spend.
public struct PrivacyBudget: Hashable, Sendable, Codable {
    public var epsilon: Double
    public var delta: Double
    public init(epsilon: Double, delta: Double = 0) {
        self.epsilon = epsilon
        self.delta = delta
    }
}

/// Keeps the privacy budget of each dataset and refuses queries that would exceed it.
///
/// Sequential composition: the ε and δ of every answered query on a dataset add up, and
/// a query is answered only if the sums stay within the dataset's budget. Spending is
/// atomic (a `Mutex`), so concurrent queries cannot overspend together.
public final class PrivacyBudgetAccountant: Sendable {
    private struct Ledger: Sendable {
        var budgets: [String: PrivacyBudget]
        var spent: [String: PrivacyBudget] = [:]
    }

    private let ledger: Mutex<Ledger>

    /// Creates an accountant with a budget per dataset name.
    /// - Throws: ``PrivacyError`` `.invalidParameter` for a negative or non-finite budget.
    public init(budgets: [String: PrivacyBudget]) throws {
        for (name, budget) in budgets {
            guard budget.epsilon.isFinite, budget.epsilon >= 0, budget.delta.isFinite, budget.delta >= 0, budget.delta < 1 else {
                throw PrivacyError(.invalidParameter, "budget of dataset '\(name)' is ε = \(budget.epsilon), δ = \(budget.delta)")
            }
        }
        ledger = Mutex(Ledger(budgets: budgets))
    }

    /// Spends `epsilon` and `delta` on `dataset`, or refuses.
    /// - Throws: ``PrivacyError`` `.budgetExceeded` naming the dataset, the cost and what is
    ///   left; `.invalidParameter` for an unknown dataset or a cost that is not positive.
    public func spend(_ dataset: String, epsilon: Double, delta: Double = 0) throws {
        guard epsilon.isFinite, epsilon > 0, delta.isFinite, delta >= 0 else {
            throw PrivacyError(.invalidParameter, "a query must cost a positive, finite ε (got \(epsilon)) and δ ≥ 0 (got \(delta))")
        }
        try ledger.withLock { ledger throws(PrivacyError) in
            guard let budget = ledger.budgets[dataset] else {
                throw PrivacyError(.invalidParameter, "dataset '\(dataset)' has no privacy budget")
            }
            let spent = ledger.spent[dataset] ?? PrivacyBudget(epsilon: 0)
            // A tiny tolerance lets budgets split into decimal shares (0.1 + 0.2 + 0.7) be spent exactly.
            let tolerance = 1e-12
            guard spent.epsilon + epsilon <= budget.epsilon + tolerance, spent.delta + delta <= budget.delta + tolerance else {
                throw PrivacyError(.budgetExceeded, "dataset '\(dataset)': the query costs ε = \(epsilon), δ = \(delta), "
                    + "but only ε = \(max(budget.epsilon - spent.epsilon, 0)), δ = \(max(budget.delta - spent.delta, 0)) is left")
            }
            ledger.spent[dataset] = PrivacyBudget(epsilon: spent.epsilon + epsilon, delta: spent.delta + delta)
        }
    }

    /// What is left of a dataset's budget, or nil for an unknown dataset.
    public func remaining(_ dataset: String) -> PrivacyBudget? {
        ledger.withLock { ledger in
            guard let budget = ledger.budgets[dataset] else { return nil }
            let spent = ledger.spent[dataset] ?? PrivacyBudget(epsilon: 0)
            return PrivacyBudget(epsilon: max(budget.epsilon - spent.epsilon, 0), delta: max(budget.delta - spent.delta, 0))
        }
    }
}
