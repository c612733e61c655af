import CustomerModel

/// The synthetic item catalogue: every item's id, latent category, popularity rank and
/// unit price, as parallel arrays indexed by item number (item `i` is `I` + `i + 1`
/// zero-padded to five digits).
public struct ItemCatalogue: Hashable, Sendable {
    /// Item ids in index order (`I00001`, `I00002`, …).
    public let items: [ItemID]
    /// The category index of each item (into ``categories``).
    public let categoryIndices: [Int]
    /// Global popularity rank of each item, 1 = most popular (a random permutation).
    public let popularityRanks: [Int]
    /// Unit price of each item in minor units of ``currency``.
    public let unitPriceMinorUnits: [Int64]
    /// Category ids in index order (`CAT01`, `CAT02`, …).
    public let categories: [CategoryID]
    /// A readable name per category (`fashion`, `electronics`, …), used in paths and interests.
    public let categoryNames: [String]
    /// The currency of the prices.
    public let currency: Currency

    /// The category of the item at `index`.
    public func category(ofItemAt index: Int) -> CategoryID { categories[categoryIndices[index]] }

    /// The unit price of the item at `index`.
    public func unitPrice(ofItemAt index: Int) -> Money {
        Money(minorUnits: unitPriceMinorUnits[index], currency: currency)
    }

    /// Item id → category id for every item.
    /// - Complexity: O(n).
    public var categoryByItem: [ItemID: CategoryID] {
        var map: [ItemID: CategoryID] = [:]
        map.reserveCapacity(items.count)
        for index in items.indices { map[items[index]] = category(ofItemAt: index) }
        return map
    }

    /// The item number of an id such as `I00042` (41), if it is one of this catalogue's.
    public func index(of item: ItemID) -> Int? {
        let digits = item.rawValue.utf8.dropFirst()
        guard item.rawValue.utf8.first == UInt8(ascii: "I"), !digits.isEmpty,
              digits.allSatisfy({ $0 >= 48 && $0 <= 57 }), let number = Int(String(decoding: digits, as: UTF8.self)),
              number >= 1, number <= items.count
        else { return nil }
        return number - 1
    }

    init(
        items: [ItemID], categoryIndices: [Int], popularityRanks: [Int], unitPriceMinorUnits: [Int64],
        categories: [CategoryID], categoryNames: [String], currency: Currency
    ) {
        self.items = items
        self.categoryIndices = categoryIndices
        self.popularityRanks = popularityRanks
        self.unitPriceMinorUnits = unitPriceMinorUnits
        self.categories = categories
        self.categoryNames = categoryNames
        self.currency = currency
    }
}

/// Zipf-weighted sampling tables over the catalogue: per category, across the whole
/// catalogue, and of categories by their total popularity.
struct CatalogueSampler: Sendable {
    /// Item indices grouped by category, ascending within each.
    let itemsByCategory: [[Int]]
    /// Per category, cumulative normalised weights parallel to ``itemsByCategory``.
    let cumulativeByCategory: [[Double]]
    /// Cumulative normalised weights over all items, in index order.
    let cumulativeGlobal: [Double]
    /// Cumulative normalised category popularity.
    let cumulativeCategories: [Double]

    init(catalogue: ItemCatalogue, exponent: Double) {
        let weights = catalogue.popularityRanks.map { rank in
            exponent == 1 ? 1 / Double(rank)
                : PortableMath.exponential(-exponent * PortableMath.logarithm(Double(rank)))
        }
        var groups = [[Int]](repeating: [], count: catalogue.categories.count)
        for (item, category) in catalogue.categoryIndices.enumerated() { groups[category].append(item) }
        itemsByCategory = groups
        cumulativeByCategory = groups.map { group in CatalogueSampler.cumulative(group.map { weights[$0] }) }
        cumulativeGlobal = CatalogueSampler.cumulative(weights)
        cumulativeCategories = CatalogueSampler.cumulative(groups.map { group in group.reduce(0) { $0 + weights[$1] } })
    }

    /// A category by popularity (never an empty one).
    func popularCategory(using generator: inout some RandomNumberGenerator) -> Int {
        CatalogueSampler.search(cumulativeCategories, UniformDistribution.unit(using: &generator))
    }

    /// A Zipf-weighted item of `category` (which must be non-empty).
    func item(in category: Int, using generator: inout some RandomNumberGenerator) -> Int {
        let u = UniformDistribution.unit(using: &generator)
        return itemsByCategory[category][CatalogueSampler.search(cumulativeByCategory[category], u)]
    }

    /// A Zipf-weighted item of the whole catalogue.
    func anyItem(using generator: inout some RandomNumberGenerator) -> Int {
        CatalogueSampler.search(cumulativeGlobal, UniformDistribution.unit(using: &generator))
    }

    static func cumulative(_ weights: [Double]) -> [Double] {
        var running = 0.0
        var table = weights.map { weight -> Double in
            running += weight
            return running
        }
        guard running > 0 else { return table }
        for index in table.indices { table[index] /= running }
        table[table.count - 1] = 1
        return table
    }

    /// The first index whose cumulative value exceeds `u`, skipping zero-weight entries.
    static func search(_ table: [Double], _ u: Double) -> Int {
        table.withUnsafeBufferPointer { buffer in
            var low = 0
            var high = buffer.count - 1
            while low < high {
                let middle = (low + high) >> 1
                if buffer[middle] > u { high = middle } else { low = middle + 1 }
            }
            return low
        }
    }
}
