/// Remembers which automation occasions have fired, so each fires once.
///
/// `Sendable`, `async throws` and batch-oriented like every store of the library, so a
/// database can back it; ``InMemoryAutomationLedger`` is the in-memory implementation.
public protocol AutomationLedger: Sendable {
    /// Records `keys` and returns, for each, whether it was new (true) or had fired before.
    /// A key repeated within the batch is new only the first time.
    func claim(_ keys: [String]) async throws -> [Bool]

    /// Forgets keys (for example the occasions of an erased customer); returns how many existed.
    func remove(_ keys: [String]) async throws -> Int

    /// Every key of a customer whose keys contain `|customerID|` or end with `|customerID`.
    func keys(ofCustomer customerID: String) async throws -> [String]
}

/// An in-memory ``AutomationLedger``.
public actor InMemoryAutomationLedger: AutomationLedger {
    private var fired: Set<String> = []

    /// Creates an empty ledger.
    public init() {}

    public func claim(_ keys: [String]) -> [Bool] {
        keys.map { fired.insert($0).inserted }
    }

    public func remove(_ keys: [String]) -> Int {
        keys.reduce(0) { $0 + (fired.remove($1) == nil ? 0 : 1) }
    }

    public func keys(ofCustomer customerID: String) -> [String] {
        fired.filter { key in
            let parts = key.split(separator: "|", omittingEmptySubsequences: false)
            return parts.count >= 2 && parts[1] == customerID
        }.sorted()
    }
}
