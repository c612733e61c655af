/// Where to continue reading a store: an opaque token that a store hands out with a ``Page``.
///
/// Pass `nil` to start from the beginning, then the ``Page/nextCursor`` of each page. The
/// in-memory stores use the id of the last element returned as the token, so a cursor stays
/// valid while records are added or deleted; an adapter may encode anything it can read back.
public struct PageCursor: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The store-specific token.
    public let token: String

    /// Wraps a store-specific token.
    public init(token: String) { self.token = token }

    /// A cursor that continues after the record with `id` in the store's key order.
    public init(after id: some StringIdentifier) { self.token = id.rawValue }

    /// The token.
    public var description: String { token }
}

/// One page of records read from a store, and the cursor to the next page.
public struct Page<Element> {
    /// The records of this page, in the store's key order (see ``StoreOrder``).
    public var elements: [Element]
    /// The cursor for the next page; `nil` when there are no more records.
    public var nextCursor: PageCursor?

    /// Creates a page.
    public init(elements: [Element], nextCursor: PageCursor?) {
        self.elements = elements
        self.nextCursor = nextCursor
    }

    /// True when this is the last page.
    public var isLast: Bool { nextCursor == nil }
}

extension Page: Sendable where Element: Sendable {}
extension Page: Equatable where Element: Equatable {}
extension Page: Hashable where Element: Hashable {}
extension Page: Codable where Element: Codable {}
