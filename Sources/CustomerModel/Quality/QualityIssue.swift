/// One data-quality problem: which customer, which field (or order), what is wrong.
///
/// Reports list these so that someone can go and fix the data.
public struct QualityIssue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The kind of problem. Extensible by name.
    public struct Kind: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
        /// The kind's stable name.
        public let name: String
        /// Creates a kind (for custom checks).
        public init(_ name: String) { self.name = name }
        /// The kind's name.
        public var description: String { name }
        /// Orders kinds by name.
        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.name < rhs.name }
        /// Decodes the kind from its name.
        public init(from decoder: any Decoder) throws { name = try decoder.singleValueContainer().decode(String.self) }
        /// Encodes the kind as its name.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(name)
        }

        /// A required field is absent or empty (completeness).
        public static let missingField = Kind("missingField")
        /// The email is not a syntactically valid address (accuracy).
        public static let invalidEmail = Kind("invalidEmail")
        /// The phone has characters other than digits and separators, or too few or many digits (accuracy).
        public static let invalidPhone = Kind("invalidPhone")
        /// The postcode does not fit the country's pattern (accuracy).
        public static let invalidPostcode = Kind("invalidPostcode")
        /// The birth date is not a calendar date (accuracy).
        public static let invalidBirthDate = Kind("invalidBirthDate")
        /// The birth date is after the as-of date (accuracy).
        public static let birthDateInFuture = Kind("birthDateInFuture")
        /// The age at the as-of date exceeds the maximum (accuracy).
        public static let implausibleAge = Kind("implausibleAge")
        /// An order line has a negative amount (accuracy).
        public static let negativeOrderAmount = Kind("negativeOrderAmount")
        /// An order's lines are in different currencies (accuracy: inconsistent values).
        public static let mixedOrderCurrency = Kind("mixedOrderCurrency")
        /// The profile was not updated for at least the zero-score age (timeliness).
        public static let staleData = Kind("staleData")
    }

    /// The customer concerned.
    public var customerID: CustomerID
    /// The field concerned, when the problem is in a profile field.
    public var field: ProfileField?
    /// The order concerned, when the problem is in an order.
    public var orderID: OrderID?
    /// What is wrong.
    public var kind: Kind
    /// A sentence for people, quoting the value where it helps.
    public var message: String

    /// Creates an issue.
    public init(customerID: CustomerID, field: ProfileField? = nil, orderID: OrderID? = nil, kind: Kind, message: String) {
        self.customerID = customerID
        self.field = field
        self.orderID = orderID
        self.kind = kind
        self.message = message
    }

    /// `customer c1, field email: invalidEmail: 'ann@' is not a valid email address`.
    public var description: String {
        var text = "customer \(customerID)"
        if let field { text += ", field \(field)" }
        if let orderID { text += ", order \(orderID)" }
        return text + ": \(kind): \(message)"
    }
}
