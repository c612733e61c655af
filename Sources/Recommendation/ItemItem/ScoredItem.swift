/// An item with a score: a recommendation, or a neighbour with its similarity.
public struct ScoredItem: Sendable, Hashable, Codable {
    /// The item index (in the snapshot the model was built from).
    public let item: Int32
    /// The score (for item-item CF Σ x[u,i]·sim(i, item); for neighbours the similarity).
    public let score: Double

    /// Creates a scored item.
    public init(item: Int32, score: Double) {
        self.item = item
        self.score = score
    }
}
