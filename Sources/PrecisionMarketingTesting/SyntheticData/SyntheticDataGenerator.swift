import CustomerModel
import Dispatch
import Synchronization

/// Generates a deterministic synthetic customer base: an item catalogue, customers with
/// profiles (some deliberately dirty), orders following the BG/NBD-like model of the
/// peers' `gen_transactions.py`, and interaction events.
///
/// Everything comes from ``SeededGenerator`` streams derived from the configuration's
/// seed: the catalogue has its own stream, and every customer has its own streams for
/// traits and orders, for the profile, and for interactions. So the same configuration
/// gives the same data on every platform, and customer `C0000007` has the same traits and
/// order days whether 10 or 100,000 customers are generated (only the order numbers,
/// assigned after sorting, depend on the others).
///
/// ```swift
/// let generator = try SyntheticDataGenerator(configuration: .init(customers: 10_000, seed: 42))
/// let data = generator.generate()
/// let csv = data.transactionsCSV()   // customer_id,order_id,date,item_id,quantity,amount
/// ```
///
/// The model is described in `Documentation/SyntheticData.md`. It follows the peers'
/// model, not numpy's byte stream: the files differ from the peers' files, their
/// statistics agree.
public struct SyntheticDataGenerator: Sendable {
    /// The configuration.
    public let configuration: Configuration

    /// Creates a generator after checking the configuration.
    /// - Throws: ``SyntheticDataError`` when a count is not positive, the period is empty,
    ///   a share is outside [0, 1] or a model parameter outside its domain.
    public init(configuration: Configuration) throws(SyntheticDataError) {
        let c = configuration
        let model = c.purchaseModel
        func require(_ condition: Bool, _ message: String) throws(SyntheticDataError) {
            if !condition { throw SyntheticDataError(.invalidConfiguration, message) }
        }
        try require(c.customers >= 1 && c.customers <= 9_999_999, "customers \(c.customers) is not in 1...9999999")
        try require(c.items >= 1 && c.items <= 99_999, "items \(c.items) is not in 1...99999")
        try require(c.categories >= 1 && c.categories <= 99, "categories \(c.categories) is not in 1...99")
        try require(c.start <= c.end, "the period \(c.start)...\(c.end) is empty")
        try require(c.dirtyData.isValid, "dirty-data shares must be non-negative and sum to at most 1")
        try require((0...1).contains(c.windowShopperShare), "windowShopperShare \(c.windowShopperShare) is not in [0, 1]")
        try require(c.interactionIntensity.isFinite && c.interactionIntensity >= 0, "interactionIntensity must be ≥ 0")
        try require(model.rateShape > 0 && model.rateScale > 0 && model.rateShape.isFinite && model.rateScale.isFinite,
                    "the purchase-rate gamma needs a positive shape and scale")
        try require(model.dropoutA > 0 && model.dropoutB > 0 && model.dropoutA.isFinite && model.dropoutB.isFinite,
                    "the dropout beta needs positive shapes")
        try require(model.zipfExponent >= 0 && model.zipfExponent.isFinite, "zipfExponent must be ≥ 0")
        let shares = [model.firstFavouriteShare, model.secondFavouriteShare, model.inCategoryShare]
        try require(shares.allSatisfy { (0...1).contains($0) } && model.firstFavouriteShare + model.secondFavouriteShare <= 1,
                    "mission and in-category shares must be probabilities")
        try require(!model.linesPerOrderWeights.isEmpty && model.linesPerOrderWeights.allSatisfy { $0 >= 0 && $0.isFinite }
                    && model.linesPerOrderWeights.reduce(0, +) > 0, "linesPerOrderWeights must be non-negative, not all 0")
        try require(model.quantityProbability > 0 && model.quantityProbability <= 1, "quantityProbability must be in (0, 1]")
        try require(model.maximumQuantity >= 1, "maximumQuantity must be ≥ 1")
        try require(model.priceMedian > 0 && model.priceMedian.isFinite && model.priceSigma > 0 && model.priceSigma.isFinite
                    && model.minimumPrice >= 0 && model.minimumPrice.isFinite, "the price model needs a positive median and sigma")
        self.configuration = configuration
    }

    /// Generates the whole dataset.
    /// - Complexity: O(customers + orders + lines + events), plus the sort of events by time.
    public func generate() -> SyntheticDataset {
        let catalogue = makeCatalogue()
        let sampler = CatalogueSampler(catalogue: catalogue, exponent: configuration.purchaseModel.zipfExponent)
        var simulation = OrderSimulation(configuration: configuration, catalogue: catalogue, sampler: sampler)
        simulation.run()
        let customers = simulation.traits
        let orders = simulation.makeOrders()

        // Profiles and interactions are independent of each other: build them on two cores.
        let configuration = configuration
        let profileResult = Mutex<([CustomerProfile], DirtyDataManifest)>(([], DirtyDataManifest()))
        let eventResult = Mutex<[InteractionEvent]>([])
        let orderDays = configuration.includesInteractions ? simulation.orderDaysByCustomer() : []
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0, configuration.includesProfiles {
                var builder = ProfileSimulation(configuration: configuration, catalogue: catalogue)
                builder.run(traits: customers)
                let built = (builder.profiles, builder.manifest)
                profileResult.withLock { $0 = built }
            } else if part == 1, configuration.includesInteractions, configuration.interactionIntensity > 0 {
                var events = InteractionSimulation(configuration: configuration, catalogue: catalogue, sampler: sampler)
                events.run(traits: customers, orderDays: orderDays)
                let built = events.makeEvents()
                eventResult.withLock { $0 = built }
            }
        }
        let (profiles, manifest) = profileResult.withLock { $0 }
        let interactions = eventResult.withLock { $0 }
        return SyntheticDataset(
            configuration: configuration, catalogue: catalogue, customers: customers, profiles: profiles,
            orders: orders, interactions: interactions, dirtyData: manifest)
    }

    /// Generates only the catalogue (the same as ``generate()`` would).
    /// - Complexity: O(items).
    public func makeCatalogue() -> ItemCatalogue {
        let c = configuration
        var rng = SeededGenerator(seed: c.seed, stream: StreamKind.catalogue)
        var ranks = Array(1...c.items)
        UniformDistribution.shuffle(&ranks, using: &rng)
        let categoryIndices = (0..<c.items).map { _ in UniformDistribution.integer(below: c.categories, using: &rng) }
        let perMajor = Double(c.currency.minorUnitsPerMajor)
        let mu = PortableMath.logarithm(c.purchaseModel.priceMedian * perMajor)
        let floor = (c.purchaseModel.minimumPrice * perMajor).rounded(.up)
        let prices = (0..<c.items).map { _ -> Int64 in
            let price = PortableMath.exponential(mu + c.purchaseModel.priceSigma * NormalDistribution.standard(using: &rng))
            return Int64(Swift.min(Swift.max(floor, price.rounded()), 1e15))
        }
        let items = (0..<c.items).map { ItemID(IdentifierFormat.make("I", $0 + 1, width: 5)) }
        let categories = (0..<c.categories).map { CategoryID(IdentifierFormat.make("CAT", $0 + 1, width: 2)) }
        let names = (0..<c.categories).map { index in
            index < ProfileVocabulary.categoryNames.count ? ProfileVocabulary.categoryNames[index] : "category-\(index + 1)"
        }
        return ItemCatalogue(
            items: items, categoryIndices: categoryIndices, popularityRanks: ranks, unitPriceMinorUnits: prices,
            categories: categories, categoryNames: names, currency: c.currency)
    }
}

/// The stream numbers: per customer `index * 4 + part`, the catalogue past every customer.
enum StreamKind {
    static let catalogue: UInt64 = UInt64.max
    static func orders(_ customer: Int) -> UInt64 { UInt64(customer) &* 4 }
    static func profile(_ customer: Int) -> UInt64 { UInt64(customer) &* 4 &+ 1 }
    static func interactions(_ customer: Int) -> UInt64 { UInt64(customer) &* 4 &+ 2 }
}

/// Zero-padded identifiers built from bytes.
enum IdentifierFormat {
    static func make(_ prefix: StaticString, _ number: Int, width: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(prefix.utf8CodeUnitCount + width + 2)
        prefix.withUTF8Buffer { bytes.append(contentsOf: $0) }
        DecimalParser.appendDigits(UInt64(Swift.max(0, number)), minimumWidth: width, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
