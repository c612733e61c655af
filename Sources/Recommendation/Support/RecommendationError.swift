/// An error from a recommendation computation: an invalid parameter or input that cannot be used.
public struct RecommendationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        init(_ name: String) { self.name = name }
        public var description: String { name }
        /// A parameter is out of its valid range (support, confidence, K, N).
        public static let invalidParameter = Code("invalidParameter")
        /// An item or customer index is not in the data it refers to.
        public static let unknownIndex = Code("unknownIndex")
        /// The result would be too large to compute (a frequent itemset with too many items).
        public static let resultTooLarge = Code("resultTooLarge")
    }

    /// What went wrong.
    public let code: Code
    /// What is wrong, naming the parameter or value.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
