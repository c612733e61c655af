#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Draws each customer's interaction events from its own stream, with rates tied to its
/// purchase rate, engagement and favourite categories, then sorts all events by time.
///
/// Per customer, over its active window (30 days before the first purchase to the end of
/// the period), with base rate `r = intensity · engagement · (0.5 λ + 0.002)` a day:
/// browse `Poisson(r·w)`, search `0.3 r·w`, click `0.4 r·w`, like `0.12 r·w`, share
/// `0.04 r·w`, comment `0.03 r·w`; app users add app use at `0.004 · intensity · engagement`
/// a day; window shoppers add `5 + Poisson(0.025 · w)` browses (and a third as many
/// searches) of the category they never buy. After each order: a service contact with
/// probability 0.06, a complaint with 0.03, a satisfaction rating with 0.12 (0.8 after a
/// complaint, and then lower). Eight campaigns a year; each reaches a customer active at
/// its launch with probability `0.08 · engagement`.
struct InteractionSimulation {
    struct Key: Comparable {
        var seconds: Int64
        var customer: Int32
        var sequence: Int32
        static func < (a: Key, b: Key) -> Bool {
            (a.seconds, a.customer, a.sequence) < (b.seconds, b.customer, b.sequence)
        }
    }

    let configuration: SyntheticDataGenerator.Configuration
    let catalogue: ItemCatalogue
    let sampler: CatalogueSampler
    private var pending: [InteractionEvent] = []
    private var keys: [Key] = []

    private static let placeholder = EventID("")
    private static let tracking = Provenance.Method.tracking
    private static let responses = ["opened", "clicked", "converted", "unsubscribed"]
    private static let responseTable = CatalogueSampler.cumulative([0.6, 0.25, 0.1, 0.05])
    private static let ratingTable = CatalogueSampler.cumulative([0.03, 0.05, 0.15, 0.37, 0.40])
    private static let unhappyRatingTable = CatalogueSampler.cumulative([0.35, 0.30, 0.20, 0.10, 0.05])

    init(configuration: SyntheticDataGenerator.Configuration, catalogue: ItemCatalogue, sampler: CatalogueSampler) {
        self.configuration = configuration
        self.catalogue = catalogue
        self.sampler = sampler
    }

    mutating func run(traits: [SyntheticCustomerTraits], orderDays: [[Int32]]) {
        pending.reserveCapacity(traits.count * 8)
        keys.reserveCapacity(traits.count * 8)
        for (index, customer) in traits.enumerated() {
            var rng = SeededGenerator(seed: configuration.seed, stream: StreamKind.interactions(index))
            simulate(index, customer, orderDays: orderDays[index], using: &rng)
        }
    }

    private mutating func simulate(_ index: Int, _ traits: SyntheticCustomerTraits, orderDays: [Int32], using rng: inout SeededGenerator) {
        let days = configuration.days
        let first = Int(traits.firstPurchase.dayNumber - configuration.start.dayNumber)
        let windowStart = Swift.max(0, first - 30)
        let window = Double(days - windowStart)
        let intensity = configuration.interactionIntensity * traits.engagement
        let rate = intensity * (0.5 * traits.purchaseRate + 0.002)
        var sequence: Int32 = 0
        var context = (index: index, traits: traits, windowStart: windowStart)

        func count(_ factor: Double, _ rng: inout SeededGenerator) -> Int {
            PoissonDistribution.sample(mean: factor * rate * window, using: &rng)
        }
        for _ in 0..<count(1, &rng) { browse(&context, category: favouriteOrPopular(traits, &rng), &sequence, &rng) }
        for _ in 0..<count(0.3, &rng) { search(&context, category: favouriteOrPopular(traits, &rng), &sequence, &rng) }
        for _ in 0..<count(0.4, &rng) {
            let item = sampler.item(in: favouriteOrPopular(traits, &rng), using: &rng)
            let channel: Channel = UniformDistribution.bernoulli(0.3, using: &rng) ? .email : (traits.usesApp ? .app : .web)
            append(&context, .click, channel, InteractionDetails(itemID: catalogue.items[item], categoryID: catalogue.category(ofItemAt: item)), .tracking, &sequence, &rng)
        }
        for (kind, factor) in [(InteractionKind.like, 0.12), (.share, 0.04), (.comment, 0.03)] {
            for _ in 0..<count(factor, &rng) {
                let item = sampler.item(in: favouriteOrPopular(traits, &rng), using: &rng)
                let channel = [Channel.socialMedia, .wechat, .weibo, .douyin][UniformDistribution.integer(below: 4, using: &rng)]
                let text = kind == .comment ? ProfileVocabulary.comments[UniformDistribution.integer(below: ProfileVocabulary.comments.count, using: &rng)] : nil
                append(&context, kind, channel, InteractionDetails(itemID: catalogue.items[item], categoryID: catalogue.category(ofItemAt: item), text: text), .socialPlatform, &sequence, &rng)
            }
        }
        if traits.usesApp {
            for _ in 0..<PoissonDistribution.sample(mean: 0.004 * intensity * window, using: &rng) {
                let feature = ProfileVocabulary.appFeatures[UniformDistribution.integer(below: ProfileVocabulary.appFeatures.count, using: &rng)]
                let dwell = (90 * PortableMath.exponential(0.8 * NormalDistribution.standard(using: &rng))).rounded()
                append(&context, .appUse, .app, InteractionDetails(dwellSeconds: dwell, feature: feature), .tracking, &sequence, &rng)
            }
        }
        if let wish = traits.windowShoppingIndex {
            let browses = 5 + PoissonDistribution.sample(mean: 0.025 * configuration.interactionIntensity * window, using: &rng)
            for _ in 0..<browses { browse(&context, category: wish, &sequence, &rng) }
            for _ in 0..<(browses / 3) { search(&context, category: wish, &sequence, &rng) }
        }
        for day in orderDays {
            let after = { (rng: inout SeededGenerator) in Swift.min(Int(day) + 1 + UniformDistribution.integer(below: 10, using: &rng), days - 1) }
            if UniformDistribution.bernoulli(0.06 * configuration.interactionIntensity, using: &rng) {
                append(&context, .serviceContact, [Channel.callCentre, .chatbot, .email][UniformDistribution.integer(below: 3, using: &rng)],
                       InteractionDetails(), .customerUpdate, &sequence, &rng, day: after(&rng))
            }
            let complained = UniformDistribution.bernoulli(0.03 * configuration.interactionIntensity, using: &rng)
            if complained {
                let text = ProfileVocabulary.complaints[UniformDistribution.integer(below: ProfileVocabulary.complaints.count, using: &rng)]
                append(&context, .complaint, [Channel.callCentre, .chatbot, .email][UniformDistribution.integer(below: 3, using: &rng)],
                       InteractionDetails(text: text), .customerUpdate, &sequence, &rng, day: after(&rng))
            }
            if UniformDistribution.bernoulli(complained ? 0.8 : 0.12 * configuration.interactionIntensity, using: &rng) {
                let table = complained ? Self.unhappyRatingTable : Self.ratingTable
                let rating = Double(1 + CatalogueSampler.search(table, UniformDistribution.unit(using: &rng)))
                append(&context, .satisfactionRating, traits.usesApp ? .app : .email, InteractionDetails(rating: rating), .survey, &sequence, &rng, day: after(&rng))
            }
        }
        let campaigns = Swift.max(1, days * 8 / 365)
        for campaign in 0..<campaigns {
            let launch = campaign * days / campaigns
            guard launch >= windowStart, UniformDistribution.bernoulli(0.08 * intensity, using: &rng) else { continue }
            let response = Self.responses[CatalogueSampler.search(Self.responseTable, UniformDistribution.unit(using: &rng))]
            let channel = [Channel.email, .sms, .appPush][UniformDistribution.integer(below: 3, using: &rng)]
            let id = CampaignID(IdentifierFormat.make("CMP", campaign + 1, width: 3))
            append(&context, .campaignResponse, channel, InteractionDetails(campaignID: id, response: response), .tracking, &sequence, &rng,
                   day: Swift.min(launch + UniformDistribution.integer(below: 7, using: &rng), days - 1))
        }
    }

    private func favouriteOrPopular(_ traits: SyntheticCustomerTraits, _ rng: inout SeededGenerator) -> Int {
        let u = UniformDistribution.unit(using: &rng)
        if u < 0.45 { return traits.favouriteIndices.0 }
        if u < 0.7 { return traits.favouriteIndices.1 }
        let category = sampler.popularCategory(using: &rng)
        return category == traits.windowShoppingIndex ? traits.favouriteIndices.0 : category
    }

    private mutating func browse(_ context: inout (index: Int, traits: SyntheticCustomerTraits, windowStart: Int), category: Int, _ sequence: inout Int32, _ rng: inout SeededGenerator) {
        let item = sampler.item(in: category, using: &rng)
        let path = ["/", "/c/" + catalogue.categoryNames[category], "/i/" + catalogue.items[item].rawValue]
        let dwell = (40 * PortableMath.exponential(0.9 * NormalDistribution.standard(using: &rng))).rounded()
        let channel: Channel = context.traits.usesApp && UniformDistribution.bernoulli(0.5, using: &rng) ? .app : .web
        append(&context, .browse, channel, InteractionDetails(
            path: path, dwellSeconds: dwell, itemID: catalogue.items[item], categoryID: catalogue.categories[category]), .tracking, &sequence, &rng)
    }

    private mutating func search(_ context: inout (index: Int, traits: SyntheticCustomerTraits, windowStart: Int), category: Int, _ sequence: inout Int32, _ rng: inout SeededGenerator) {
        let query = catalogue.categoryNames[category] + (UniformDistribution.bernoulli(0.3, using: &rng) ? " sale" : "")
        let channel: Channel = context.traits.usesApp && UniformDistribution.bernoulli(0.5, using: &rng) ? .app : .web
        append(&context, .search, channel, InteractionDetails(query: query, categoryID: catalogue.categories[category]), .tracking, &sequence, &rng)
    }

    private mutating func append(
        _ context: inout (index: Int, traits: SyntheticCustomerTraits, windowStart: Int), _ kind: InteractionKind, _ channel: Channel,
        _ details: InteractionDetails, _ method: Provenance.Method, _ sequence: inout Int32, _ rng: inout SeededGenerator, day: Int? = nil
    ) {
        let offset = day ?? (context.windowStart + UniformDistribution.integer(below: configuration.days - context.windowStart, using: &rng))
        let seconds = Int64(configuration.start.adding(days: offset).dayNumber) * 86_400
            + Int64(UniformDistribution.integer(below: 86_400, using: &rng))
        let date = Date(timeIntervalSince1970: Double(seconds))
        let collection: Provenance.CollectionChannel = method == .survey ? .survey : (channel == .inStore ? .offline : .online)
        let provenance = Provenance(ownership: .own, method: method, channel: collection, observedAt: date)
        pending.append(InteractionEvent(
            id: Self.placeholder, customerID: context.traits.customerID, kind: kind, occurredAt: date, channel: channel,
            details: details, provenance: provenance))
        keys.append(Key(seconds: seconds, customer: Int32(context.index), sequence: sequence))
        sequence += 1
    }

    /// The events in time order (ties by customer, then draw order), numbered `E0000000001` ….
    func makeEvents() -> [InteractionEvent] {
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        var events: [InteractionEvent] = []
        events.reserveCapacity(order.count)
        for (number, index) in order.enumerated() {
            var event = pending[index]
            event.id = EventID(IdentifierFormat.make("E", number + 1, width: 10))
            events.append(event)
        }
        return events
    }
}
