import CustomerModel

/// A piece of content (an article, a newsletter block, an offer page) with interest tags.
public struct ContentItem: Sendable, Hashable, Codable {
    /// The content id.
    public var id: String
    /// Its interest tags (`technology`, `healthy-living`); compared without case.
    public var tags: [String]

    /// Creates a content item.
    public init(id: String, tags: [String]) {
        self.id = id
        self.tags = tags
    }
}

/// The weights of ``ContentMatcher``.
public struct ContentMatchWeights: Sendable, Hashable, Codable {
    /// Weight of a stated interest (profile interests and preferred categories; default 1).
    public var statedInterest: Double
    /// Weight of interest inferred from category affinity (default 1).
    public var categoryAffinity: Double

    /// Creates weights.
    public init(statedInterest: Double = 1, categoryAffinity: Double = 1) {
        self.statedInterest = statedInterest
        self.categoryAffinity = categoryAffinity
    }

    /// - Throws: ``RecommendationError`` `.invalidParameter` unless both are finite, ≥ 0 and
    ///   one is positive.
    public func validate() throws(RecommendationError) {
        guard statedInterest.isFinite, categoryAffinity.isFinite, statedInterest >= 0, categoryAffinity >= 0,
            statedInterest + categoryAffinity > 0
        else {
            throw RecommendationError(.invalidParameter, "content weights must be finite, ≥ 0 and not both 0, not \(statedInterest) and \(categoryAffinity)")
        }
    }
}

/// Interest-matched content: technology news to technology fans, healthy-living content to
/// quality-of-life customers.
///
/// Tags are compared in lower case without surrounding spaces. A category's tag profile is
/// f(c, t), the share of the catalogue's items of category c that carry tag t, where every item
/// also carries its category name as a tag (so f(c, c) = 1). Customer u's interest in tag t is
///
///     I(u, t) = w_s · [t ∈ S(u)] + w_a · Σ_c a(u, c) · f(c, t)
///
/// with S(u) the stated interests and a(u, c) the category affinity shares. Content k with
/// tags T(k) scores `(1/|T(k)|) Σ_{t ∈ T(k)} I(u, t)`: the weighted overlap, in
/// [0, w_s + w_a]. Content with score 0 is not recommended; ties go to the smaller content id.
public struct ContentMatcher: Sendable {
    /// The content, in the order given; a content index is a position here.
    public let contents: [ContentItem]
    /// The weights.
    public let weights: ContentMatchWeights
    /// The category names of the catalogue the profiles came from.
    public let categoryNames: [String]
    /// Distinct tags of the contents (normalised); a tag index is a position here.
    let tags: [String]
    let tagIndex: [String: Int32]
    /// Tags of content k: `contentTags[contentOffsets[k]..<contentOffsets[k+1]]`.
    let contentOffsets: [Int]
    let contentTags: [Int32]
    /// f(c, t) for the content tags: `profileTags/profileValues[profileOffsets[c]..<profileOffsets[c+1]]`.
    let profileOffsets: [Int]
    let profileTags: [Int32]
    let profileValues: [Double]
    let idOrder: [Int]

    /// Prepares the matching of `contents` against the catalogue's categories.
    /// - Throws: ``RecommendationError`` `.invalidParameter` for invalid weights, content with
    ///   an empty id or no tags, or a content id listed twice.
    /// - Complexity: O(catalogue items · tags + contents · tags).
    public init(contents: [ContentItem], catalog: ItemCatalog, weights: ContentMatchWeights = ContentMatchWeights()) throws(RecommendationError) {
        try weights.validate()
        var ids = Set<String>()
        var tags: [String] = []
        var tagIndex: [String: Int32] = [:]
        var offsets = [0]
        var contentTags: [Int32] = []
        for content in contents {
            guard !content.id.isEmpty else { throw RecommendationError(.invalidParameter, "a content item has an empty id") }
            guard ids.insert(content.id).inserted else { throw RecommendationError(.invalidParameter, "content '\(content.id)' is listed twice") }
            let normalised = Set(content.tags.map(Self.normalise).filter { !$0.isEmpty }).sorted()
            guard !normalised.isEmpty else { throw RecommendationError(.invalidParameter, "content '\(content.id)' has no tags") }
            for tag in normalised {
                if tagIndex[tag] == nil {
                    tagIndex[tag] = Int32(tags.count)
                    tags.append(tag)
                }
                contentTags.append(tagIndex[tag] ?? 0)
            }
            offsets.append(contentTags.count)
        }
        var profileOffsets = [0]
        var profileTags: [Int32] = []
        var profileValues: [Double] = []
        var perCategory = [[Int32: Int]](repeating: [:], count: catalog.categoryCount)
        var itemsPerCategory = [Int](repeating: 0, count: catalog.categoryCount)
        for (position, item) in catalog.items.enumerated() {
            let c = Int(catalog.itemCategories[position])
            itemsPerCategory[c] += 1
            for tag in Set((item.tags + [item.category]).map(Self.normalise)) {
                if let t = tagIndex[tag] { perCategory[c][t, default: 0] += 1 }
            }
        }
        for c in 0..<catalog.categoryCount {
            for (t, n) in perCategory[c].sorted(by: { $0.key < $1.key }) {
                profileTags.append(t)
                profileValues.append(Double(n) / Double(itemsPerCategory[c]))
            }
            profileOffsets.append(profileTags.count)
        }
        self.contents = contents
        self.weights = weights
        self.categoryNames = catalog.categories
        self.tags = tags
        self.tagIndex = tagIndex
        self.contentOffsets = offsets
        self.contentTags = contentTags
        self.profileOffsets = profileOffsets
        self.profileTags = profileTags
        self.profileValues = profileValues
        self.idOrder = contents.indices.sorted { Array(contents[$0].id.utf8).lexicographicallyPrecedes(Array(contents[$1].id.utf8)) }
    }

    static func normalise(_ tag: String) -> String { tag.trimmingSpaces.lowercased() }

    /// The stated interests of each profile: its `interests` and `preferredCategories`.
    public static func statedInterests(of profiles: [CustomerProfile]) -> [CustomerID: [String]] {
        var result: [CustomerID: [String]] = [:]
        for profile in profiles {
            let stated = profile.interests + (profile[.preferredCategories]?.listValue ?? [])
            if !stated.isEmpty { result[profile.id] = stated }
        }
        return result
    }

    /// The `count` best content items for one customer of `affinity` (nil, or an affinity of
    /// another catalogue: stated interests only), best first.
    public func match(affinity: CategoryAffinity?, customer: Int?, statedInterests: [String], count: Int = 5) -> [ScoredContent] {
        // An affinity of another catalogue would mix up category indices: use none then.
        let affinity = affinity?.categoryNames == categoryNames ? affinity : nil
        var scratch = MatchScratch(tagCount: tags.count, contentCount: contents.count)
        return match(affinity: affinity, customer: customer, stated: statedInterests, count: count, scratch: &scratch)
    }

    /// The `count` best content items of every customer of `affinity` (snapshot customers, then
    /// browsing-only ones), in parallel; `customerIDs` gives the ids of the snapshot customers
    /// (the snapshot's table), to look their stated interests up.
    /// - Throws: ``RecommendationError`` `.invalidParameter` for a negative count, an affinity of
    ///   another catalogue, or an id table of another size.
    public func matchAll(
        affinity: CategoryAffinity, customerIDs: ByteStringTable, statedInterests: [CustomerID: [String]] = [:], count: Int = 5
    ) throws(RecommendationError) -> ContentRecommendations {
        guard count >= 0 else { throw RecommendationError(.invalidParameter, "the number of content items must be at least 0, not \(count)") }
        guard affinity.categoryNames == categoryNames, customerIDs.count == affinity.snapshotCustomerCount else {
            throw RecommendationError(.invalidParameter, "the affinity was built from another catalogue or snapshot")
        }
        let customers = affinity.customerCount
        let pieces = customers < 4096 ? 1 : 64
        let parts = ParallelLoop.map(pieces) { piece in
            var scratch = MatchScratch(tagCount: tags.count, contentCount: contents.count)
            var ends: [Int] = [], found: [Int32] = [], scores: [Double] = []
            for u in (customers * piece / pieces)..<(customers * (piece + 1) / pieces) {
                let id = u < customerIDs.count ? CustomerID(customerIDs[u]) : affinity.browsingOnlyCustomerIDs[u - customerIDs.count]
                for entry in match(affinity: affinity, customer: u, stated: statedInterests[id] ?? [], count: count, scratch: &scratch) {
                    found.append(Int32(entry.content))
                    scores.append(entry.score)
                }
                ends.append(found.count)
            }
            return (ends, found, scores)
        }
        var offsets = [0]
        var found: [Int32] = [], scores: [Double] = []
        for part in parts {
            let base = found.count
            for end in part.0 { offsets.append(base + end) }
            found += part.1
            scores += part.2
        }
        return ContentRecommendations(offsets: offsets, contents: found, scores: scores)
    }

    private func match(affinity: CategoryAffinity?, customer: Int?, stated: [String], count: Int, scratch: inout MatchScratch) -> [ScoredContent] {
        scratch.reset()
        if !stated.isEmpty {
            for tag in Set(stated.map(Self.normalise)) {
                if let t = tagIndex[tag] { scratch.add(t, weights.statedInterest) }
            }
        }
        if let affinity, let customer, customer >= 0, customer < affinity.customerCount, affinity.categoryNames.count == categoryNames.count {
            for k in affinity.offsets[customer]..<affinity.offsets[customer + 1] {
                let c = Int(affinity.categories[k])
                let a = affinity.shares[k]
                for p in profileOffsets[c]..<profileOffsets[c + 1] { scratch.add(profileTags[p], weights.categoryAffinity * a * profileValues[p]) }
            }
        }
        guard !scratch.touched.isEmpty, count > 0 else { return [] }
        // The best `count`, kept sorted; contents come in id order and a newcomer goes after
        // equal scores, so ties stay in id order.
        var best: [(score: Double, content: Int)] = []
        best.reserveCapacity(count + 1)
        for k in idOrder {
            var sum = 0.0
            for t in contentTags[contentOffsets[k]..<contentOffsets[k + 1]] { sum += scratch.interest[Int(t)] }
            let score = sum / Double(contentOffsets[k + 1] - contentOffsets[k])
            guard score > 0, best.count < count || score > best[best.count - 1].score else { continue }
            var position = best.count
            while position > 0, best[position - 1].score < score { position -= 1 }
            best.insert((score, k), at: position)
            if best.count > count { best.removeLast() }
        }
        return best.map { ScoredContent(content: $0.content, id: contents[$0.content].id, score: $0.score) }
    }
}

/// A content item with its match score.
public struct ScoredContent: Sendable, Hashable, Codable {
    /// The content index in ``ContentMatcher/contents``.
    public let content: Int
    /// The content id.
    public let id: String
    /// The weighted tag overlap.
    public let score: Double
}

/// The best content of every customer, stored back to back (customer u:
/// `contents[offsets[u]..<offsets[u+1]]`, best first).
public struct ContentRecommendations: Sendable {
    /// Starts per customer.
    public let offsets: [Int]
    /// Content indices.
    public let contents: [Int32]
    /// Scores of the entries.
    public let scores: [Double]
    /// Number of customers.
    public var customerCount: Int { offsets.count - 1 }
    /// The content indices of customer `index`, best first.
    public func contents(forCustomer index: Int) -> ArraySlice<Int32> { contents[offsets[index]..<offsets[index + 1]] }
}

/// A dense interest per tag, reset through the tags touched.
struct MatchScratch {
    var interest: [Double]
    var touched: [Int32] = []

    init(tagCount: Int, contentCount: Int) { interest = [Double](repeating: 0, count: tagCount) }

    mutating func add(_ tag: Int32, _ value: Double) {
        guard value > 0 else { return }
        if interest[Int(tag)] == 0 { touched.append(tag) }
        interest[Int(tag)] += value
    }

    mutating func reset() {
        for t in touched { interest[Int(t)] = 0 }
        touched.removeAll(keepingCapacity: true)
    }
}
