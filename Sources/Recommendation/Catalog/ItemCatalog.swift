import CustomerModel

/// The item catalogue: one ``CatalogItem`` per item id, with categories interned to dense
/// indices (in name order) for the analytics.
///
/// ```swift
/// let imported = try ItemCatalog.parseCSV(bytes)        // per-row rejections in imported.report
/// let catalog = imported.catalog
/// let categories = catalog.categoryIndices(for: snapshot)   // category of each snapshot item, -1 unknown
/// ```
public struct ItemCatalog: Sendable {
    /// The items, in input order.
    public let items: [CatalogItem]
    /// The category names in byte order of their UTF-8 text; a category index is a position here.
    public let categories: [String]
    /// The category index of each entry of ``items``.
    public let itemCategories: [Int32]
    private let positionByID: [String: Int]
    private let categoryByName: [String: Int32]

    /// A catalogue of `items`.
    /// - Throws: ``RecommendationError`` `.invalidParameter` for an empty id or category, a
    ///   non-finite margin, or an id listed twice.
    /// - Complexity: O(n log n).
    public init(items: [CatalogItem]) throws(RecommendationError) {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            guard !item.id.isEmpty else { throw RecommendationError(.invalidParameter, "catalog item \(position) has an empty id") }
            guard !item.category.isEmpty else {
                throw RecommendationError(.invalidParameter, "catalog item '\(item.id)' has an empty category")
            }
            if let margin = item.margin, !(margin.isFinite && margin <= 1) {
                throw RecommendationError(.invalidParameter, "catalog item '\(item.id)' has margin \(margin), not a finite share of at most 1")
            }
            if let first = positions[item.id] {
                throw RecommendationError(.invalidParameter, "catalog item '\(item.id)' is listed at \(first) and \(position)")
            }
            positions[item.id] = position
        }
        self.init(validated: items)
    }

    /// A catalogue of items already checked (unique non-empty ids, non-empty categories).
    init(validated items: [CatalogItem]) {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(items.count)
        for (position, item) in items.enumerated() { positions[item.id] = position }
        let names = Set(items.map(\.category)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var byName: [String: Int32] = [:]
        for (index, name) in names.enumerated() { byName[name] = Int32(index) }
        self.items = items
        self.categories = names
        self.itemCategories = items.map { byName[$0.category] ?? -1 }
        self.positionByID = positions
        self.categoryByName = byName
    }

    /// Number of items.
    public var count: Int { items.count }
    /// Number of categories.
    public var categoryCount: Int { categories.count }

    /// The item with id `id`, if listed.
    public subscript(id: String) -> CatalogItem? { positionByID[id].map { items[$0] } }

    /// The category index of the item with id `id`, if listed.
    public func categoryIndex(ofItem id: String) -> Int32? { positionByID[id].map { itemCategories[$0] } }

    /// The index of category `name`, if any item has it.
    public func categoryIndex(named name: String) -> Int32? { categoryByName[name] }

    /// The category index of every item of `snapshot` (by snapshot item index), -1 for an item
    /// the catalogue does not list.
    /// - Complexity: O(snapshot items).
    public func categoryIndices(for snapshot: CustomerSnapshot) -> [Int32] {
        (0..<snapshot.itemCount).map { categoryIndex(ofItem: snapshot.itemIDs[$0]) ?? -1 }
    }

    /// The catalogue entry position of every item of `snapshot`, -1 for an item not listed.
    public func positions(for snapshot: CustomerSnapshot) -> [Int32] {
        (0..<snapshot.itemCount).map { positionByID[snapshot.itemIDs[$0]].map(Int32.init) ?? -1 }
    }

    /// Category by item id, the form ``BusinessRuleContext`` takes for diversity limits.
    public var categoryByItemID: [String: String] {
        Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0.category) })
    }
}

/// A catalogue read from bytes, with the report of rows kept and rejected.
public struct ItemCatalogImport: Sendable {
    /// The catalogue of the valid rows.
    public let catalog: ItemCatalog
    /// Rows read, kept and rejected (line numbers 1-based; the CSV header is line 1).
    public let report: ImportReport
}
