#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Segmentation

/// The conformance suite every ``SegmentMembershipStore`` implementation must pass.
///
/// Throws a ``ConformanceFailure`` naming the check on the first violation. `makeStore`
/// must return a new, empty store for each check.
///
/// ```swift
/// try await SegmentMembershipStoreConformance { InMemorySegmentMembershipStore() }.run()
/// ```
public struct SegmentMembershipStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any SegmentMembershipStore

    /// Creates the suite with a factory of new, empty stores.
    public init(makeStore: @escaping @Sendable () async throws -> any SegmentMembershipStore) {
        self.makeStore = makeStore
    }

    /// Runs every check in turn.
    public func run() async throws {
        try await checkEnterAndExit()
        try await checkPaging()
        try await checkDeleteCustomers()
        try await checkBadInput()
        try await checkConcurrency()
    }

    private func check(_ name: String) -> ConformanceCheck {
        ConformanceCheck(suite: "SegmentMembershipStoreConformance", check: name)
    }

    static func change(_ segment: String, _ customer: String, _ direction: SegmentMembershipChange.Direction) -> SegmentMembershipChange {
        SegmentMembershipChange(
            segmentID: segment, customerID: CustomerID(customer), direction: direction, reason: "conformance",
            occurredAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    /// Entries add, exits remove, repeats change nothing, changes apply in batch order.
    public func checkEnterAndExit() async throws {
        let c = check("enterAndExit")
        let store = try await makeStore()
        try c.expect(try await store.count(of: "vip") == 0, "a new store has members")
        try await store.apply([
            Self.change("vip", "b", .entered), Self.change("vip", "a", .entered), Self.change("vip", "a", .entered),
            Self.change("new", "a", .entered), Self.change("new", "c", .entered), Self.change("new", "c", .exited),
            Self.change("lost", "z", .exited),
        ])
        try c.expect(try await store.count(of: "vip") == 2, "vip should have a and b")
        try c.expect(try await store.allMembers(of: "vip") == ["a", "b"], "vip members are not [a, b] in id order")
        try c.expect(try await store.allMembers(of: "new") == ["a"], "new should hold a only (c entered then exited)")
        try c.expect(try await store.count(of: "lost") == 0, "an exit of a non-member created a membership")
        let segments = try await store.segments(of: ["a", "b", "c", "unknown"])
        try c.expect(segments == ["a": ["new", "vip"], "b": ["vip"]], "segments(of:) returned \(segments)")
        try await store.apply([Self.change("vip", "a", .exited)])
        try c.expect(try await store.allMembers(of: "vip") == ["b"], "an exit did not remove the member")
    }

    /// Pages are ascending by UTF-8 bytes of the id, at most `limit` long, and complete.
    public func checkPaging() async throws {
        let c = check("paging")
        let store = try await makeStore()
        let ids = (0..<57).map { "c-\(String($0 * 7919 % 1000))" } + ["Ä", "a", "Z", "z-ü"]
        try await store.apply(ids.map { Self.change("s", $0, .entered) })
        for limit in [1, 5, 100] {
            let keys = try await c.readAllKeys(limit: limit, key: \.rawValue) { cursor, limit in
                try await store.members(of: "s", after: cursor, limit: limit)
            }
            try c.expectKeys(keys, equal: Set(ids), "members with limit \(limit)")
        }
        let empty = try await store.members(of: "none", after: nil, limit: 10)
        try c.expect(empty.elements.isEmpty && empty.nextCursor == nil, "an unknown segment has members")
    }

    /// Deleting customers removes every membership they had and counts them.
    public func checkDeleteCustomers() async throws {
        let c = check("deleteCustomers")
        let store = try await makeStore()
        try await store.apply([
            Self.change("vip", "a", .entered), Self.change("new", "a", .entered), Self.change("vip", "b", .entered),
        ])
        let removed = try await store.deleteCustomers(["a", "a", "x"])
        try c.expect(removed == 2, "deleting a removed \(removed) memberships, expected 2")
        try c.expect(try await store.allMembers(of: "vip") == ["b"], "a is still in vip")
        try c.expect(try await store.count(of: "new") == 0, "a is still in new")
        try c.expect(try await store.segments(of: ["a"]).isEmpty, "a still has segments")
    }

    /// Empty ids and a page limit below 1 are rejected with `.invalidArgument`.
    public func checkBadInput() async throws {
        let c = check("badInput")
        let store = try await makeStore()
        try await c.expectStoreError(.invalidArgument, "an empty segment id") {
            try await store.apply([Self.change("", "a", .entered)])
        }
        try await c.expectStoreError(.invalidArgument, "an empty customer id") {
            try await store.apply([Self.change("s", "", .entered)])
        }
        try await c.expectStoreError(.invalidArgument, "limit 0") {
            _ = try await store.members(of: "s", after: nil, limit: 0)
        }
    }

    /// Concurrent batches from many tasks all take effect.
    public func checkConcurrency() async throws {
        let c = check("concurrency")
        let store = try await makeStore()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for t in 0..<8 {
                group.addTask {
                    try await store.apply((0..<50).map { Self.change("s", "t\(t)-\($0)", .entered) })
                }
            }
            try await group.waitForAll()
        }
        let count = try await store.count(of: "s")
        try c.expect(count == 400, "400 concurrent entries gave \(count) members")
    }
}
