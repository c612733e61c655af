import CustomerModel

/// The weights of ``NewItemAudience``: score(u) = category · a(u) + attributes · o(u).
public struct NewItemInterestWeights: Sendable, Hashable, Codable {
    /// Weight of the customer's affinity share of the new item's category (default 0.6).
    public var category: Double
    /// Weight of the attribute overlap with the customer's past purchases (default 0.4).
    public var attributes: Double

    /// Creates weights.
    public init(category: Double = 0.6, attributes: Double = 0.4) {
        self.category = category
        self.attributes = attributes
    }

    /// - Throws: ``RecommendationError`` `.invalidParameter` unless both are finite, ≥ 0 and
    ///   one is positive.
    public func validate() throws(RecommendationError) {
        guard category.isFinite, attributes.isFinite, category >= 0, attributes >= 0, category + attributes > 0 else {
            throw RecommendationError(.invalidParameter, "new-item weights must be finite, ≥ 0 and not both 0, not \(category) and \(attributes)")
        }
    }
}

/// One customer's interest in a new item, with the two parts of the score.
public struct CustomerInterest: Sendable, Hashable, Codable {
    /// The customer index (of the ``CategoryAffinity``: snapshot customers, then browsing-only ones).
    public let customer: Int
    /// The customer id.
    public let customerID: CustomerID
    /// category weight · affinity + attribute weight · overlap.
    public let score: Double
    /// a(u): the customer's affinity share of the item's category.
    public let categoryAffinity: Double
    /// o(u): the attribute overlap with the customer's past purchases, in [0, 1].
    public let attributeOverlap: Double

    /// Creates an entry.
    public init(customer: Int, customerID: CustomerID, score: Double, categoryAffinity: Double, attributeOverlap: Double) {
        self.customer = customer
        self.customerID = customerID
        self.score = score
        self.categoryAffinity = categoryAffinity
        self.attributeOverlap = attributeOverlap
    }
}

/// Who to tell about a new item: customers ranked by their affinity to its category and by how
/// much their past purchases share its attributes.
///
/// For a new item with category c and attribute pairs P = {(key, value)}:
/// - a(u) is u's affinity share of c (``CategoryAffinity``; 0 when c is not in the catalogue);
/// - o(u) = (1/|P|) Σ_{p ∈ P} m(u, p), where m(u, p) is the share of u's distinct catalogued
///   items bought before the affinity's as-of day that carry attribute p (0 when P is empty
///   or u bought nothing catalogued);
/// - score(u) = w_c · a(u) + w_a · o(u) (``NewItemInterestWeights``).
///
/// Customers who already bought the item (when its id is in the snapshot) and customers with
/// score 0 are left out; ties go to the smaller customer id.
public struct NewItemAudience: Sendable {
    /// The purchases.
    public let snapshot: CustomerSnapshot
    /// The catalogue (categories and attributes of the bought items).
    public let catalog: ItemCatalog
    /// The customers' category affinity (built from `snapshot` and `catalog`).
    public let affinity: CategoryAffinity
    /// The weights.
    public let weights: NewItemInterestWeights

    /// Creates the ranking.
    /// - Throws: ``RecommendationError`` `.invalidParameter` for invalid weights or an affinity
    ///   built from another snapshot or catalogue.
    public init(snapshot: CustomerSnapshot, catalog: ItemCatalog, affinity: CategoryAffinity, weights: NewItemInterestWeights = NewItemInterestWeights()) throws(RecommendationError) {
        try weights.validate()
        guard affinity.snapshotCustomerCount == snapshot.customerCount, affinity.categoryNames == catalog.categories else {
            throw RecommendationError(.invalidParameter, "the category affinity was built from another snapshot or catalogue")
        }
        self.snapshot = snapshot
        self.catalog = catalog
        self.affinity = affinity
        self.weights = weights
    }

    /// The `count` customers most likely to want `item`, best first.
    /// - Throws: ``RecommendationError`` `.invalidParameter` for a negative count.
    /// - Complexity: O(lines + customers + interested · log interested), in parallel over customers.
    public func audience(for item: CatalogItem, count: Int = 100) throws(RecommendationError) -> [CustomerInterest] {
        guard count >= 0 else { throw RecommendationError(.invalidParameter, "the audience size must be at least 0, not \(count)") }
        let category = catalog.categoryIndex(named: item.category) ?? -1
        let pairs = item.attributes
        // hits[i]: how many of the new item's attribute pairs snapshot item i carries; -1 not catalogued.
        let positions = catalog.positions(for: snapshot)
        let hits: [Int32] = positions.map { p in
            guard p >= 0 else { return -1 }
            let attributes = catalog.items[Int(p)].attributes
            return Int32(pairs.reduce(0) { $0 + (attributes[$1.key] == $1.value ? 1 : 0) })
        }
        let newItem = (0..<snapshot.itemCount).first { snapshot.itemIDs[$0] == item.id }
        let customers = affinity.customerCount
        let pieces = customers < 16_384 ? 1 : 16
        let limit = affinity.asOf.dayNumber
        let weights = self.weights
        let pairCount = Double(pairs.count)
        let parts = ParallelLoop.map(pieces) { piece in
            var found: [(customer: Int, a: Double, o: Double)] = []
            var seen = [Int32](repeating: -1, count: snapshot.itemCount)
            for u in (customers * piece / pieces)..<(customers * (piece + 1) / pieces) {
                let a = category >= 0 ? affinity.share(customer: u, category: category) : 0
                var o = 0.0
                var boughtIt = false
                if u < snapshot.customerCount {
                    var distinct = 0, matched = 0
                    for order in snapshot.orders(ofCustomer: u) where snapshot.orderDays[order] < limit {
                        for line in snapshot.lines(ofOrder: order) {
                            let i = Int(snapshot.lineItems[line])
                            if i == newItem { boughtIt = true }
                            guard seen[i] != Int32(u) else { continue }
                            seen[i] = Int32(u)
                            guard hits[i] >= 0 else { continue }
                            distinct += 1
                            matched += Int(hits[i])
                        }
                    }
                    if let newItem, !boughtIt {
                        // Bought on or after the as-of day still counts as bought.
                        for order in snapshot.orders(ofCustomer: u) where snapshot.orderDays[order] >= limit {
                            if snapshot.lines(ofOrder: order).contains(where: { Int(snapshot.lineItems[$0]) == newItem }) { boughtIt = true }
                        }
                    }
                    if distinct > 0, pairCount > 0 { o = Double(matched) / (pairCount * Double(distinct)) }
                }
                let score = weights.category * a + weights.attributes * o
                if !boughtIt, score > 0 { found.append((u, a, o)) }
            }
            return found
        }
        let id: (Int) -> CustomerID = { u in
            u < self.snapshot.customerCount ? self.snapshot.customerID(at: u) : self.affinity.browsingOnlyCustomerIDs[u - self.snapshot.customerCount]
        }
        let interests = parts.joined().map { entry in
            CustomerInterest(
                customer: entry.customer, customerID: id(entry.customer), score: weights.category * entry.a + weights.attributes * entry.o,
                categoryAffinity: entry.a, attributeOverlap: entry.o)
        }
        guard count > 0 else { return [] }
        // Rank by score alone, keep the top `count` and everyone tied with the last of them,
        // then break the ties by id on that short list only.
        var ranked = interests.sorted { $0.score > $1.score }
        if ranked.count > count {
            let cutoff = ranked[count - 1].score
            ranked = Array(ranked.prefix { $0.score >= cutoff })
        }
        return Array(ranked.sorted {
            $0.score != $1.score ? $0.score > $1.score : $0.customerID.rawValue.utf8.lexicographicallyPrecedes($1.customerID.rawValue.utf8)
        }.prefix(count))
    }
}
