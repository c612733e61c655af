import CustomerModel

/// Purchase cycles per customer and category (``ReplenishmentAnalysis/runByCategory(on:catalog:asOf:)``):
/// the entries of ``cycles`` name a category index where per-item cycles name an item.
public struct CategoryReplenishmentCycles: Sendable {
    /// The cycles; `cycles.items[e]` (and `cycles[e].item`) is a category index.
    public let cycles: ReplenishmentCycles
    /// The category names of the catalogue; a category index is a position here.
    public let categoryNames: [String]

    /// Number of entries.
    public var count: Int { cycles.count }

    /// Entry `index` (its `item` is the category index).
    public subscript(index: Int) -> ReplenishmentCycles.Entry { cycles[index] }

    /// The category name of entry `index`.
    public func category(of index: Int) -> String { categoryNames[Int(cycles.items[index])] }

    /// The entries whose reminder window contains `day`, by due day, then customer, then category.
    public func due(on day: CalendarDay) -> [Int] { cycles.due(on: day) }
}
