/// An association rule A → C ("customers who buy A also buy C") with its basket counts and
/// the standard measures computed from them.
///
/// With N baskets, n(X) the number of baskets containing X and s(X) = n(X)/N:
/// support s(A∪C), confidence n(A∪C)/n(A), lift = confidence / s(C) = N·n(A∪C)/(n(A)·n(C)),
/// leverage = s(A∪C) − s(A)·s(C), conviction = (1 − s(C)) / (1 − confidence) (infinite when
/// the confidence is 1). Lift is computed from exact integer products, so A → C and C → A
/// have bit-identical lifts.
public struct AssociationRule: Sendable, Hashable, Codable {
    /// The items that trigger the rule, in id order.
    public let antecedent: [Int32]
    /// The items the rule predicts, in id order.
    public let consequent: [Int32]
    /// Baskets containing antecedent and consequent.
    public let count: Int
    /// Baskets containing the antecedent.
    public let antecedentCount: Int
    /// Baskets containing the consequent.
    public let consequentCount: Int
    /// All baskets.
    public let basketCount: Int

    /// Creates a rule from its counts.
    public init(antecedent: [Int32], consequent: [Int32], count: Int, antecedentCount: Int, consequentCount: Int, basketCount: Int) {
        self.antecedent = antecedent
        self.consequent = consequent
        self.count = count
        self.antecedentCount = antecedentCount
        self.consequentCount = consequentCount
        self.basketCount = basketCount
    }

    /// s(A∪C): the share of baskets containing every item of the rule.
    public var support: Double { Double(count) / Double(basketCount) }
    /// s(A): the share of baskets containing the antecedent.
    public var antecedentSupport: Double { Double(antecedentCount) / Double(basketCount) }
    /// s(C): the share of baskets containing the consequent.
    public var consequentSupport: Double { Double(consequentCount) / Double(basketCount) }
    /// n(A∪C)/n(A): the share of baskets with the antecedent that also hold the consequent.
    public var confidence: Double { Double(count) / Double(antecedentCount) }

    /// N·n(A∪C)/(n(A)·n(C)): how much more often A and C occur together than if independent.
    public var lift: Double {
        let (numerator, o1) = count.multipliedReportingOverflow(by: basketCount)
        let (denominator, o2) = antecedentCount.multipliedReportingOverflow(by: consequentCount)
        if o1 || o2 {
            return Double(count) * Double(basketCount) / (Double(antecedentCount) * Double(consequentCount))
        }
        return Double(numerator) / Double(denominator)
    }

    /// s(A∪C) − s(A)·s(C).
    public var leverage: Double { support - antecedentSupport * consequentSupport }

    /// (1 − s(C)) / (1 − confidence); `.infinity` when the confidence is 1.
    public var conviction: Double {
        count == antecedentCount ? .infinity : (1 - consequentSupport) / (1 - confidence)
    }
}
