/// An error from a social computation: invalid parameters or inconsistent input.
///
/// Per-row problems of an import are rejections in the ``CustomerModel/ImportReport``, not
/// errors; this type is for inputs handed over as values (columns, edges, parameters).
public struct SocialError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        init(_ name: String) { self.name = name }
        public var description: String { name }
        /// A parameter is out of its valid range (a ratio, a depth, a damping factor, a window).
        public static let invalidParameter = Code("invalidParameter")
        /// Input values are inconsistent (column lengths differ, an index out of range, a
        /// negative or non-finite weight).
        public static let invalidInput = Code("invalidInput")
        /// Order amounts in more than one currency were handed to one analysis.
        public static let mixedCurrencies = Code("mixedCurrencies")
    }

    /// The kind of failure.
    public let code: Code
    /// A sentence naming the parameter or value at fault.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
