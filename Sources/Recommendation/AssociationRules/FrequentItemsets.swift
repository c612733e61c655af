/// The frequent itemsets of a basket set, with their exact basket counts.
///
/// Itemset `k` holds `itemsetItems[itemsetOffsets[k]..<itemsetOffsets[k+1]]`, item indices in
/// item-id order. Itemsets are ordered by count (descending), then size (ascending), then
/// their id lists (ascending), so the order does not depend on how they were found.
public struct FrequentItemsets: Sendable {
    /// Number of baskets the supports are shares of.
    public let basketCount: Int
    /// The minimum support asked for.
    public let minimumSupport: Double
    /// The smallest basket count whose support (count / baskets) reaches ``minimumSupport``.
    public let minimumCount: Int
    /// The longest itemset asked for, if limited.
    public let maximumLength: Int?
    /// Items of itemset `k`: `itemsetOffsets[k]..<itemsetOffsets[k+1]` in ``itemsetItems``.
    public let itemsetOffsets: [Int]
    /// The items of every itemset, back to back, each itemset in id order.
    public let itemsetItems: [Int32]
    /// The number of baskets containing each itemset.
    public let counts: [Int]
    /// The id order of the items.
    public let itemOrder: ItemIDOrder
    private let positions: [[Int32]: Int]

    init(
        basketCount: Int, minimumSupport: Double, minimumCount: Int, maximumLength: Int?,
        itemsets: [(items: [Int32], count: Int)], itemOrder: ItemIDOrder
    ) {
        let rank = itemOrder.rank
        let canonical = itemsets.map { entry in
            (items: entry.items.sorted { rank[Int($0)] < rank[Int($1)] }, count: entry.count)
        }
        let sorted = canonical.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            if a.items.count != b.items.count { return a.items.count < b.items.count }
            return itemOrder.precedes(a.items, b.items)
        }
        var offsets = [0]
        var items = [Int32]()
        var counts = [Int]()
        var positions = [[Int32]: Int]()
        offsets.reserveCapacity(sorted.count + 1)
        counts.reserveCapacity(sorted.count)
        positions.reserveCapacity(sorted.count)
        for entry in sorted {
            positions[entry.items] = counts.count
            items.append(contentsOf: entry.items)
            offsets.append(items.count)
            counts.append(entry.count)
        }
        self.basketCount = basketCount
        self.minimumSupport = minimumSupport
        self.minimumCount = minimumCount
        self.maximumLength = maximumLength
        self.itemsetOffsets = offsets
        self.itemsetItems = items
        self.counts = counts
        self.itemOrder = itemOrder
        self.positions = positions
    }

    /// Number of frequent itemsets.
    public var count: Int { counts.count }

    /// The items of itemset `index`, in id order.
    public func items(at index: Int) -> ArraySlice<Int32> {
        itemsetItems[itemsetOffsets[index]..<itemsetOffsets[index + 1]]
    }

    /// The support of itemset `index`: the share of baskets containing it.
    public func support(at index: Int) -> Double {
        Double(counts[index]) / Double(basketCount)
    }

    /// The position of the itemset made of `items` (in any order), or nil when it is not frequent.
    public func position(of items: some Sequence<Int32>) -> Int? {
        let rank = itemOrder.rank
        let key = items.sorted { rank[Int($0)] < rank[Int($1)] }
        return positions[key]
    }

    /// The basket count of the itemset made of `items`, or nil when it is not frequent.
    public func basketCount(of items: some Sequence<Int32>) -> Int? {
        position(of: items).map { counts[$0] }
    }

    /// How many frequent itemsets there are of each size: `[size: count]`.
    public func countsBySize() -> [Int: Int] {
        var sizes: [Int: Int] = [:]
        for k in 0..<count { sizes[itemsetOffsets[k + 1] - itemsetOffsets[k], default: 0] += 1 }
        return sizes
    }

    /// Looks up an itemset already in canonical (id) order.
    func position(ofCanonical items: [Int32]) -> Int? { positions[items] }
}
