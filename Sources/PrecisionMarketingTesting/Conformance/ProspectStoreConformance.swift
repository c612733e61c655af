import CustomerModel

/// The conformance suite every ``ProspectStore`` implementation must pass.
///
/// Throws a ``ConformanceFailure`` naming the check on the first violation. `makeStore`
/// must return a new, empty store for each check.
///
/// ```swift
/// try await ProspectStoreConformance { InMemoryProspectStore() }.run()
/// ```
public struct ProspectStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any ProspectStore

    /// Creates the suite with a factory of new, empty stores.
    public init(makeStore: @escaping @Sendable () async throws -> any ProspectStore) {
        self.makeStore = makeStore
    }

    /// Runs every check in turn.
    public func run() async throws {
        try await checkUpsertAndRead()
        try await checkPaging()
        try await checkUpdateAndDelete()
        try await checkBadInput()
        try await checkConcurrency()
    }

    private func check(_ name: String) -> ConformanceCheck {
        ConformanceCheck(suite: "ProspectStoreConformance", check: name)
    }

    /// Upserted prospects read back equal, by ids in the order asked, and are counted.
    public func checkUpsertAndRead() async throws {
        let c = check("upsertAndRead")
        let store = try await makeStore()
        try c.expect(try await store.count() == 0, "a new store is not empty")
        let prospects = [
            ConformanceFixtures.prospect("p-2", referredBy: "ann"),
            ConformanceFixtures.prospect("p-1"),
            ConformanceFixtures.prospect("p-3", referredBy: "ann", city: "Graz"),
        ]
        try await store.upsert(prospects)
        try c.expect(try await store.count() == 3, "count is not 3 after upserting 3")
        let read = try await store.prospects(for: ["p-3", "missing", "p-1"])
        try c.expect(read.map(\.id) == ["p-3", "p-1"], "prospects(for:) returned \(read.map(\.id)), expected [p-3, p-1]")
        try c.expect(read.allSatisfy { prospects.contains($0) }, "a prospect did not read back equal to what was stored")
        let referred = try await store.prospects(referredBy: "ann")
        try c.expect(referred.map(\.id) == ["p-2", "p-3"], "prospects referred by ann were \(referred.map(\.id))")
    }

    /// Pages of every size return all prospects once, ascending by prospect id.
    public func checkPaging() async throws {
        let c = check("paging")
        let store = try await makeStore()
        let ids = ConformanceFixtures.ids("p", 0..<33).reversed() + ConformanceFixtures.awkwardIDs
        try await store.upsert(ids.map { ConformanceFixtures.prospect($0) })
        for limit in [1, 5, 42, 100] {
            let keys = try await c.readAllKeys(limit: limit, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
            try c.expectKeys(keys, equal: ids, "paging with limit \(limit)")
        }
    }

    /// Upserting replaces (the later of two in a batch wins); deleting removes.
    public func checkUpdateAndDelete() async throws {
        let c = check("updateAndDelete")
        let store = try await makeStore()
        try await store.upsert([ConformanceFixtures.prospect("p-1"), ConformanceFixtures.prospect("p-2")])
        try await store.upsert([ConformanceFixtures.prospect("p-1").converted(to: "c-9")])
        try await store.upsert([ConformanceFixtures.prospect("p-2", city: "Oslo"), ConformanceFixtures.prospect("p-2", city: "Bern")])
        try c.expect(try await store.count() == 2, "replacing prospects changed the count")
        try c.expect(try await store.prospect(for: "p-1")?.convertedTo == "c-9", "p-1 was not replaced")
        try c.expect(try await store.prospect(for: "p-2")?[.city] == .string("Bern"), "the later of two upserts of p-2 did not win")
        let deleted = try await store.delete(["p-1", "missing"])
        try c.expect(deleted == 1, "deleting one stored and one unknown id returned \(deleted)")
        try c.expect(try await store.prospect(for: "p-1") == nil, "a deleted prospect still reads back")
        try c.expect(try await store.count() == 1, "count is not 1 after deleting 1 of 2")
    }

    /// Invalid arguments throw ``StoreError`` and store nothing.
    public func checkBadInput() async throws {
        let c = check("badInput")
        let store = try await makeStore()
        try await c.expectStoreError(.invalidArgument, "page with limit 0") { _ = try await store.page(after: nil, limit: 0) }
        try await c.expectStoreError(.invalidArgument, "an empty prospect id") {
            try await store.upsert([ConformanceFixtures.prospect("ok"), ConformanceFixtures.prospect("")])
        }
        try c.expect(try await store.count() == 0, "a refused batch stored records")
    }

    /// Many tasks upserting and reading at once lose nothing and never see a broken page.
    public func checkConcurrency() async throws {
        let c = check("concurrency")
        let store = try await makeStore()
        let writers = 8
        let perWriter = 25
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    let ids = ConformanceFixtures.ids("w", (writer * perWriter)..<((writer + 1) * perWriter))
                    for start in stride(from: 0, to: ids.count, by: 5) {
                        try await store.upsert(ids[start..<(start + 5)].map { ConformanceFixtures.prospect($0) })
                    }
                }
            }
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<10 {
                        _ = try await c.readAllKeys(limit: 7, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
                    }
                }
            }
            try await group.waitForAll()
        }
        try c.expect(try await store.count() == writers * perWriter, "count is not \(writers * perWriter) after concurrent upserts")
        let keys = try await c.readAllKeys(limit: 19, key: { $0.id.rawValue }) { try await store.page(after: $0, limit: $1) }
        try c.expectKeys(keys, equal: ConformanceFixtures.ids("w", 0..<(writers * perWriter)), "after concurrent upserts")
    }
}
