/// An error from the Privacy module: an invalid parameter, an unknown purpose, a privacy
/// budget that a query would exceed, a store that failed during erasure, export or purge.
///
/// Access that is refused for lack of consent is not an error of this kind but an
/// ``AccessDenial`` that names what is missing.
public struct PrivacyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        init(_ name: String) { self.name = name }
        /// The code's name, such as `budgetExceeded`.
        public var description: String { name }

        /// A parameter is out of its valid range (a key too short, a negative epsilon, k below 2).
        public static let invalidParameter = Code("invalidParameter")
        /// A purpose was used that is not registered.
        public static let unknownPurpose = Code("unknownPurpose")
        /// A differentially private query would spend more privacy budget than is left.
        public static let budgetExceeded = Code("budgetExceeded")
        /// A store failed while erasing, exporting or purging (the message names the store).
        public static let storeFailed = Code("storeFailed")
    }

    /// The kind of failure.
    public let code: Code
    /// A sentence for people naming the value, record or store at fault.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The code and the message.
    public var description: String { "\(code): \(message)" }
}
