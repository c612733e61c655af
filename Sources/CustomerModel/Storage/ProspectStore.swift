/// Stores prospects: people who are not yet customers.
///
/// The same shape as ``CustomerStore``: upsert many, read by ids, pages in ``StoreOrder``
/// (ascending prospect id), delete, count. ``InMemoryProspectStore`` is the in-memory
/// implementation; `ProspectStoreConformance` in PrecisionMarketingTesting checks any other.
public protocol ProspectStore: Sendable {
    /// Inserts or replaces prospects; when an id appears twice in the batch, the later one wins.
    /// - Throws: ``StoreError`` `.invalidArgument` for an empty prospect id.
    func upsert(_ prospects: [Prospect]) async throws

    /// The stored prospects with these ids, in the order of `ids`; unknown ids are skipped.
    func prospects(for ids: [ProspectID]) async throws -> [Prospect]

    /// Up to `limit` prospects after `cursor` (from the first when `cursor` is nil).
    /// - Throws: ``StoreError`` `.invalidArgument` when `limit` is below 1.
    func page(after cursor: PageCursor?, limit: Int) async throws -> Page<Prospect>

    /// Deletes the prospects with these ids and returns how many existed.
    func delete(_ ids: [ProspectID]) async throws -> Int

    /// The number of stored prospects.
    func count() async throws -> Int
}

extension ProspectStore {
    /// Inserts or replaces one prospect.
    public func upsert(_ prospect: Prospect) async throws {
        try await upsert([prospect])
    }

    /// The prospect with `id`, if stored.
    public func prospect(for id: ProspectID) async throws -> Prospect? {
        try await prospects(for: [id]).first
    }

    /// Every stored prospect in store order, read page by page.
    /// - Complexity: O(n) reads of `pageSize` records.
    public func allProspects(pageSize: Int = 1_000) async throws -> [Prospect] {
        var all: [Prospect] = []
        var cursor: PageCursor?
        repeat {
            let page = try await page(after: cursor, limit: pageSize)
            all.append(contentsOf: page.elements)
            cursor = page.nextCursor
        } while cursor != nil
        return all
    }

    /// The prospects referred by `customer`, in store order.
    /// - Complexity: O(n): reads every page.
    public func prospects(referredBy customer: CustomerID, pageSize: Int = 1_000) async throws -> [Prospect] {
        try await allProspects(pageSize: pageSize).filter { $0.source.referrer == customer }
    }
}
