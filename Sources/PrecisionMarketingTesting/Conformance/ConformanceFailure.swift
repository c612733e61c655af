/// A violation found by a store conformance suite: which suite, which check, and what differed.
///
/// Thrown as an ordinary error, so the suites work under Swift Testing, XCTest or a plain
/// executable.
public struct ConformanceFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The suite, such as `CustomerStoreConformance`.
    public let suite: String
    /// The check within the suite, such as `paging`.
    public let check: String
    /// What was expected and what the store did.
    public let message: String

    /// Creates a failure.
    public init(suite: String, check: String, message: String) {
        self.suite = suite
        self.check = check
        self.message = message
    }

    /// `suite.check: message`.
    public var description: String { "\(suite).\(check): \(message)" }
}
