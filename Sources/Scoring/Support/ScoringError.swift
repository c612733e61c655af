/// An error from a scoring computation: invalid parameters or degenerate input.
public struct ScoringError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        init(_ name: String) { self.name = name }
        public var description: String { name }
        /// A parameter is out of its valid range (weights, cut-points, tiles).
        public static let invalidParameter = Code("invalidParameter")
        /// The input cannot be scored (no customers, no orders before the as-of date).
        public static let degenerateInput = Code("degenerateInput")
        /// A sum does not fit in 64-bit minor units.
        public static let overflow = Code("overflow")
    }

    public let code: Code
    public let message: String
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
    public var description: String { "\(code): \(message)" }
}
