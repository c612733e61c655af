/// An error from money arithmetic or parsing. Never a silent wrong result.
public struct MoneyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// Two amounts in different currencies were combined.
        public static let currencyMismatch = Code("currencyMismatch")
        /// The result does not fit in 64-bit minor units.
        public static let overflow = Code("overflow")
        /// The currency code is not known.
        public static let unknownCurrency = Code("unknownCurrency")
        /// The text is not a decimal amount.
        public static let invalidAmount = Code("invalidAmount")
        /// The amount has more decimals than the currency's minor unit allows.
        public static let tooManyDecimals = Code("tooManyDecimals")
        /// The amount is negative where only non-negative amounts are allowed.
        public static let negativeAmount = Code("negativeAmount")
    }

    /// The kind of failure.
    public let code: Code
    /// A sentence for people: what value, what currency.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
