import CustomerModel
import Scoring

/// Builds the conditions of an `all` or `any` block from Swift statements.
///
/// ```swift
/// let lapsingVIPs = SegmentDefinition(id: "lapsing-vips") {
///     SegmentCondition.tier(.high)
///     SegmentCondition.daysSinceLastPurchase(.greater(60))
///     if excludeComplainers { !SegmentCondition.events(.complaint, inLast: 90, .greaterOrEqual(1)) }
/// }
/// ```
///
/// The result is the same ``SegmentCondition`` tree the JSON form reads, so a definition built
/// here writes the JSON a marketer can edit (``SegmentDefinition/json``).
@resultBuilder
public enum SegmentConditionBuilder {
    /// One condition.
    public static func buildExpression(_ condition: SegmentCondition) -> [SegmentCondition] { [condition] }
    /// The conditions of a block, in order.
    public static func buildBlock(_ parts: [SegmentCondition]...) -> [SegmentCondition] { parts.flatMap { $0 } }
    /// An `if` without `else`: nothing when false.
    public static func buildOptional(_ part: [SegmentCondition]?) -> [SegmentCondition] { part ?? [] }
    /// The `if` branch.
    public static func buildEither(first part: [SegmentCondition]) -> [SegmentCondition] { part }
    /// The `else` branch.
    public static func buildEither(second part: [SegmentCondition]) -> [SegmentCondition] { part }
    /// A `for` loop's conditions.
    public static func buildArray(_ parts: [[SegmentCondition]]) -> [SegmentCondition] { parts.flatMap { $0 } }
}

extension SegmentDefinition {
    /// A definition whose members meet every condition of the block (one condition stands alone).
    public init(
        id: String, name: String? = nil, description: String? = nil,
        @SegmentConditionBuilder conditions: () -> [SegmentCondition]
    ) {
        let parts = conditions()
        self.init(id: id, name: name, description: description, condition: parts.count == 1 ? parts[0] : .all(parts))
    }
}

extension SegmentCondition {
    /// Every condition of the block holds.
    public static func allOf(@SegmentConditionBuilder _ conditions: () -> [SegmentCondition]) -> SegmentCondition {
        .all(conditions())
    }

    /// At least one condition of the block holds.
    public static func anyOf(@SegmentConditionBuilder _ conditions: () -> [SegmentCondition]) -> SegmentCondition {
        .any(conditions())
    }

    /// Both hold (nested `all`s are flattened).
    public static func && (lhs: SegmentCondition, rhs: SegmentCondition) -> SegmentCondition {
        var parts: [SegmentCondition] = []
        for side in [lhs, rhs] {
            if case .all(let inner) = side { parts += inner } else { parts.append(side) }
        }
        return .all(parts)
    }

    /// Either holds (nested `any`s are flattened).
    public static func || (lhs: SegmentCondition, rhs: SegmentCondition) -> SegmentCondition {
        var parts: [SegmentCondition] = []
        for side in [lhs, rhs] {
            if case .any(let inner) = side { parts += inner } else { parts.append(side) }
        }
        return .any(parts)
    }

    /// Does not hold.
    public static prefix func ! (condition: SegmentCondition) -> SegmentCondition { .not(condition) }

    /// The attribute equals `value`.
    public static func attribute(_ field: ProfileField, equals value: AttributeValue) -> SegmentCondition {
        .attribute(field, .equals(value))
    }

    /// The attribute equals one of `values`.
    public static func attribute(_ field: ProfileField, in values: [AttributeValue]) -> SegmentCondition {
        .attribute(field, .oneOf(values))
    }

    /// Age in whole years at the as-of day (from the birth date).
    public static func age(_ test: NumericTest) -> SegmentCondition { .attribute("age", .numeric(test)) }

    /// The value tier is one of `tiers`.
    public static func tier(_ tiers: ValueTier...) -> SegmentCondition { .valueTier(Set(tiers)) }

    /// The named RFM segment is one of `segments`.
    public static func rfm(_ segments: RFMSegment...) -> SegmentCondition { .rfmSegment(Set(segments)) }

    /// Orders in the last `days` days (all history when nil).
    public static func orders(inLast days: Int? = nil, _ test: NumericTest) -> SegmentCondition {
        .behaviour(.orders(days: days), test)
    }

    /// Spend in currency units in the last `days` days, in `category` when given.
    public static func spend(inLast days: Int? = nil, category: CategoryID? = nil, _ test: NumericTest) -> SegmentCondition {
        .behaviour(.spend(days: days, category: category), test)
    }

    /// Interaction events of `kind` in the last `days` days, in `category` when given.
    public static func events(
        _ kind: InteractionKind, inLast days: Int? = nil, category: CategoryID? = nil, _ test: NumericTest
    ) -> SegmentCondition {
        .behaviour(.events(kind: kind, days: days, category: category), test)
    }

    /// Days since the last purchase.
    public static func daysSinceLastPurchase(_ test: NumericTest) -> SegmentCondition {
        .behaviour(.daysSinceLastPurchase, test)
    }

    /// Days since the first purchase (tenure).
    public static func daysSinceFirstPurchase(_ test: NumericTest) -> SegmentCondition {
        .behaviour(.daysSinceFirstPurchase, test)
    }

    /// Distinct categories browsed in the last `days` days.
    public static func distinctCategoriesBrowsed(inLast days: Int? = nil, _ test: NumericTest) -> SegmentCondition {
        .behaviour(.distinctCategoriesBrowsed(days: days), test)
    }

    /// Browses in the last `days` days without an order in that window (in `category` when given).
    public static func browsesWithoutOrder(inLast days: Int, category: CategoryID? = nil, _ test: NumericTest) -> SegmentCondition {
        .behaviour(.browsesWithoutOrder(days: days, category: category), test)
    }
}
