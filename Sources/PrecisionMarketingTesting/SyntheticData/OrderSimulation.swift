import CustomerModel

/// Draws every customer's traits and orders into flat arrays, then sorts the orders into
/// canonical order and builds `Order` values.
struct OrderSimulation {
    struct Draft {
        var day: Int32  // offset from the start of the period
        var customer: Int32
        var lineStart: Int32
        var lineCount: Int32
        var channel: UInt8
    }

    let configuration: SyntheticDataGenerator.Configuration
    let catalogue: ItemCatalogue
    let sampler: CatalogueSampler
    private(set) var traits: [SyntheticCustomerTraits] = []
    private(set) var drafts: [Draft] = []
    private(set) var lineItems: [Int32] = []
    private(set) var lineQuantities: [Int32] = []
    private let customerIDs: [CustomerID]

    static let channels: [Channel] = [.web, .app, .inStore]

    init(configuration: SyntheticDataGenerator.Configuration, catalogue: ItemCatalogue, sampler: CatalogueSampler) {
        self.configuration = configuration
        self.catalogue = catalogue
        self.sampler = sampler
        customerIDs = (0..<configuration.customers).map { CustomerID(IdentifierFormat.make("C", $0 + 1, width: 7)) }
    }

    mutating func run() {
        let n = configuration.customers
        traits.reserveCapacity(n)
        drafts.reserveCapacity(n * 3)
        lineItems.reserveCapacity(n * 8)
        lineQuantities.reserveCapacity(n * 8)
        var pointBuffer: [Double] = []
        for customer in 0..<n {
            var rng = SeededGenerator(seed: configuration.seed, stream: StreamKind.orders(customer))
            let drawn = drawTraits(customer, using: &rng)
            traits.append(drawn)
            drawOrders(customer, drawn, points: &pointBuffer, using: &rng)
        }
    }

    private func drawTraits(_ customer: Int, using rng: inout SeededGenerator) -> SyntheticCustomerTraits {
        let model = configuration.purchaseModel
        let days = configuration.days
        let first = UniformDistribution.integer(below: days, using: &rng)
        let rate = model.rateScale * GammaDistribution.standard(shape: model.rateShape, using: &rng)
        let x = GammaDistribution.standard(shape: model.dropoutA, using: &rng)
        let y = GammaDistribution.standard(shape: model.dropoutB, using: &rng)
        let dropout = x + y > 0 ? x / (x + y) : model.dropoutA / (model.dropoutA + model.dropoutB)
        let favourite1 = sampler.popularCategory(using: &rng)
        let favourite2 = sampler.popularCategory(using: &rng)
        var windowShopping: Int?
        if UniformDistribution.bernoulli(configuration.windowShopperShare, using: &rng) && configuration.categories > 2 {
            for _ in 0..<20 {
                let candidate = sampler.popularCategory(using: &rng)
                if candidate != favourite1 && candidate != favourite2 {
                    windowShopping = candidate
                    break
                }
            }
        }
        let engagement = 0.5 * GammaDistribution.standard(shape: 2, using: &rng)
        let usesApp = UniformDistribution.bernoulli(0.4, using: &rng)
        return SyntheticCustomerTraits(
            customerID: customerIDs[customer], firstPurchase: configuration.start.adding(days: first),
            purchaseRate: rate, dropoutProbability: dropout, favouriteIndices: (favourite1, favourite2),
            windowShoppingIndex: windowShopping, engagement: engagement, usesApp: usesApp,
            categories: catalogue.categories)
    }

    /// The first purchase, then the first `Geometric(p) − 1` points of a Poisson process
    /// of rate λ on the rest of the period (day = floor(t) + 1, capped at the last day).
    private mutating func drawOrders(
        _ customer: Int, _ traits: SyntheticCustomerTraits, points: inout [Double], using rng: inout SeededGenerator
    ) {
        let days = configuration.days
        let first = traits.firstPurchase.dayNumber - configuration.start.dayNumber
        let left = Double(days - 1 - Int(first))
        let allowed = GeometricDistribution.sample(probability: traits.dropoutProbability, using: &rng) - 1
        let count = PoissonDistribution.sample(mean: traits.purchaseRate * left, using: &rng)
        points.removeAll(keepingCapacity: true)
        for _ in 0..<count { points.append(Double(first) + UniformDistribution.unit(using: &rng) * left) }
        points.sort()
        appendOrder(customer, day: first, traits, using: &rng)
        for point in points.prefix(Swift.max(0, allowed)) {
            let day = Swift.min(Int32(point.rounded(.down)) + 1, Int32(days - 1))
            appendOrder(customer, day: day, traits, using: &rng)
        }
    }

    private mutating func appendOrder(_ customer: Int, day: Int32, _ traits: SyntheticCustomerTraits, using rng: inout SeededGenerator) {
        let model = configuration.purchaseModel
        let avoid = traits.windowShoppingIndex ?? -1
        let u = UniformDistribution.unit(using: &rng)
        var mission: Int
        if u < model.firstFavouriteShare {
            mission = traits.favouriteIndices.0
        } else if u < model.firstFavouriteShare + model.secondFavouriteShare {
            mission = traits.favouriteIndices.1
        } else {
            mission = sampler.popularCategory(using: &rng)
            if mission == avoid { mission = traits.favouriteIndices.0 }
        }
        let lines = 1 + CatalogueSampler.search(Self.lineTable(model), UniformDistribution.unit(using: &rng))
        let start = lineItems.count
        for _ in 0..<lines {
            var item = UniformDistribution.bernoulli(model.inCategoryShare, using: &rng)
                ? sampler.item(in: mission, using: &rng) : sampler.anyItem(using: &rng)
            if catalogue.categoryIndices[item] == avoid { item = sampler.item(in: mission, using: &rng) }
            let quantity = Swift.min(
                GeometricDistribution.sample(probability: model.quantityProbability, using: &rng), model.maximumQuantity)
            // Keep items distinct and sorted within the order (insertion into at most 5).
            var position = lineItems.count
            var duplicate = false
            while position > start {
                let previous = Int(lineItems[position - 1])
                if previous == item { duplicate = true; break }
                if previous < item { break }
                position -= 1
            }
            if duplicate { continue }
            lineItems.insert(Int32(item), at: position)
            lineQuantities.insert(Int32(quantity), at: position)
        }
        let channel = UInt8(CatalogueSampler.search(Self.channelTable, UniformDistribution.unit(using: &rng)))
        drafts.append(Draft(
            day: day, customer: Int32(customer), lineStart: Int32(start), lineCount: Int32(lineItems.count - start),
            channel: traits.usesApp ? channel : (channel == 1 ? 0 : channel)))
    }

    private static let channelTable: [Double] = [0.5, 0.8, 1.0]  // web, app, in store

    private static func lineTable(_ model: SyntheticDataGenerator.PurchaseModel) -> [Double] {
        if model.linesPerOrderWeights == defaultLineWeights { return defaultLineTable }
        return CatalogueSampler.cumulative(model.linesPerOrderWeights)
    }

    private static let defaultLineWeights = SyntheticDataGenerator.PurchaseModel().linesPerOrderWeights
    private static let defaultLineTable = CatalogueSampler.cumulative(defaultLineWeights)

    /// The drafts in canonical order: by day (a counting sort), then customer, then the
    /// customer's own order sequence (both already ascending within a day bucket).
    func canonicalOrder() -> [Int] {
        let days = configuration.days
        var counts = [Int](repeating: 0, count: days + 1)
        for draft in drafts { counts[Int(draft.day) + 1] += 1 }
        for day in 0..<days { counts[day + 1] += counts[day] }
        var order = [Int](repeating: 0, count: drafts.count)
        for (index, draft) in drafts.enumerated() {
            order[counts[Int(draft.day)]] = index
            counts[Int(draft.day)] += 1
        }
        return order
    }

    func makeOrders() -> [Order] {
        let currency = catalogue.currency
        let prices = catalogue.unitPriceMinorUnits
        var orders: [Order] = []
        orders.reserveCapacity(drafts.count)
        for (number, index) in canonicalOrder().enumerated() {
            let draft = drafts[index]
            var lines: [OrderLine] = []
            lines.reserveCapacity(Int(draft.lineCount))
            for line in Int(draft.lineStart)..<Int(draft.lineStart + draft.lineCount) {
                let item = Int(lineItems[line])
                let quantity = Int(lineQuantities[line])
                lines.append(OrderLine(
                    itemID: catalogue.items[item], quantity: quantity,
                    amount: Money(minorUnits: Int64(quantity) * prices[item], currency: currency),
                    categoryID: catalogue.category(ofItemAt: item)))
            }
            orders.append(Order(
                id: OrderID(IdentifierFormat.make("O", number + 1, width: 9)), customerID: customerIDs[Int(draft.customer)],
                date: configuration.start.adding(days: Int(draft.day)), lines: lines,
                channel: Self.channels[Int(draft.channel)]))
        }
        return orders
    }

    /// Per customer, the days (offsets) of its orders, in time order.
    func orderDaysByCustomer() -> [[Int32]] {
        var days = [[Int32]](repeating: [], count: configuration.customers)
        for draft in drafts { days[Int(draft.customer)].append(draft.day) }
        return days
    }
}
