import CustomerModel

/// What the catalogue knows about one item: its category, descriptive attributes, interest
/// tags, launch date, margin and stock.
///
/// The canonical transactions CSV carries no category, so everything category-based
/// (category affinity, diversity limits, new-item audiences, category replenishment) reads
/// it from an ``ItemCatalog``.
public struct CatalogItem: Sendable, Hashable, Codable {
    /// The item id, as in the transactions.
    public var id: String
    /// The category name (non-empty).
    public var category: String
    /// Descriptive attributes as key/value strings (`brand`, `colour`, `diet`, …).
    public var attributes: [String: String]
    /// Interest tags (`technology`, `healthy-living`), matched against customer interests.
    public var tags: [String]
    /// The day the item went on sale, when known.
    public var launched: CalendarDay?
    /// The gross margin as a share of the price (0.3 for 30 %), when known.
    public var margin: Double?
    /// Whether the item can be sold now.
    public var inStock: Bool

    /// Creates an item.
    public init(
        id: String, category: String, attributes: [String: String] = [:], tags: [String] = [],
        launched: CalendarDay? = nil, margin: Double? = nil, inStock: Bool = true
    ) {
        self.id = id
        self.category = category
        self.attributes = attributes
        self.tags = tags
        self.launched = launched
        self.margin = margin
        self.inStock = inStock
    }
}
