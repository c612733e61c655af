import CustomerModel

/// Fills every customer's list from a ``FallbackChain`` of sources: the customer's own
/// repurchases, collaborative filtering, association rules, category-affinity popularity,
/// segment, region and overall popularity, each recommendation carrying where it came from.
///
/// ```swift
/// let recommender = try FallbackChainRecommender(
///     chain: .standard, matrix: matrix, itemItem: cf, replenishment: cycles,
///     affinityPopularity: affinityPopularity, segments: segments, regions: regions, overall: popularity)
/// let list = try recommender.recommend(forCustomer: 7, count: 10)   // [ExplainedRecommendation]
/// let all = try recommender.recommendAll(count: 10)                // items, scores and levels
/// ```
///
/// Scores are each level's own (CF sums, rule confidences, shares), so they rank within a
/// level; the chain's order is the level order. Every source must be built on the same
/// snapshot (the same customer and item indices) as `matrix`.
public struct FallbackChainRecommender: Sendable {
    /// The levels and limits.
    public let chain: FallbackChain
    /// The purchases (what each customer bought).
    public let matrix: PurchaseMatrix
    /// The `collaborativeFiltering` source.
    public let itemItem: ItemItemRecommender?
    /// The `associationRules` source.
    public let associationRules: AssociationRuleRecommender?
    /// The `replenishment` source: entries due on its as-of day are recommended.
    public let replenishment: ReplenishmentCycles?
    /// The `categoryAffinity` source.
    public let affinityPopularity: AffinityPopularity?
    /// The `segmentPopularity` source.
    public let segments: GroupPopularity?
    /// The `regionPopularity` source.
    public let regions: GroupPopularity?
    /// The `overallPopularity` source.
    public let overall: PopularityRecommender?
    /// The category of each item (-1: none), for ``FallbackChain/maximumPerCategory``.
    public let itemCategories: [Int32]?
    /// Replenishment entries of customer u: `replenishmentOffsets[u]..<replenishmentOffsets[u+1]`.
    private let replenishmentOffsets: [Int]
    private let categoryCount: Int

    /// Creates the recommender.
    /// - Parameter itemCategories: the category of each item; when nil, the affinity source's.
    /// - Throws: ``RecommendationError`` `.invalidParameter` for an invalid chain, a level
    ///   whose source is missing, a category limit without item categories, or sources of
    ///   another size than `matrix`.
    public init(
        chain: FallbackChain, matrix: PurchaseMatrix, itemItem: ItemItemRecommender? = nil,
        associationRules: AssociationRuleRecommender? = nil, replenishment: ReplenishmentCycles? = nil,
        affinityPopularity: AffinityPopularity? = nil, segments: GroupPopularity? = nil, regions: GroupPopularity? = nil,
        overall: PopularityRecommender? = nil, itemCategories: [Int32]? = nil
    ) throws(RecommendationError) {
        try chain.validate()
        for level in chain.levels {
            let present: Bool
            switch level {
            case .replenishment: present = replenishment != nil
            case .collaborativeFiltering: present = itemItem != nil
            case .associationRules: present = associationRules != nil
            case .categoryAffinity: present = affinityPopularity != nil
            case .segmentPopularity: present = segments != nil
            case .regionPopularity: present = regions != nil
            case .overallPopularity: present = overall != nil
            }
            guard present else { throw RecommendationError(.invalidParameter, "the chain lists \(level.rawValue) but its source is not given") }
        }
        let customers = matrix.customerCount, items = matrix.itemCount
        let sizes: [(String, Int?, Int?)] = [
            ("itemItem", itemItem?.matrix.customerCount, itemItem?.matrix.itemCount),
            ("affinityPopularity", affinityPopularity?.popularity.matrix.customerCount, affinityPopularity?.popularity.matrix.itemCount),
            ("segments", segments?.popularity.matrix.customerCount, segments?.popularity.matrix.itemCount),
            ("regions", regions?.popularity.matrix.customerCount, regions?.popularity.matrix.itemCount),
            ("overall", overall?.matrix.customerCount, overall?.matrix.itemCount),
            ("associationRules", nil, associationRules?.rules.itemOrder.count),
        ]
        for (name, c, i) in sizes where (c != nil && c != customers) || (i != nil && i != items) {
            throw RecommendationError(.invalidParameter, "\(name) was built for other data than the matrix (\(customers) customers, \(items) items)")
        }
        if let overall, overall.groups != nil {
            throw RecommendationError(.invalidParameter, "the overall popularity source must be built without groups")
        }
        let categories = itemCategories ?? affinityPopularity?.itemCategories
        if let categories, categories.count != items {
            throw RecommendationError(.invalidParameter, "itemCategories has \(categories.count) entries for \(items) items")
        }
        if chain.maximumPerCategory != nil, categories == nil {
            throw RecommendationError(.invalidParameter, "maximumPerCategory needs item categories (a catalogue)")
        }
        var offsets = [Int](repeating: 0, count: customers + 1)
        if let replenishment {
            for entry in 0..<replenishment.count {
                let c = Int(replenishment.customers[entry])
                guard c < customers, Int(replenishment.items[entry]) < items else {
                    throw RecommendationError(.invalidParameter, "the replenishment cycles were built for other data than the matrix")
                }
                offsets[c + 1] += 1
            }
            for c in 0..<customers { offsets[c + 1] += offsets[c] }
        }
        self.chain = chain
        self.matrix = matrix
        self.itemItem = itemItem
        self.associationRules = associationRules
        self.replenishment = replenishment
        self.affinityPopularity = affinityPopularity
        self.segments = segments
        self.regions = regions
        self.overall = overall
        self.itemCategories = categories
        self.replenishmentOffsets = offsets
        self.categoryCount = Int((categories?.max() ?? -1) + 1)
    }

    /// The list of customer `index`, best first, each with its explanation.
    /// - Throws: ``RecommendationError`` `.unknownIndex` for a customer not in the matrix,
    ///   `.invalidParameter` for a negative count.
    /// - Complexity: O(the customer's candidates · levels + items) (a scratch array per call).
    public func recommend(forCustomer index: Int, count: Int = 10) throws(RecommendationError) -> [ExplainedRecommendation] {
        guard count >= 0 else { throw RecommendationError(.invalidParameter, "the number of recommendations must be at least 0, not \(count)") }
        guard index >= 0, index < matrix.customerCount else {
            throw RecommendationError(.unknownIndex, "customer \(index) is not in 0..<\(matrix.customerCount)")
        }
        let budget = chain.candidateCount(for: count)
        let personal = hasHistory(index)
        let cf = personal && chain.levels.contains(.collaborativeFiltering) ? try itemItem?.recommend(forCustomer: index, count: budget) : nil
        let rules = personal && chain.levels.contains(.associationRules)
            ? associationRules?.recommend(forItems: matrix.items(ofCustomer: index), count: budget) : nil
        let scratch = ChainScratch(itemCount: matrix.itemCount, categoryCount: categoryCount)
        scratch.cfItems = cf?.map(\.item) ?? []
        scratch.cfScores = cf?.map(\.score) ?? []
        var entries: [ChainEntry] = []
        fill(customer: index, count: count, rules: rules ?? [], scratch: scratch, into: &entries)
        var result: [ExplainedRecommendation] = []
        for entry in entries { result.append(try explain(entry, customer: index)) }
        return result
    }

    /// The lists of every customer, in parallel: items, scores and the level of each entry.
    /// - Throws: ``RecommendationError`` `.invalidParameter` for a negative count.
    public func recommendAll(count: Int = 10) throws(RecommendationError) -> ChainedRecommendations {
        guard count >= 0 else { throw RecommendationError(.invalidParameter, "the number of recommendations must be at least 0, not \(count)") }
        let budget = chain.candidateCount(for: count)
        let cf = chain.levels.contains(.collaborativeFiltering) ? itemItem : nil
        let rules = chain.levels.contains(.associationRules) ? try associationRules?.recommendAll(matrix: matrix, count: budget) : nil
        let customers = matrix.customerCount
        let pieces = customers < 4096 ? 1 : 64
        let parts = ParallelLoop.map(pieces) { piece in
            let scratch = ChainScratch(itemCount: matrix.itemCount, categoryCount: categoryCount)
            // CF candidates are scored per customer here, so no list of every customer's
            // candidates is ever held.
            let scorer = cf.map { ItemScorer(neighbors: $0.neighbors, itemOrder: $0.matrix.itemOrder, count: budget) }
            var ends: [Int] = [], items: [Int32] = [], scores: [Double] = [], levels: [FallbackLevel] = []
            let range = (customers * piece / pieces)..<(customers * (piece + 1) / pieces)
            ends.reserveCapacity(range.count)
            items.reserveCapacity(range.count * count)
            scores.reserveCapacity(range.count * count)
            levels.reserveCapacity(range.count * count)
            var entries: [ChainEntry] = []
            for u in range {
                entries.removeAll(keepingCapacity: true)
                let personal = hasHistory(u)
                scratch.cfItems.removeAll(keepingCapacity: true)
                scratch.cfScores.removeAll(keepingCapacity: true)
                if personal, let scorer, let cf { scorer.scoreRow(of: u, in: cf.matrix, into: &scratch.cfItems, &scratch.cfScores) }
                fill(
                    customer: u, count: count,
                    rules: personal ? rules?.recommendations(forCustomer: u) ?? [] : [], scratch: scratch, into: &entries)
                for entry in entries {
                    items.append(entry.item)
                    scores.append(entry.score)
                    levels.append(entry.level)
                }
                ends.append(items.count)
            }
            return (ends, items, scores, levels)
        }
        var offsets = [0]
        offsets.reserveCapacity(customers + 1)
        var items: [Int32] = [], scores: [Double] = [], levels: [FallbackLevel] = []
        for part in parts {
            let base = items.count
            for end in part.0 { offsets.append(base + end) }
            items += part.1
            scores += part.2
            levels += part.3
        }
        return ChainedRecommendations(
            recommendations: ItemRecommendations(requestedCount: count, offsets: offsets, items: items, scores: scores), levels: levels)
    }

    private func hasHistory(_ customer: Int) -> Bool {
        matrix.rowOffsets[customer + 1] - matrix.rowOffsets[customer] >= chain.minimumHistoryItems
    }

    /// Runs the levels for one customer; `scratch.cfItems/cfScores` and `rules` are those
    /// levels' candidates (empty when the customer lacks history).
    private func fill(
        customer u: Int, count: Int, rules: [ScoredItem], scratch: ChainScratch, into entries: inout [ChainEntry]
    ) {
        guard count > 0 else { return }
        scratch.begin(customer: u, matrix: matrix)
        let limit = chain.maximumPerCategory ?? Int.max
        let categories = itemCategories
        /// Whether `item` may be listed; lists it when so.
        func offer(_ item: Int32, _ score: Double, _ level: FallbackLevel, _ detail: Int32 = -1, _ a: Double = 0, _ b: Double = 0) -> Bool {
            guard entries.count < count, !scratch.isListed(item) else { return false }
            if level != .replenishment, scratch.isBought(item) { return false }
            if let categories, categories[Int(item)] >= 0 {
                guard scratch.categoryCount(categories[Int(item)]) < limit else { return false }
                scratch.addToCategory(categories[Int(item)])
            }
            scratch.list(item)
            entries.append(ChainEntry(item: item, score: score, level: level, detail: detail, a: a, b: b))
            return true
        }
        let personal = hasHistory(u)
        for level in chain.levels where entries.count < count {
            switch level {
            case .replenishment:
                guard personal, let replenishment else { continue }
                let day = replenishment.asOf
                let rank = matrix.itemOrder.rank
                let due = (replenishmentOffsets[u]..<replenishmentOffsets[u + 1])
                    .filter { replenishment.status(of: $0, on: day) == .due }
                    .sorted { (replenishment.dueDays[$0], rank[Int(replenishment.items[$0])]) < (replenishment.dueDays[$1], rank[Int(replenishment.items[$1])]) }
                for entry in due { _ = offer(replenishment.items[entry], 1, .replenishment, Int32(entry)) }
            case .collaborativeFiltering:
                for k in scratch.cfItems.indices where entries.count < count { _ = offer(scratch.cfItems[k], scratch.cfScores[k], level) }
            case .associationRules:
                for candidate in rules { _ = offer(candidate.item, candidate.score, level) }
            case .categoryAffinity:
                guard let affinityPopularity, u < affinityPopularity.affinity.customerCount else { continue }
                affinityPopularity.walk(customer: u) { candidate in
                    if entries.count >= count { return .stop }
                    if chain.maximumPerCategory != nil, scratch.categoryCount(candidate.category) >= limit { return .skipCategory }
                    _ = offer(candidate.item, candidate.score, level, candidate.category, candidate.affinity, candidate.popularity)
                    return entries.count < count ? .next : .stop
                }
            case .segmentPopularity, .regionPopularity:
                guard let source = level == .segmentPopularity ? segments : regions, let group = source.group(ofCustomer: u) else { continue }
                let ranked = source.popularity.rankedItems[group], shares = source.popularity.shares[group]
                for k in ranked.indices where entries.count < count { _ = offer(ranked[k], shares[k], level, Int32(group)) }
            case .overallPopularity:
                guard let overall else { continue }
                let ranked = overall.rankedItems[0], shares = overall.shares[0]
                for k in ranked.indices where entries.count < count { _ = offer(ranked[k], shares[k], level) }
            }
        }
    }

    /// The explanation of an entry of customer `customer`.
    private func explain(_ entry: ChainEntry, customer: Int) throws(RecommendationError) -> ExplainedRecommendation {
        let source: RecommendationSource
        switch entry.level {
        case .replenishment:
            let cycles = replenishment.map { ($0.cycleDays[Int(entry.detail)], CalendarDay(dayNumber: $0.dueDays[Int(entry.detail)])) }
            source = .replenishment(cycleDays: cycles?.0 ?? 0, due: cycles?.1 ?? CalendarDay(dayNumber: 0))
        case .collaborativeFiltering:
            source = .collaborativeFiltering(because: try itemItem?.contributions(customer: customer, item: Int(entry.item)) ?? [])
        case .associationRules:
            let bought = Array(matrix.items(ofCustomer: customer))
            let best = associationRules?.rules.rules(firedBy: bought).filter { $0.consequent.contains(entry.item) }
                .max { ($0.confidence, $0.lift) < ($1.confidence, $1.lift) }
            source = .associationRule(antecedent: best?.antecedent ?? [], confidence: best?.confidence ?? entry.score, lift: best?.lift ?? 0)
        case .categoryAffinity:
            let name = affinityPopularity?.affinity.categoryNames[Int(entry.detail)] ?? ""
            source = .categoryAffinity(category: name, affinity: entry.a, popularity: entry.b)
        case .segmentPopularity:
            source = .segmentPopularity(segment: segments?.groups.names[Int(entry.detail)] ?? "", share: entry.score)
        case .regionPopularity:
            source = .regionPopularity(region: regions?.groups.names[Int(entry.detail)] ?? "", share: entry.score)
        case .overallPopularity:
            source = .popularity(share: entry.score)
        }
        return ExplainedRecommendation(item: entry.item, score: entry.score, source: source)
    }
}

/// One entry of a list being filled: the item, its score, its level and what explains it (an
/// entry, category or group index and two numbers).
struct ChainEntry {
    let item: Int32
    let score: Double
    let level: FallbackLevel
    let detail: Int32
    let a: Double
    let b: Double
}

/// Per-thread marks: items bought and listed (by a stamp per customer, so nothing is cleared
/// between customers) and items per category in the list.
final class ChainScratch {
    private var bought: [Int32]
    private var listed: [Int32]
    private var perCategory: [Int]
    private var touchedCategories: [Int32] = []
    private var stamp: Int32 = -1
    /// The CF candidates of the current customer.
    var cfItems: [Int32] = []
    var cfScores: [Double] = []

    init(itemCount: Int, categoryCount: Int) {
        bought = [Int32](repeating: -1, count: itemCount)
        listed = [Int32](repeating: -1, count: itemCount)
        perCategory = [Int](repeating: 0, count: categoryCount)
    }

    func begin(customer: Int, matrix: PurchaseMatrix) {
        stamp = Int32(customer)
        for c in touchedCategories { perCategory[Int(c)] = 0 }
        touchedCategories.removeAll(keepingCapacity: true)
        for k in matrix.rowOffsets[customer]..<matrix.rowOffsets[customer + 1] { bought[Int(matrix.rowItems[k])] = stamp }
    }

    func isBought(_ item: Int32) -> Bool { bought[Int(item)] == stamp }
    func isListed(_ item: Int32) -> Bool { listed[Int(item)] == stamp }
    func list(_ item: Int32) { listed[Int(item)] = stamp }
    func categoryCount(_ category: Int32) -> Int { perCategory[Int(category)] }
    func addToCategory(_ category: Int32) {
        if perCategory[Int(category)] == 0 { touchedCategories.append(category) }
        perCategory[Int(category)] += 1
    }
}

/// The lists of every customer from ``FallbackChainRecommender/recommendAll(count:)``.
public struct ChainedRecommendations: Sendable {
    /// Items and scores per customer, best first.
    public let recommendations: ItemRecommendations
    /// The level each entry of `recommendations.items` came from.
    public let levels: [FallbackLevel]

    /// The entries of customer `index` with their levels.
    public func entries(ofCustomer index: Int) -> [(item: Int32, score: Double, level: FallbackLevel)] {
        (recommendations.offsets[index]..<recommendations.offsets[index + 1]).map {
            (recommendations.items[$0], recommendations.scores[$0], levels[$0])
        }
    }

    /// How many entries came from each level.
    public var countsByLevel: [FallbackLevel: Int] { levels.reduce(into: [:]) { $0[$1, default: 0] += 1 } }
}
