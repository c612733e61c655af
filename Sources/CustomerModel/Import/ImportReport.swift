/// Why one input row was rejected.
///
/// Extensible: importers add reasons as static members. Reports count rejections by reason.
public struct RejectionReason: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { name }
    public static func < (lhs: RejectionReason, rhs: RejectionReason) -> Bool { lhs.name < rhs.name }
    public init(from decoder: any Decoder) throws {
        name = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    /// A quote opened and not closed, or text after a closing quote.
    public static let malformedQuoting = RejectionReason("malformedQuoting")
    /// More or fewer fields than the header.
    public static let wrongColumnCount = RejectionReason("wrongColumnCount")
    /// A required id is empty.
    public static let emptyID = RejectionReason("emptyID")
    /// A date that is not `YYYY-MM-DD` or not a real day.
    public static let invalidDate = RejectionReason("invalidDate")
    /// A real date outside the accepted range.
    public static let dateOutOfRange = RejectionReason("dateOutOfRange")
    /// A quantity that is not a positive integer.
    public static let invalidQuantity = RejectionReason("invalidQuantity")
    /// An amount that is not a plain decimal (including `nan`, `inf`, exponents).
    public static let invalidAmount = RejectionReason("invalidAmount")
    /// A negative amount.
    public static let negativeAmount = RejectionReason("negativeAmount")
    /// More decimals than the currency's minor unit allows.
    public static let tooManyDecimals = RejectionReason("tooManyDecimals")
    /// An amount too large for 64-bit minor units.
    public static let amountOverflow = RejectionReason("amountOverflow")
    /// A currency code that is not ISO 4217.
    public static let unknownCurrency = RejectionReason("unknownCurrency")
    /// A line that is not valid JSON, or JSON of the wrong shape.
    public static let malformedJSON = RejectionReason("malformedJSON")
    /// A required field is missing.
    public static let missingField = RejectionReason("missingField")
    /// A field has a value of the wrong type or an invalid value.
    public static let invalidField = RejectionReason("invalidField")
    /// The same record id appears twice in one input.
    public static let duplicateRecord = RejectionReason("duplicateRecord")
    /// Bytes that are not valid UTF-8.
    public static let invalidEncoding = RejectionReason("invalidEncoding")
}

/// One rejected row: where it is, which column, and why.
public struct ImportRejection: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 1-based line number in the input (the header is line 1 in CSV).
    public var line: Int
    /// The column (CSV header name or JSON field) at fault, when one is.
    public var column: String?
    /// The reason.
    public var reason: RejectionReason
    /// A sentence for people, quoting the offending value (truncated).
    public var message: String

    public init(line: Int, column: String?, reason: RejectionReason, message: String) {
        self.line = line
        self.column = column
        self.reason = reason
        self.message = message
    }

    public var description: String {
        "line \(line)\(column.map { ", column \($0)" } ?? ""): \(reason): \(message)"
    }
}

/// What an import did: rows read, kept and rejected (by reason), and every rejection.
public struct ImportReport: Hashable, Sendable, Codable {
    /// Data rows read (not counting the header or blank lines).
    public var rowsRead: Int
    /// Rows kept.
    public var rowsKept: Int
    /// Every rejection, in input order.
    public var rejections: [ImportRejection]

    public init(rowsRead: Int = 0, rowsKept: Int = 0, rejections: [ImportRejection] = []) {
        self.rowsRead = rowsRead
        self.rowsKept = rowsKept
        self.rejections = rejections
    }

    /// Rows rejected.
    public var rowsRejected: Int { rejections.count }

    /// Rejection counts by reason.
    public var rejectionsByReason: [RejectionReason: Int] {
        rejections.reduce(into: [:]) { $0[$1.reason, default: 0] += 1 }
    }

    /// Adds another report's counts and rejections (for chunked or parallel imports).
    public mutating func merge(_ other: ImportReport) {
        rowsRead += other.rowsRead
        rowsKept += other.rowsKept
        rejections.append(contentsOf: other.rejections)
    }
}

/// An error that stops an import as a whole (as opposed to a per-row rejection): a missing
/// or malformed header, a duplicate header column, input that is not text.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }
        /// The input has no header line.
        public static let missingHeader = Code("missingHeader")
        /// A required column is not in the header.
        public static let missingColumn = Code("missingColumn")
        /// The same column name appears twice in the header.
        public static let duplicateColumn = Code("duplicateColumn")
        /// The header is not valid CSV.
        public static let malformedHeader = Code("malformedHeader")
        /// An option is invalid (an unknown currency, an empty date range).
        public static let invalidOption = Code("invalidOption")
        /// A record handed to the library as a value is invalid (a quantity out of range).
        public static let invalidRecord = Code("invalidRecord")
    }

    public let code: Code
    public let message: String
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
    public var description: String { "\(code): \(message)" }
}
