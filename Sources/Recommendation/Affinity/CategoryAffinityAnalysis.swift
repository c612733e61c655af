#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Category affinity from purchases and browsing: which categories each customer cares about,
/// recent behaviour weighing more.
///
/// Purchases come from the snapshot (order lines dated before the as-of day; an item's category
/// from the catalogue, items it does not list are skipped); browsing from `browse` interaction
/// events dated before the as-of day, whose category is their `categoryID` or else the catalogue
/// category of their `itemID`. ``CategoryAffinityWeights`` gives the formula. Scores are
/// normalised into shares per customer.
///
/// ```swift
/// let affinity = try CategoryAffinityAnalysis().run(snapshot: snapshot, catalog: catalog,
///                                                   browsing: events, asOf: today)
/// affinity.topCategories(ofCustomer: 7, count: 3)
/// ```
public struct CategoryAffinityAnalysis: Sendable {
    /// The weights and half-life.
    public let weights: CategoryAffinityWeights

    /// Creates the analysis.
    /// - Throws: ``RecommendationError`` `.invalidParameter` from ``CategoryAffinityWeights/validate()``.
    public init(weights: CategoryAffinityWeights = CategoryAffinityWeights()) throws(RecommendationError) {
        try weights.validate()
        self.weights = weights
    }

    /// The affinity of every customer, in parallel over customers.
    /// - Complexity: O(lines + events · log events + entries).
    public func run(
        snapshot: CustomerSnapshot, catalog: ItemCatalog, browsing: [InteractionEvent] = [], asOf: CalendarDay
    ) -> CategoryAffinity {
        let itemCategories = catalog.categoryIndices(for: snapshot)
        let browse = BrowseColumns(events: browsing, snapshot: snapshot, catalog: catalog, asOf: asOf)
        let customers = snapshot.customerCount + browse.browsingOnlyIDs.count
        let pieces = customers < 16_384 ? 1 : 16
        let weights = self.weights
        let categoryCount = catalog.categoryCount
        let unitScale = 1 / Double(snapshot.currency.minorUnitsPerMajor)
        let parts = ParallelLoop.map(pieces) { piece in
            var part = AffinityPiece(categoryCount: categoryCount)
            for u in (customers * piece / pieces)..<(customers * (piece + 1) / pieces) {
                if u < snapshot.customerCount {
                    for o in snapshot.orders(ofCustomer: u) where snapshot.orderDays[o] < asOf.dayNumber {
                        let decay = weights.decay(ageDays: asOf.dayNumber - snapshot.orderDays[o])
                        for line in snapshot.lines(ofOrder: o) {
                            let category = itemCategories[Int(snapshot.lineItems[line])]
                            guard category >= 0 else { continue }
                            let value = weights.quantity * Double(snapshot.lineQuantities[line])
                                + weights.amount * Double(snapshot.lineAmounts[line]) * unitScale
                            part.add(category, decay * value)
                        }
                    }
                }
                for k in browse.offsets[u]..<browse.offsets[u + 1] {
                    let dwell = min(browse.dwellSeconds[k], weights.maximumDwellSeconds)
                    part.add(browse.categories[k], weights.decay(ageDays: browse.ages[k]) * (weights.browse + weights.dwellPerMinute * dwell / 60))
                }
                part.endRow()
            }
            return part
        }
        var offsets = [0]
        offsets.reserveCapacity(customers + 1)
        var categories: [Int32] = [], scores: [Double] = [], shares: [Double] = []
        for part in parts {
            let base = categories.count
            for end in part.ends { offsets.append(base + end) }
            categories += part.categories
            scores += part.scores
            shares += part.shares
        }
        return CategoryAffinity(
            asOf: asOf, categoryNames: catalog.categories, snapshotCustomerCount: snapshot.customerCount,
            browsingOnlyCustomerIDs: browse.browsingOnlyIDs, offsets: offsets, categories: categories, scores: scores,
            shares: shares, ignoredEvents: browse.ignored)
    }
}

/// The rows of one range of customers, built by one thread with a dense tally per category.
private struct AffinityPiece {
    var ends: [Int] = []
    var categories: [Int32] = []
    var scores: [Double] = []
    var shares: [Double] = []
    private var tally: [Double]
    private var touched: [Int32] = []

    init(categoryCount: Int) { tally = [Double](repeating: 0, count: categoryCount) }

    @inline(__always)
    mutating func add(_ category: Int32, _ value: Double) {
        guard value > 0 else { return }
        if tally[Int(category)] == 0 { touched.append(category) }
        tally[Int(category)] += value
    }

    mutating func endRow() {
        touched.sort()
        var total = 0.0
        for c in touched { total += tally[Int(c)] }
        for c in touched {
            categories.append(c)
            scores.append(tally[Int(c)])
            shares.append(tally[Int(c)] / total)
            tally[Int(c)] = 0
        }
        touched.removeAll(keepingCapacity: true)
        ends.append(categories.count)
    }
}

/// Browse events as columns grouped by customer index (snapshot customers, then customers who
/// only browsed, in id order), each with its category, age in days and dwell time.
struct BrowseColumns {
    var offsets: [Int]
    var categories: [Int32] = []
    var ages: [Int32] = []
    var dwellSeconds: [Double] = []
    var browsingOnlyIDs: [CustomerID] = []
    var ignored = 0

    init(events: [InteractionEvent], snapshot: CustomerSnapshot, catalog: ItemCatalog, asOf: CalendarDay) {
        var kept: [(customer: CustomerID, category: Int32, age: Int32, dwell: Double)] = []
        for event in events {
            let day = Self.dayNumber(of: event.occurredAt)
            let category = event.details.categoryID.flatMap { catalog.categoryIndex(named: $0.rawValue) }
                ?? event.details.itemID.flatMap { catalog.categoryIndex(ofItem: $0.rawValue) }
            let dwell = event.details.dwellSeconds ?? 0
            guard event.kind == .browse, day < asOf.dayNumber, let category, dwell.isFinite, dwell >= 0 else {
                ignored += 1
                continue
            }
            kept.append((event.customerID, category, asOf.dayNumber - day, dwell))
        }
        var index: [CustomerID: Int] = [:]
        if !kept.isEmpty { index = snapshot.makeCustomerIndex() }
        let newIDs = Set(kept.map(\.customer).filter { index[$0] == nil }).sorted()
        for (k, id) in newIDs.enumerated() { index[id] = snapshot.customerCount + k }
        browsingOnlyIDs = newIDs
        let customers = snapshot.customerCount + newIDs.count
        var counts = [Int](repeating: 0, count: customers + 1)
        let owners = kept.map { index[$0.customer] ?? 0 }
        for owner in owners { counts[owner + 1] += 1 }
        for u in 0..<customers { counts[u + 1] += counts[u] }
        offsets = counts
        categories = [Int32](repeating: 0, count: kept.count)
        ages = [Int32](repeating: 0, count: kept.count)
        dwellSeconds = [Double](repeating: 0, count: kept.count)
        var next = counts
        for (k, event) in kept.enumerated() {
            let position = next[owners[k]]
            next[owners[k]] += 1
            categories[position] = event.category
            ages[position] = event.age
            dwellSeconds[position] = event.dwell
        }
    }

    /// The UTC day of an instant.
    static func dayNumber(of date: Date) -> Int32 {
        Int32(clamping: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
