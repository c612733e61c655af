/// An error in data-quality settings: a weight that is negative or not finite, no weight at all.
public struct DataQualityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The code's name.
        public var description: String { name }
        /// A weight or score is negative, NaN or infinite.
        public static let invalidWeight = Code("invalidWeight")
        /// All weights are zero.
        public static let zeroTotalWeight = Code("zeroTotalWeight")
        /// Two lists that must be parallel have different lengths.
        public static let lengthMismatch = Code("lengthMismatch")
        /// A range is empty or inverted (a decay that ends before it starts).
        public static let invalidRange = Code("invalidRange")
    }

    /// The kind of failure.
    public let code: Code
    /// A sentence for people naming the setting and its value.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
