import CustomerModel
import Scoring

/// One condition of the segment language: a predicate over a customer, as a tree.
///
/// Build one in Swift (directly, or with the helpers of ``SegmentCondition``'s builder
/// extension) or read it from JSON (``SegmentDefinition/init(json:limits:)``); both give the
/// same value, and ``json`` writes it back. Every windowed measure counts what happened in
/// the `days` days before the as-of day (the as-of day itself excluded), or all history
/// before the as-of day when the window is nil.
///
/// A customer without a value for what a comparison asks (no birth date, no order, no
/// score) satisfies no comparison, not even `!=`; wrap a condition in ``not(_:)`` to select
/// those customers.
public indirect enum SegmentCondition: Hashable, Sendable {
    /// Every condition holds (true for an empty list is not allowed: validation rejects it).
    case all([SegmentCondition])
    /// At least one condition holds.
    case any([SegmentCondition])
    /// The condition does not hold.
    case not(SegmentCondition)
    /// A test on a profile attribute; the pseudo-field `age` is whole years at the as-of day.
    case attribute(ProfileField, AttributeTest)
    /// The customer carries the tag.
    case tag(Tag)
    /// A comparison on a named score: `value` (the value score 1…5), `rfm.r`, `rfm.f`,
    /// `rfm.m` (RFM scores 1…5), or a score the caller supplies (churn risk, CLV, …).
    case score(String, NumericTest)
    /// The value tier is one of these.
    case valueTier(Set<ValueTier>)
    /// The named RFM segment is one of these.
    case rfmSegment(Set<RFMSegment>)
    /// A comparison on a measure of behaviour.
    case behaviour(BehaviourMetric, NumericTest)
    /// The customer has given consent for this purpose.
    case consent(String)
    /// The customer is a member of another segment of the same catalog (by id).
    case segment(String)
}

/// A comparison with a number.
public enum NumericTest: Hashable, Sendable {
    /// `==`
    case equal(Double)
    /// `!=` (a missing value still fails)
    case notEqual(Double)
    /// `<`
    case less(Double)
    /// `<=`
    case lessOrEqual(Double)
    /// `>`
    case greater(Double)
    /// `>=`
    case greaterOrEqual(Double)
    /// Both bounds inclusive.
    case between(Double, Double)

    /// Whether `x` passes; NaN (missing) never passes.
    @inlinable
    public func holds(_ x: Double) -> Bool {
        switch self {
        case .equal(let v): return x == v
        case .notEqual(let v): return !x.isNaN && x != v
        case .less(let v): return x < v
        case .lessOrEqual(let v): return x <= v
        case .greater(let v): return x > v
        case .greaterOrEqual(let v): return x >= v
        case .between(let low, let high): return x >= low && x <= high
        }
    }

    /// The operator as written in JSON.
    public var operatorSymbol: String {
        switch self {
        case .equal: "=="
        case .notEqual: "!="
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        case .between: "between"
        }
    }

    /// The same test with every bound multiplied by `factor` (currency units to minor units).
    func scaled(by factor: Double) -> NumericTest {
        switch self {
        case .equal(let v): .equal(v * factor)
        case .notEqual(let v): .notEqual(v * factor)
        case .less(let v): .less(v * factor)
        case .lessOrEqual(let v): .lessOrEqual(v * factor)
        case .greater(let v): .greater(v * factor)
        case .greaterOrEqual(let v): .greaterOrEqual(v * factor)
        case .between(let a, let b): .between(a * factor, b * factor)
        }
    }

    var bounds: [Double] {
        switch self {
        case .equal(let v), .notEqual(let v), .less(let v), .lessOrEqual(let v), .greater(let v), .greaterOrEqual(let v): [v]
        case .between(let a, let b): [a, b]
        }
    }
}

/// A test on a profile attribute.
public enum AttributeTest: Hashable, Sendable {
    /// The attribute is present and not empty.
    case exists
    /// The attribute equals the value (a number attribute compares numerically).
    case equals(AttributeValue)
    /// The attribute is present and differs from the value.
    case notEquals(AttributeValue)
    /// The attribute equals one of the values.
    case oneOf([AttributeValue])
    /// A list attribute has the element, or a string attribute equals it.
    case contains(String)
    /// A number attribute (or `age`) passes the comparison.
    case numeric(NumericTest)
}

/// A measure of a customer's behaviour over a window of days before the as-of day.
public enum BehaviourMetric: Hashable, Sendable {
    /// Distinct orders in the window.
    case orders(days: Int?)
    /// Spend in currency units in the window, in one category or all.
    case spend(days: Int?, category: CategoryID?)
    /// Interaction events of a kind in the window, in one category or all.
    case events(kind: InteractionKind, days: Int?, category: CategoryID?)
    /// Days from the last order before the as-of day to the as-of day (missing without one).
    case daysSinceLastPurchase
    /// Days from the first order before the as-of day to the as-of day: the customer's
    /// tenure (missing without one).
    case daysSinceFirstPurchase
    /// Distinct categories among browse events in the window.
    case distinctCategoriesBrowsed(days: Int?)
    /// Browse events in the window (in the category, if given) when the customer ordered
    /// nothing in that window (in that category); zero when they did.
    case browsesWithoutOrder(days: Int, category: CategoryID?)

    /// The metric's name in JSON.
    public var name: String {
        switch self {
        case .orders: "orders"
        case .spend: "spend"
        case .events: "events"
        case .daysSinceLastPurchase: "daysSinceLastPurchase"
        case .daysSinceFirstPurchase: "daysSinceFirstPurchase"
        case .distinctCategoriesBrowsed: "distinctCategoriesBrowsed"
        case .browsesWithoutOrder: "browsesWithoutOrder"
        }
    }

    /// The window in days, if any.
    public var days: Int? {
        switch self {
        case .orders(let d), .spend(let d, _), .events(_, let d, _), .distinctCategoriesBrowsed(let d): d
        case .browsesWithoutOrder(let d, _): d
        case .daysSinceLastPurchase, .daysSinceFirstPurchase: nil
        }
    }

    /// The category, if any.
    public var category: CategoryID? {
        switch self {
        case .spend(_, let c), .events(_, _, let c), .browsesWithoutOrder(_, let c): c
        default: nil
        }
    }

    /// Whether this metric reads interaction events.
    var readsEvents: Bool {
        switch self {
        case .events, .distinctCategoriesBrowsed, .browsesWithoutOrder: true
        default: false
        }
    }
}
