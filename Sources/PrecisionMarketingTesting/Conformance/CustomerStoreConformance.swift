import CustomerModel

/// The conformance suite every ``CustomerStore`` implementation must pass.
///
/// Run it from any test framework; it throws a ``ConformanceFailure`` naming the check on
/// the first violation. `makeStore` must return a new, empty store for each check (an
/// adapter over a database truncates its tables there).
///
/// ```swift
/// @Test func conformsToCustomerStore() async throws {
///     try await CustomerStoreConformance { MyPostgresCustomerStore(pool: pool, schema: fresh()) }.run()
/// }
/// ```
public struct CustomerStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any CustomerStore

    /// Creates the suite with a factory of new, empty stores.
    public init(makeStore: @escaping @Sendable () async throws -> any CustomerStore) {
        self.makeStore = makeStore
    }

    /// Runs every check in turn.
    public func run() async throws {
        try await checkUpsertAndRead()
        try await checkPaging()
        try await checkUpdate()
        try await checkDelete()
        try await checkBadInput()
        try await checkConcurrency()
    }

    private func check(_ name: String) -> ConformanceCheck {
        ConformanceCheck(suite: "CustomerStoreConformance", check: name)
    }

    /// Upserted profiles read back equal, by ids in the order asked, and are counted.
    public func checkUpsertAndRead() async throws {
        let c = check("upsertAndRead")
        let store = try await makeStore()
        try c.expect(try await store.count() == 0, "a new store is not empty")
        let profiles = ConformanceFixtures.awkwardIDs.map { ConformanceFixtures.profile($0) }
        try await store.upsert(profiles)
        try c.expect(try await store.count() == profiles.count, "count is not \(profiles.count) after upserting \(profiles.count)")
        let asked: [CustomerID] = ["zeta", "missing", "Zulu", "日本"]
        let read = try await store.profiles(for: asked)
        try c.expect(read.map(\.id) == ["zeta", "Zulu", "日本"],
                     "profiles(for:) returned \(read.map(\.id)), expected [zeta, Zulu, 日本] (order of ids, unknown skipped)")
        for profile in read {
            try c.expect(profiles.contains(profile), "profile \(profile.id) did not read back equal to what was stored")
        }
        try c.expect(try await store.profiles(for: []).isEmpty, "profiles(for: []) was not empty")
    }

    /// Pages of every size return all records once, in ascending store order, and are stable.
    public func checkPaging() async throws {
        let c = check("paging")
        let store = try await makeStore()
        let ids = ConformanceFixtures.ids("c", 0..<53).reversed() + ConformanceFixtures.awkwardIDs
        for chunk in stride(from: 0, to: ids.count, by: 10) {
            try await store.upsert(ids[chunk..<min(ids.count, chunk + 10)].map { ConformanceFixtures.profile($0) })
        }
        for limit in [1, 7, 10, 62, 500] {
            let keys = try await c.readAllKeys(limit: limit, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
            try c.expectKeys(keys, equal: ids, "paging with limit \(limit)")
        }
        let first = try await store.page(after: nil, limit: 7)
        try c.expect(first.elements.count == 7 && first.nextCursor != nil, "the first page of 62 records with limit 7 was not full with a next cursor")
        let again = try await store.page(after: nil, limit: 7)
        try c.expect(first.elements == again.elements, "reading the first page twice gave different records")
        let second = try await store.page(after: first.nextCursor, limit: 7)
        let secondAgain = try await store.page(after: first.nextCursor, limit: 7)
        try c.expect(second.elements == secondAgain.elements, "reading from the same cursor twice gave different records")
        let everything = try await store.page(after: nil, limit: ids.count)
        try c.expect(everything.elements.count == ids.count && everything.nextCursor == nil,
                     "a page as large as the store did not hold everything with no next cursor")
    }

    /// Upserting an existing id replaces it; the later of two in one batch wins.
    public func checkUpdate() async throws {
        let c = check("update")
        let store = try await makeStore()
        try await store.upsert([ConformanceFixtures.profile("a"), ConformanceFixtures.profile("b")])
        try await store.upsert([ConformanceFixtures.profile("a", email: "new@example.com", offset: 1)])
        try c.expect(try await store.count() == 2, "replacing a profile changed the count")
        let a = try await store.profile(for: "a")
        try c.expect(a?.email == "new@example.com", "profile a was not replaced (email \(a?.email ?? "nil"))")
        try await store.upsert([
            ConformanceFixtures.profile("b", email: "first@example.com"),
            ConformanceFixtures.profile("b", email: "second@example.com"),
        ])
        let b = try await store.profile(for: "b")
        try c.expect(b?.email == "second@example.com", "the later of two upserts of b in one batch did not win")
        try c.expect(try await store.count() == 2, "count is not 2 after updates")
    }

    /// Deleting removes records from reads, pages and the count; unknown ids are ignored.
    public func checkDelete() async throws {
        let c = check("delete")
        let store = try await makeStore()
        let ids = ConformanceFixtures.ids("d", 0..<30)
        try await store.upsert(ids.map { ConformanceFixtures.profile($0) })
        let deleted = try await store.delete([CustomerID(ids[3]), CustomerID(ids[4]), "missing", CustomerID(ids[3])])
        try c.expect(deleted == 2, "delete of 2 stored ids, one unknown and one repeated returned \(deleted), expected 2")
        try c.expect(try await store.count() == 28, "count is not 28 after deleting 2 of 30")
        try c.expect(try await store.profile(for: CustomerID(ids[3])) == nil, "a deleted profile still reads back")
        // Delete and insert while paging: no record seen twice, none of those present throughout missed.
        let first = try await store.page(after: nil, limit: 10)
        _ = try await store.delete([CustomerID(ids[15])])
        try await store.upsert([ConformanceFixtures.profile("d-0011x"), ConformanceFixtures.profile("a-before")])
        var keys = first.elements.map(\.id.rawValue)
        keys += try await c.readAllKeys(limit: 10, key: { $0.id.rawValue }) { cursor, limit in
            try await store.page(after: cursor ?? first.nextCursor, limit: limit)
        }
        var expected = Set(ids)
        expected.subtract([ids[3], ids[4], ids[15]])
        expected.insert("d-0011x")
        try c.expectKeys(keys, equal: expected, "paging across a delete and inserts")
    }

    /// Invalid arguments throw ``StoreError`` and store nothing.
    public func checkBadInput() async throws {
        let c = check("badInput")
        let store = try await makeStore()
        try await c.expectStoreError(.invalidArgument, "page with limit 0") { _ = try await store.page(after: nil, limit: 0) }
        try await c.expectStoreError(.invalidArgument, "page with limit -1") { _ = try await store.page(after: nil, limit: -1) }
        try await c.expectStoreError(.invalidArgument, "upsert of an empty customer id") {
            try await store.upsert([ConformanceFixtures.profile("ok"), ConformanceFixtures.profile("")])
        }
        try c.expect(try await store.count() == 0, "a refused batch stored records")
        try c.expect(try await store.delete([]) == 0, "deleting no ids did not return 0")
    }

    /// Many tasks upserting and reading at once lose nothing and never see a broken page.
    public func checkConcurrency() async throws {
        let c = check("concurrency")
        let store = try await makeStore()
        let writers = 8
        let batches = 5
        let batchSize = 5
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for batch in 0..<batches {
                        let start = (writer * batches + batch) * batchSize
                        let ids = ConformanceFixtures.ids("w", start..<(start + batchSize))
                        try await store.upsert(ids.map { ConformanceFixtures.profile($0) })
                    }
                }
            }
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<10 {
                        _ = try await c.readAllKeys(limit: 13, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
                        let count = try await store.count()
                        try c.expect((0...(writers * batches * batchSize)).contains(count), "count \(count) out of range while writing")
                    }
                }
            }
            try await group.waitForAll()
        }
        let total = writers * batches * batchSize
        try c.expect(try await store.count() == total, "count is not \(total) after concurrent upserts")
        let keys = try await c.readAllKeys(limit: 17, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
        try c.expectKeys(keys, equal: ConformanceFixtures.ids("w", 0..<total), "after concurrent upserts")
    }
}
