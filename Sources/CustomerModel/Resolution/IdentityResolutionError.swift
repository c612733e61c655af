/// An error from identity resolution or from a merge history.
public struct IdentityResolutionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The code's name.
        public var description: String { name }

        /// Two input profiles have the same customer id.
        public static let duplicateCustomerID = Code("duplicateCustomerID")
        /// A merge with that id is already in the history.
        public static let duplicateMergeID = Code("duplicateMergeID")
        /// No merge with that id is in the history.
        public static let unknownMerge = Code("unknownMerge")
        /// The merge was already undone.
        public static let alreadyUndone = Code("alreadyUndone")
        /// A later, still active merge absorbed this merge's result: undo that one first.
        public static let laterMergeDepends = Code("laterMergeDepends")
    }

    /// The kind of failure.
    public let code: Code
    /// A sentence for people naming the customer or merge concerned.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
