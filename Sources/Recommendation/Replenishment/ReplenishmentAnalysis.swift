import CustomerModel

/// Purchase cycles per customer and item, for repurchase reminders at the right moment.
///
/// For each customer and item bought on at least ``minimumPurchases`` distinct days before the
/// as-of day, the **cycle** is the median of the intervals between consecutive purchase days
/// (robust to one long pause or one quick top-up); items bought fewer times get no cycle (a
/// one-off purchase says nothing about a rhythm). The **next due day** is the last purchase
/// plus the cycle (rounded to whole days, halves up), and the **reminder window** is the due
/// day ± the median absolute deviation of the intervals (at least one day), so a regular
/// buyer gets a tight window and an irregular one a wide window.
///
/// ```swift
/// let cycles = try ReplenishmentAnalysis(minimumPurchases: 3).run(on: snapshot, asOf: today)
/// for entry in cycles.due(on: today) { remind(cycles[entry]) }
/// ```
public struct ReplenishmentAnalysis: Sendable {
    /// The fewest distinct purchase days that give a cycle (at least 2: one interval).
    public let minimumPurchases: Int

    /// Creates the analysis.
    /// - Throws: ``RecommendationError`` `.invalidParameter` when `minimumPurchases` < 2.
    public init(minimumPurchases: Int = 3) throws(RecommendationError) {
        guard minimumPurchases >= 2 else {
            throw RecommendationError(.invalidParameter, "a cycle needs at least 2 purchases, not \(minimumPurchases)")
        }
        self.minimumPurchases = minimumPurchases
    }

    /// The cycles of every customer and item from the orders dated before `asOf`, in parallel
    /// over customers.
    /// - Complexity: O(lines · log(lines of a customer)).
    public func run(on snapshot: CustomerSnapshot, asOf: CalendarDay) -> ReplenishmentCycles {
        run(on: snapshot, asOf: asOf, keys: nil)
    }

    /// The cycles of every customer and category: a purchase day of a category is a day with
    /// an order line of any of its items (the catalogue gives each item's category; items it
    /// does not list are skipped). The cycle, due day and window follow the same rules as per
    /// item, so a customer who buys different pet foods every 30 days has a 30-day pet-food cycle.
    /// - Complexity: O(lines · log(lines of a customer)).
    public func runByCategory(on snapshot: CustomerSnapshot, catalog: ItemCatalog, asOf: CalendarDay) -> CategoryReplenishmentCycles {
        let cycles = run(on: snapshot, asOf: asOf, keys: catalog.categoryIndices(for: snapshot))
        return CategoryReplenishmentCycles(cycles: cycles, categoryNames: catalog.categories)
    }

    /// The cycles per customer and key (the item itself when `keys` is nil, else `keys[item]`,
    /// skipping items whose key is negative).
    private func run(on snapshot: CustomerSnapshot, asOf: CalendarDay, keys: [Int32]?) -> ReplenishmentCycles {
        let customers = snapshot.customerCount
        let pieces = customers < 16_384 ? 1 : 16
        let minimum = minimumPurchases
        let parts = ParallelLoop.map(pieces) { piece in
            CyclePiece(
                snapshot: snapshot, customers: (customers * piece / pieces)..<(customers * (piece + 1) / pieces),
                limit: asOf.dayNumber, minimumPurchases: minimum, keys: keys)
        }
        var merged = CyclePiece()
        for part in parts { merged.append(part) }
        return ReplenishmentCycles(
            asOf: asOf, customers: merged.customers, items: merged.items, purchaseCounts: merged.purchases,
            lastPurchaseDays: merged.lastDays, cycleDays: merged.cycles, windowDays: merged.windows, dueDays: merged.dueDays)
    }
}

/// The cycles of one contiguous range of customers, found by one thread.
private struct CyclePiece {
    var customers: [Int32] = []
    var items: [Int32] = []
    var purchases: [Int32] = []
    var lastDays: [Int32] = []
    var cycles: [Double] = []
    var windows: [Int32] = []
    var dueDays: [Int32] = []

    init() {}

    init(snapshot: CustomerSnapshot, customers range: Range<Int>, limit: Int32, minimumPurchases: Int, keys: [Int32]?) {
        var pairs: [(item: Int32, day: Int32)] = []
        var days: [Int32] = []
        var intervals: [Double] = []
        for c in range {
            pairs.removeAll(keepingCapacity: true)
            for o in snapshot.orders(ofCustomer: c) where snapshot.orderDays[o] < limit {
                for line in snapshot.lines(ofOrder: o) {
                    let item = snapshot.lineItems[line]
                    let key = keys?[Int(item)] ?? item
                    if key >= 0 { pairs.append((key, snapshot.orderDays[o])) }
                }
            }
            guard pairs.count >= minimumPurchases else { continue }
            pairs.sort { ($0.item, $0.day) < ($1.item, $1.day) }
            var start = 0
            while start < pairs.count {
                let item = pairs[start].item
                var end = start
                days.removeAll(keepingCapacity: true)
                while end < pairs.count, pairs[end].item == item {
                    if days.last != pairs[end].day { days.append(pairs[end].day) }
                    end += 1
                }
                start = end
                guard days.count >= minimumPurchases, let last = days.last else { continue }
                intervals.removeAll(keepingCapacity: true)
                for k in 1..<days.count { intervals.append(Double(days[k] - days[k - 1])) }
                let cycle = Self.median(&intervals)
                var deviations = intervals.map { abs($0 - cycle) }
                let window = max(1, Int32(Self.median(&deviations).rounded(.toNearestOrAwayFromZero)))
                customers.append(Int32(c))
                items.append(item)
                purchases.append(Int32(days.count))
                lastDays.append(last)
                cycles.append(cycle)
                windows.append(window)
                dueDays.append(last + Int32(cycle.rounded(.toNearestOrAwayFromZero)))
            }
        }
    }

    /// The median (the mean of the middle two for an even count); sorts `values`.
    static func median(_ values: inout [Double]) -> Double {
        values.sort()
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }

    mutating func append(_ other: CyclePiece) {
        customers += other.customers
        items += other.items
        purchases += other.purchases
        lastDays += other.lastDays
        cycles += other.cycles
        windows += other.windows
        dueDays += other.dueDays
    }
}
