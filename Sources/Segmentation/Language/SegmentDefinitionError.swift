/// An invalid segment definition: malformed JSON, an unknown field or operator, a value of
/// the wrong type, a window that is not positive, a reference that is missing or cyclic, or a
/// definition beyond the size limits.
///
/// ``path`` names where the problem is, in JSONPath form (`$.condition.all[2].days`), for
/// definitions built in Swift as well as for those read from JSON.
public struct SegmentDefinitionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        init(_ name: String) { self.name = name }
        public var description: String { name }
        /// The text is not well-formed JSON.
        public static let invalidJSON = Code("invalidJSON")
        /// An object has a key the language does not know.
        public static let unknownField = Code("unknownField")
        /// A required key is absent.
        public static let missingField = Code("missingField")
        /// A value has the wrong JSON type (a string where a number belongs).
        public static let wrongType = Code("wrongType")
        /// A comparison operator, metric, tier or RFM segment name the language does not know.
        public static let unknownOperator = Code("unknownOperator")
        /// A value of the right type that is not allowed (an empty list, a non-finite number,
        /// an empty name, `between` with its bounds reversed).
        public static let invalidValue = Code("invalidValue")
        /// A window of zero or negative days, or longer than the limit.
        public static let invalidWindow = Code("invalidWindow")
        /// A segment refers to a segment that is not in the catalog.
        public static let missingReference = Code("missingReference")
        /// Segments refer to each other in a cycle.
        public static let cyclicReference = Code("cyclicReference")
        /// Nesting deeper than ``SegmentLimits/maximumDepth``.
        public static let tooDeep = Code("tooDeep")
        /// More clauses or bytes than the limits allow.
        public static let tooLarge = Code("tooLarge")
        /// A score the data does not provide.
        public static let unknownScore = Code("unknownScore")
        /// The definition asks for data the population was built without (item categories,
        /// interaction events).
        public static let missingData = Code("missingData")
        /// Two definitions in one catalog share an id.
        public static let duplicateSegment = Code("duplicateSegment")
    }

    /// What went wrong.
    public let code: Code
    /// Where, as a JSONPath (`$` is the definition itself).
    public let path: String
    /// Why, in words.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, at path: String, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// `code at path: message`.
    public var description: String { "\(code) at \(path): \(message)" }
}
