import Campaigns

/// The conformance suite every ``AutomationLedger`` implementation must pass: claims are
/// exactly-once (within a batch, across batches and under concurrency), removal forgets,
/// and keys are found by customer.
///
/// ```swift
/// try await AutomationLedgerConformance { InMemoryAutomationLedger() }.run()
/// ```
public struct AutomationLedgerConformance: Sendable {
    private let makeLedger: @Sendable () async throws -> any AutomationLedger

    /// Creates the suite with a factory of new, empty ledgers.
    public init(makeLedger: @escaping @Sendable () async throws -> any AutomationLedger) {
        self.makeLedger = makeLedger
    }

    /// Runs every check in turn.
    public func run() async throws {
        try await checkClaimsAreExactlyOnce()
        try await checkRemoveAndLookUp()
        try await checkConcurrentClaims()
    }

    private func check(_ name: String) -> ConformanceCheck {
        ConformanceCheck(suite: "AutomationLedgerConformance", check: name)
    }

    /// A key is new once: repeated in a batch or claimed again later, it is not.
    public func checkClaimsAreExactlyOnce() async throws {
        let c = check("claimsAreExactlyOnce")
        let ledger = try await makeLedger()
        let first = try await ledger.claim(["birthday|a|2026", "welcome|a", "birthday|a|2026"])
        try c.expect(first == [true, true, false], "first claims gave \(first), expected [true, true, false]")
        let again = try await ledger.claim(["welcome|a", "birthday|a|2027"])
        try c.expect(again == [false, true], "second claims gave \(again), expected [false, true]")
        let empty = try await ledger.claim([])
        try c.expect(empty.isEmpty, "an empty batch returned \(empty)")
    }

    /// Removed keys can fire again; keys are listed per customer, sorted.
    public func checkRemoveAndLookUp() async throws {
        let c = check("removeAndLookUp")
        let ledger = try await makeLedger()
        _ = try await ledger.claim(["welcome|a", "trial|a|grinder", "welcome|b", "welcome|ab"])
        let keys = try await ledger.keys(ofCustomer: "a")
        try c.expect(keys == ["trial|a|grinder", "welcome|a"], "keys of a: \(keys)")
        let removed = try await ledger.remove(["welcome|a", "welcome|zzz"])
        try c.expect(removed == 1, "removed \(removed) keys, expected 1")
        let claimed = try await ledger.claim(["welcome|a"])
        try c.expect(claimed == [true], "a removed key could not be claimed again")
    }

    /// Many tasks claiming the same keys: each key is won exactly once.
    public func checkConcurrentClaims() async throws {
        let c = check("concurrentClaims")
        let ledger = try await makeLedger()
        let keys = (0..<50).map { "promotion|c\($0)|1" }
        let wins = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try await ledger.claim(keys).filter { $0 }.count }
            }
            return try await group.reduce(0, +)
        }
        try c.expect(wins == keys.count, "\(wins) claims won for \(keys.count) keys")
    }
}
