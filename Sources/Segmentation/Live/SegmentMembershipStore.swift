import CustomerModel

/// Stores who is in which segment, so that membership survives the process and other
/// services can read it.
///
/// Batch-oriented like the other stores: apply many changes at once, read members a page
/// at a time in ``StoreOrder`` (ascending customer id). ``InMemorySegmentMembershipStore`` is
/// the in-memory implementation; `SegmentMembershipStoreConformance` in
/// PrecisionMarketingTesting checks any other.
public protocol SegmentMembershipStore: Sendable {
    /// Applies changes in order: `entered` adds the membership, `exited` removes it. Applying
    /// a change that is already in effect does nothing.
    /// - Throws: ``StoreError`` `.invalidArgument` for an empty segment or customer id.
    func apply(_ changes: [SegmentMembershipChange]) async throws
    /// Up to `limit` members of `segmentID` after `cursor`, ascending by customer id.
    /// - Throws: ``StoreError`` `.invalidArgument` when `limit` is below 1.
    func members(of segmentID: String, after cursor: PageCursor?, limit: Int) async throws -> Page<CustomerID>
    /// The segments each customer is in (sorted ids); customers in none are absent.
    func segments(of customers: [CustomerID]) async throws -> [CustomerID: [String]]
    /// The number of members of `segmentID`.
    func count(of segmentID: String) async throws -> Int
    /// Removes every membership of these customers (erasure); returns how many were removed.
    func deleteCustomers(_ customers: [CustomerID]) async throws -> Int
}

extension SegmentMembershipStore {
    /// Every member of `segmentID`, read page by page.
    /// - Complexity: O(members) reads of `pageSize`.
    public func allMembers(of segmentID: String, pageSize: Int = 1_000) async throws -> [CustomerID] {
        var all: [CustomerID] = []
        var cursor: PageCursor?
        repeat {
            let page = try await members(of: segmentID, after: cursor, limit: pageSize)
            all.append(contentsOf: page.elements)
            cursor = page.nextCursor
        } while cursor != nil
        return all
    }
}
