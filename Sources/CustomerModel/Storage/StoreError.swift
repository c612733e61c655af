/// An error from a store: a conflicting id, an invalid argument, a cursor the store cannot read.
///
/// Stores throw it for input they refuse; a batch that fails stores nothing. Adapters over a
/// real database use ``Code/unavailable`` for connection and server failures.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The code's name, such as `duplicateID`.
        public var description: String { name }

        /// A record id already belongs to a different record (an order id for another
        /// customer, an interaction event id with other content).
        public static let duplicateID = Code("duplicateID")
        /// An argument is out of range (a page limit below 1) or a record is invalid (an empty id).
        public static let invalidArgument = Code("invalidArgument")
        /// A page cursor that this store did not issue or can no longer read.
        public static let invalidCursor = Code("invalidCursor")
        /// The backing storage failed or could not be reached (adapters only).
        public static let unavailable = Code("unavailable")
    }

    /// The kind of failure.
    public let code: Code
    /// A sentence for people, naming the id or argument at fault.
    public let message: String

    /// Creates a store error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The code and the message.
    public var description: String { "\(code): \(message)" }
}
