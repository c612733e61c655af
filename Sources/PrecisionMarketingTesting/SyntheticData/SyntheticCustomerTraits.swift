import CustomerModel

/// The hidden traits the generator drew for one customer: the ground truth behind its
/// orders and interactions, for tests that check whether an algorithm recovers them.
public struct SyntheticCustomerTraits: Hashable, Sendable {
    /// The customer.
    public let customerID: CustomerID
    /// The day of the first purchase (uniform in the period).
    public let firstPurchase: CalendarDay
    /// Purchases per day while alive, λ ~ Gamma(0.8, scale 1/90).
    public let purchaseRate: Double
    /// Probability of dropping out after each purchase, p ~ Beta(1, 4).
    public let dropoutProbability: Double
    /// The two favourite categories (they may coincide), first one first.
    public let favouriteCategories: [CategoryID]
    /// A category the customer browses often and never buys from, for the share of
    /// "window shoppers" (SEEDS.md §4: potential buyers); nil for everyone else.
    public let browsedWithoutBuyingCategory: CategoryID?
    /// Multiplier of the customer's interaction rates, ~ Gamma(2, scale 0.5) (mean 1).
    public let engagement: Double
    /// Whether the customer uses the app (app-use events, app orders).
    public let usesApp: Bool

    let favouriteIndices: (Int, Int)
    let windowShoppingIndex: Int?

    init(
        customerID: CustomerID, firstPurchase: CalendarDay, purchaseRate: Double, dropoutProbability: Double,
        favouriteIndices: (Int, Int), windowShoppingIndex: Int?, engagement: Double, usesApp: Bool,
        categories: [CategoryID]
    ) {
        self.customerID = customerID
        self.firstPurchase = firstPurchase
        self.purchaseRate = purchaseRate
        self.dropoutProbability = dropoutProbability
        self.favouriteIndices = favouriteIndices
        self.windowShoppingIndex = windowShoppingIndex
        self.favouriteCategories = [categories[favouriteIndices.0], categories[favouriteIndices.1]]
        self.browsedWithoutBuyingCategory = windowShoppingIndex.map { categories[$0] }
        self.engagement = engagement
        self.usesApp = usesApp
    }

    public static func == (lhs: SyntheticCustomerTraits, rhs: SyntheticCustomerTraits) -> Bool {
        lhs.customerID == rhs.customerID && lhs.firstPurchase == rhs.firstPurchase
            && lhs.purchaseRate == rhs.purchaseRate && lhs.dropoutProbability == rhs.dropoutProbability
            && lhs.favouriteCategories == rhs.favouriteCategories
            && lhs.browsedWithoutBuyingCategory == rhs.browsedWithoutBuyingCategory
            && lhs.engagement == rhs.engagement && lhs.usesApp == rhs.usesApp
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(customerID)
        hasher.combine(firstPurchase)
        hasher.combine(purchaseRate)
    }
}
