/// The order in which every store returns pages: ascending by the UTF-8 bytes of the key id.
///
/// Byte order is what a SQL database gives with `COLLATE "C"`, so an adapter and the
/// in-memory stores agree on every id, including non-ASCII ones. Customers are keyed by
/// ``CustomerID``, orders by ``OrderID``, interactions by ``EventID``, prospects by
/// ``ProspectID``.
public enum StoreOrder {
    /// True when `lhs` comes before `rhs` in store order.
    /// - Complexity: O(n) in the length of the shorter id.
    @inlinable
    public static func precedes<ID: StringIdentifier>(_ lhs: ID, _ rhs: ID) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    /// Checks a page limit: a store reads at least one record per page.
    /// - Throws: ``StoreError`` `.invalidArgument` when `limit` is below 1.
    public static func validate(limit: Int) throws(StoreError) {
        guard limit >= 1 else {
            throw StoreError(.invalidArgument, "page limit \(limit) is below 1")
        }
    }
}
