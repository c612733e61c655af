import CustomerModel

/// The purchase cycles found by ``ReplenishmentAnalysis``, one entry per customer and item
/// with a cycle, as columns (customers in snapshot order, items in index order per customer).
public struct ReplenishmentCycles: Sendable {
    /// Orders before this day were used.
    public let asOf: CalendarDay
    /// The customer index of each entry.
    public let customers: [Int32]
    /// The item index of each entry.
    public let items: [Int32]
    /// Distinct purchase days of the item by the customer.
    public let purchaseCounts: [Int32]
    /// The day number of the last purchase.
    public let lastPurchaseDays: [Int32]
    /// The median interval between purchases, in days.
    public let cycleDays: [Double]
    /// Half the width of the reminder window, in days (median absolute deviation, at least 1).
    public let windowDays: [Int32]
    /// The day number when the next purchase is due.
    public let dueDays: [Int32]

    /// Number of entries.
    public var count: Int { customers.count }

    /// Where the next purchase of an entry stands on a given day.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Before the reminder window.
        case notYetDue
        /// Inside the reminder window: time to remind.
        case due
        /// After the reminder window without a purchase (before the as-of day).
        case overdue
    }

    /// One entry as values.
    public struct Entry: Sendable, Hashable {
        /// The customer index.
        public let customer: Int
        /// The item index.
        public let item: Int
        /// Distinct purchase days.
        public let purchases: Int
        /// The last purchase.
        public let lastPurchase: CalendarDay
        /// The median interval in days.
        public let cycleDays: Double
        /// The day the next purchase is due.
        public let due: CalendarDay
        /// The days on which a reminder fits.
        public let window: ClosedRange<CalendarDay>
    }

    /// Entry `index`.
    public subscript(index: Int) -> Entry {
        let due = dueDays[index]
        return Entry(
            customer: Int(customers[index]), item: Int(items[index]), purchases: Int(purchaseCounts[index]),
            lastPurchase: CalendarDay(dayNumber: lastPurchaseDays[index]), cycleDays: cycleDays[index],
            due: CalendarDay(dayNumber: due),
            window: CalendarDay(dayNumber: due - windowDays[index])...CalendarDay(dayNumber: due + windowDays[index]))
    }

    /// Where entry `index` stands on `day`.
    public func status(of index: Int, on day: CalendarDay) -> Status {
        let d = day.dayNumber
        if d < dueDays[index] - windowDays[index] { return .notYetDue }
        if d > dueDays[index] + windowDays[index] { return .overdue }
        return .due
    }

    /// The entries whose reminder window contains `day`, by due day, then customer, then item.
    /// - Complexity: O(entries + due · log due).
    public func due(on day: CalendarDay) -> [Int] {
        (0..<count).filter { status(of: $0, on: day) == .due }.sorted {
            (dueDays[$0], customers[$0], items[$0]) < (dueDays[$1], customers[$1], items[$1])
        }
    }
}
