import CustomerModel

/// The top recommendations of every customer, stored back to back.
///
/// ```
/// customer u:  items[offsets[u] ..< offsets[u + 1]]   (best first, scores in scores)
/// ```
/// A customer has fewer than ``requestedCount`` entries when fewer unbought items have a
/// positive score (none at all without a purchase).
public struct ItemRecommendations: Sendable {
    /// N: the most recommendations per customer.
    public let requestedCount: Int
    /// Starts per customer, `customerCount + 1` entries.
    public let offsets: [Int]
    /// Recommended items, best first per customer.
    public let items: [Int32]
    /// The score of every entry of ``items``.
    public let scores: [Double]

    /// Number of customers.
    public var customerCount: Int { offsets.count - 1 }

    /// The recommendations of customer `index`, best first.
    public func recommendations(forCustomer index: Int) -> [ScoredItem] {
        (offsets[index]..<offsets[index + 1]).map { ScoredItem(item: items[$0], score: scores[$0]) }
    }

    /// The recommended items of customer `index`, best first.
    public func items(forCustomer index: Int) -> ArraySlice<Int32> {
        items[offsets[index]..<offsets[index + 1]]
    }
}

extension ItemRecommendations {
    /// Builds the lists of `rows` rows in parallel slices; `fill(row, state, &items, &scores)`
    /// appends row's entries, best first, with the slice's own `state()` (scratch space).
    static func build<State>(
        rows: Int, count: Int, state makeState: @Sendable () -> State,
        fill: @Sendable (Int, State, inout [Int32], inout [Double]) -> Void
    ) -> ItemRecommendations {
        let pieces = rows < 4096 ? 1 : 64
        let parts = ParallelLoop.map(pieces) { piece in
            let state = makeState()
            var part = (ends: [Int](), items: [Int32](), scores: [Double]())
            let range = (rows * piece / pieces)..<(rows * (piece + 1) / pieces)
            part.ends.reserveCapacity(range.count)
            part.items.reserveCapacity(range.count * count)
            part.scores.reserveCapacity(range.count * count)
            for row in range {
                fill(row, state, &part.items, &part.scores)
                part.ends.append(part.items.count)
            }
            return part
        }
        var offsets = [0]
        offsets.reserveCapacity(rows + 1)
        var items = [Int32]()
        var scores = [Double]()
        let total = parts.reduce(0) { $0 + $1.items.count }
        items.reserveCapacity(total)
        scores.reserveCapacity(total)
        for part in parts {
            let base = items.count
            for end in part.ends { offsets.append(base + end) }
            items.append(contentsOf: part.items)
            scores.append(contentsOf: part.scores)
        }
        return ItemRecommendations(requestedCount: count, offsets: offsets, items: items, scores: scores)
    }

    /// Each row's list, filled up to ``requestedCount`` with the entries of `fallback`'s row
    /// that it does not already hold (a fallback chain: personal first, then popular).
    /// - Throws: ``RecommendationError`` `.invalidParameter` when the row counts differ.
    public func filled(from fallback: ItemRecommendations) throws(RecommendationError) -> ItemRecommendations {
        guard fallback.customerCount == customerCount else {
            throw RecommendationError(.invalidParameter, "the fallback has \(fallback.customerCount) rows, not \(customerCount)")
        }
        let count = requestedCount
        return ItemRecommendations.build(rows: customerCount, count: count, state: {}) { row, _, items, scores in
            let start = items.count
            for k in offsets[row]..<offsets[row + 1] {
                items.append(self.items[k])
                scores.append(self.scores[k])
            }
            for k in fallback.offsets[row]..<fallback.offsets[row + 1] where items.count - start < count {
                let item = fallback.items[k]
                if !items[start...].contains(item) {
                    items.append(item)
                    scores.append(fallback.scores[k])
                }
            }
        }
    }
}
