/// Why a campaign computation was refused.
///
/// Errors name what is wrong (the parameter, the template position, the variant) so the
/// message can be shown to the marketer who entered it.
public struct CampaignError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        init(_ name: String) { self.name = name }
        public var description: String { name }
        /// A parameter is out of its valid range (a rate, a weight, a level, a count).
        public static let invalidParameter = Code("invalidParameter")
        /// The data cannot answer the question (no trials, one group empty).
        public static let degenerateInput = Code("degenerateInput")
        /// A content template is malformed (unclosed tag, mismatched section).
        public static let invalidTemplate = Code("invalidTemplate")
        /// A template refers to a field the rendering context does not have.
        public static let unknownField = Code("unknownField")
    }

    /// What went wrong.
    public let code: Code
    /// A message naming the offending value.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
