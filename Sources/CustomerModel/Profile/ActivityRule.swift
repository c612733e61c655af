/// Decides whether a customer is active or inactive by the recency of their last purchase.
///
/// The rule (the library's addition to SEEDS.md §2): at an as-of day, a customer whose last
/// purchase on or before that day is at most ``inactiveAfterDays`` days old is
/// ``ActivityStatus/active``; an older last purchase makes them ``ActivityStatus/inactive``;
/// a customer without any purchase on or before the as-of day has
/// ``ActivityStatus/neverPurchased``. The default window is 365 days, so a customer who
/// last bought exactly 365 days ago is still active, and one who bought 366 days ago is not.
///
/// ```swift
/// let rule = try ActivityRule(inactiveAfterDays: 180)
/// rule.status(lastPurchase: lastOrderDay, asOf: today)   // .active, .inactive or .neverPurchased
/// ```
public struct ActivityRule: Hashable, Sendable, Codable {
    /// Days without a purchase after which a customer is inactive.
    public let inactiveAfterDays: Int

    /// The default rule: inactive after 365 days without a purchase.
    public static let `default` = ActivityRule(validated: 365)

    /// Creates a rule.
    /// - Throws: ``ActivityRuleError`` `.invalidWindow` when `inactiveAfterDays` is negative.
    public init(inactiveAfterDays: Int = 365) throws(ActivityRuleError) {
        guard inactiveAfterDays >= 0 else {
            throw ActivityRuleError(.invalidWindow, "inactiveAfterDays \(inactiveAfterDays) is negative")
        }
        self.inactiveAfterDays = inactiveAfterDays
    }

    private init(validated days: Int) { inactiveAfterDays = days }

    /// Decodes a rule and validates its window.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(inactiveAfterDays: container.decode(Int.self, forKey: .inactiveAfterDays))
    }

    /// The status of a customer whose last purchase was on `lastPurchase` (nil: never bought).
    ///
    /// A last purchase after `asOf` is outside the as-of view, so it counts as
    /// ``ActivityStatus/neverPurchased``; pass the last purchase on or before `asOf` (or use
    /// ``status(of:asOf:)``) to evaluate a past day.
    public func status(lastPurchase: CalendarDay?, asOf: CalendarDay) -> ActivityStatus {
        guard let lastPurchase, lastPurchase <= asOf else { return .neverPurchased }
        return lastPurchase.days(to: asOf) <= inactiveAfterDays ? .active : .inactive
    }

    /// The status of a customer with these orders, counting only orders on or before `asOf`.
    /// - Complexity: O(n) in the number of orders.
    public func status(of orders: some Sequence<Order>, asOf: CalendarDay) -> ActivityStatus {
        var last: CalendarDay?
        for order in orders where order.date <= asOf {
            if last.map({ order.date > $0 }) ?? true { last = order.date }
        }
        return status(lastPurchase: last, asOf: asOf)
    }

    /// The day after which a customer who last bought on `lastPurchase` becomes inactive.
    public func lastActiveDay(lastPurchase: CalendarDay) -> CalendarDay {
        lastPurchase.adding(days: inactiveAfterDays)
    }
}

/// A customer's activity by purchase recency, as decided by an ``ActivityRule``.
public enum ActivityStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Bought within the rule's window.
    case active
    /// Bought before, but not within the rule's window.
    case inactive
    /// Has not bought on or before the as-of day.
    case neverPurchased
}

/// An error for an ``ActivityRule`` that cannot be built.
public struct ActivityRuleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The code's name.
        public var description: String { name }
        /// The inactivity window is negative.
        public static let invalidWindow = Code("invalidWindow")
    }

    /// The kind of failure.
    public let code: Code
    /// A sentence for people.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The code and the message.
    public var description: String { "\(code): \(message)" }
}
