/// Stores customer profiles: the customer database of SEEDS.md §2.
///
/// Batch-oriented so that a database can implement it efficiently. Pages are in
/// ``StoreOrder`` (ascending customer id). Upserting a profile whose id is stored replaces
/// it. Implementations must be safe to call from many tasks at once; a batch that throws
/// stores nothing. ``InMemoryCustomerStore`` is the in-memory implementation, and
/// `CustomerStoreConformance` in PrecisionMarketingTesting checks any implementation.
public protocol CustomerStore: Sendable {
    /// Inserts or replaces profiles; when an id appears twice in the batch, the later one wins.
    /// - Throws: ``StoreError`` `.invalidArgument` for an empty customer id.
    func upsert(_ profiles: [CustomerProfile]) async throws

    /// The stored profiles with these ids, in the order of `ids`; unknown ids are skipped.
    func profiles(for ids: [CustomerID]) async throws -> [CustomerProfile]

    /// Up to `limit` profiles after `cursor` (from the first when `cursor` is nil).
    /// - Throws: ``StoreError`` `.invalidArgument` when `limit` is below 1,
    ///   `.invalidCursor` for a cursor the store cannot read.
    func page(after cursor: PageCursor?, limit: Int) async throws -> Page<CustomerProfile>

    /// Deletes the customers with these ids and returns how many existed.
    func delete(_ ids: [CustomerID]) async throws -> Int

    /// The number of stored customers.
    func count() async throws -> Int
}

extension CustomerStore {
    /// Inserts or replaces one profile.
    public func upsert(_ profile: CustomerProfile) async throws {
        try await upsert([profile])
    }

    /// The profile with `id`, if stored.
    public func profile(for id: CustomerID) async throws -> CustomerProfile? {
        try await profiles(for: [id]).first
    }

    /// Every stored profile in store order, read page by page.
    /// - Complexity: O(n) reads of `pageSize` records.
    public func allProfiles(pageSize: Int = 1_000) async throws -> [CustomerProfile] {
        var all: [CustomerProfile] = []
        var cursor: PageCursor?
        repeat {
            let page = try await page(after: cursor, limit: pageSize)
            all.append(contentsOf: page.elements)
            cursor = page.nextCursor
        } while cursor != nil
        return all
    }
}
