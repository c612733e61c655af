import CustomerModel

extension SyntheticDataGenerator {
    /// What to generate: how many customers, over which period, from which seed, and the
    /// parameters of the purchase model. Every default reproduces the model of the peers'
    /// `gen_transactions.py`; see `Documentation/SyntheticData.md`.
    public struct Configuration: Hashable, Sendable {
        /// The number of customers (ids `C0000001` …); at least 1.
        public var customers: Int
        /// The seed of every random stream. Same seed and configuration → same data.
        public var seed: UInt64
        /// The first day of the period (default 2023-01-01).
        public var start: CalendarDay
        /// The last day of the period, inclusive (default 2024-12-31).
        public var end: CalendarDay
        /// The number of catalogue items (ids `I00001` …); default 2000.
        public var items: Int
        /// The number of latent categories (ids `CAT01` …); default 40.
        public var categories: Int
        /// The currency of every amount; default USD.
        public var currency: Currency
        /// The purchase model's parameters.
        public var purchaseModel: PurchaseModel
        /// Shares of deliberately dirty profiles.
        public var dirtyData: DirtyDataShares
        /// Share of customers who browse one category often and never buy from it (default 0.05).
        public var windowShopperShare: Double
        /// Multiplies every interaction rate (default 1; 0 generates no interactions).
        public var interactionIntensity: Double
        /// Whether to generate profiles (default true). Orders do not depend on it.
        public var includesProfiles: Bool
        /// Whether to generate interaction events (default true). Orders do not depend on it.
        public var includesInteractions: Bool

        /// Creates a configuration; every parameter has the documented default.
        public init(
            customers: Int = 1000,
            seed: UInt64 = 42,
            start: CalendarDay = CalendarDay(dayNumber: 19_358),  // 2023-01-01
            end: CalendarDay = CalendarDay(dayNumber: 20_088),  // 2024-12-31
            items: Int = 2000,
            categories: Int = 40,
            currency: Currency = .usd,
            purchaseModel: PurchaseModel = PurchaseModel(),
            dirtyData: DirtyDataShares = DirtyDataShares(),
            windowShopperShare: Double = 0.05,
            interactionIntensity: Double = 1,
            includesProfiles: Bool = true,
            includesInteractions: Bool = true
        ) {
            self.customers = customers
            self.seed = seed
            self.start = start
            self.end = end
            self.items = items
            self.categories = categories
            self.currency = currency
            self.purchaseModel = purchaseModel
            self.dirtyData = dirtyData
            self.windowShopperShare = windowShopperShare
            self.interactionIntensity = interactionIntensity
            self.includesProfiles = includesProfiles
            self.includesInteractions = includesInteractions
        }

        /// Days in the period, both ends included.
        public var days: Int { start.days(to: end) + 1 }
    }

    /// The BG/NBD-like purchase model and the basket model of `gen_transactions.py`.
    public struct PurchaseModel: Hashable, Sendable {
        /// Shape of the per-customer purchase rate λ ~ Gamma(shape, scale) per day (0.8).
        public var rateShape: Double = 0.8
        /// Scale of the purchase rate (1/90: mean rate 0.0089 a day, about 3.2 a year).
        public var rateScale: Double = 1.0 / 90.0
        /// First shape of the dropout probability p ~ Beta(a, b) after each purchase (1).
        public var dropoutA: Double = 1
        /// Second shape of the dropout probability (4: mean 0.2).
        public var dropoutB: Double = 4
        /// Zipf exponent of item popularity (1.0).
        public var zipfExponent: Double = 1
        /// Probability that an order's mission is the first favourite category (0.6).
        public var firstFavouriteShare: Double = 0.6
        /// Probability that it is the second favourite (0.3); otherwise any category by popularity.
        public var secondFavouriteShare: Double = 0.3
        /// Probability that a line is drawn from the mission category, else from the whole catalogue (0.8).
        public var inCategoryShare: Double = 0.8
        /// Weights of 1, 2, 3, 4, 5 lines per order (.35, .28, .18, .12, .07) before duplicates are dropped.
        public var linesPerOrderWeights: [Double] = [0.35, 0.28, 0.18, 0.12, 0.07]
        /// Quantity ~ Geometric(p) with this p (0.75), capped at ``maximumQuantity``.
        public var quantityProbability: Double = 0.75
        /// The largest quantity of a line (9).
        public var maximumQuantity: Int = 9
        /// Median unit price in currency units (20.00); prices are lognormal.
        public var priceMedian: Double = 20
        /// σ of the log unit price (0.8).
        public var priceSigma: Double = 0.8
        /// The lowest unit price in currency units (0.50).
        public var minimumPrice: Double = 0.5

        /// Creates the model with the defaults above.
        public init() {}
    }
}

/// An error for a configuration that cannot generate data (no customers, an empty period,
/// a parameter outside its domain).
public struct SyntheticDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }
        /// A configuration value is out of range.
        public static let invalidConfiguration = Code("invalidConfiguration")
    }

    /// The kind of failure.
    public let code: Code
    /// Which setting, with which value.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
