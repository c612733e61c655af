/// A CART classification tree: binary splits `x[feature] <= threshold` chosen by the
/// largest decrease in weighted Gini impurity.
///
/// For a node with total weight W and positive weight P the impurity is
/// `I = 2·P·(W − P) / W` (W times the Gini index); a split's gain is `I(node) − I(left) −
/// I(right)`. Candidate thresholds are the midpoints between consecutive distinct values of
/// a feature among the node's rows. A node becomes a leaf when it is at ``maxDepth``, is
/// pure, has fewer than `2 · minSamplesLeaf` rows, or no split gains more than
/// `1e-12 · W`. A leaf predicts its weighted share of positive rows.
///
/// Deterministic tie-breaking: features are tried in ascending index, thresholds in
/// ascending value, and a candidate replaces the best only when its gain is larger by more
/// than `1e-12 · W`; so among equal gains the lowest feature index, then the lowest
/// threshold, wins.
public struct DecisionTree: PropensityModel, Hashable {
    /// The deepest level of a split (the root is depth 0; default 5; at least 1).
    public var maxDepth: Int
    /// The fewest training rows in each child of a split (default 1).
    public var minSamplesLeaf: Int

    /// Creates a configuration.
    public init(maxDepth: Int = 5, minSamplesLeaf: Int = 1) {
        self.maxDepth = maxDepth
        self.minSamplesLeaf = minSamplesLeaf
    }

    /// Grows the tree.
    /// - Throws: ``ScoringError``: `.invalidParameter` for maxDepth < 1 or minSamplesLeaf < 1
    ///   and invalid labels or weights; `.degenerateInput` for no rows or one class.
    /// - Complexity: O(depth · features · rows · log rows).
    public func fit(features: FeatureMatrix, labels: [Bool], weights: [Double]?) throws(ScoringError)
        -> FittedDecisionTree
    {
        try validate()
        let data = try PropensityTrainingSet(features: features, labels: labels, weights: weights)
        var noRandomness = TreeSeedGenerator(seed: 0)
        return TreeGrower.grow(
            data: data, rows: Array(0..<features.rowCount), weights: data.weights, maxDepth: maxDepth,
            minSamplesLeaf: minSamplesLeaf, featuresPerSplit: features.columnCount, using: &noRandomness)
    }

    func validate() throws(ScoringError) {
        guard maxDepth >= 1, minSamplesLeaf >= 1 else {
            throw ScoringError(
                .invalidParameter, "a tree needs maxDepth ≥ 1 and minSamplesLeaf ≥ 1 (got \(maxDepth), \(minSamplesLeaf))")
        }
    }
}

/// A fitted ``DecisionTree``, as flat node columns in pre-order (node 0 is the root).
///
/// Node `i` is a leaf when `splitFeatures[i] < 0`; otherwise a row goes to
/// `leftChildren[i]` when `row[splitFeatures[i]] <= thresholds[i]`, else to `rightChildren[i]`.
public struct FittedDecisionTree: FittedPropensityModel, Hashable {
    /// The number of features.
    public let featureCount: Int
    /// The split feature of each node, −1 for a leaf.
    public let splitFeatures: [Int32]
    /// The split threshold of each node (0 for a leaf).
    public let thresholds: [Double]
    /// The left child of each node (−1 for a leaf).
    public let leftChildren: [Int32]
    /// The right child of each node (−1 for a leaf).
    public let rightChildren: [Int32]
    /// The weighted share of positive training rows at each node.
    public let nodeProbabilities: [Double]
    /// The number of training rows at each node.
    public let nodeRowCounts: [Int]

    /// The number of nodes.
    public var nodeCount: Int { splitFeatures.count }

    /// The probability stored at the leaf that `row` reaches.
    /// - Complexity: O(depth).
    public func probability(of row: ArraySlice<Double>) -> Double {
        let base = row.startIndex
        var node = 0
        while splitFeatures[node] >= 0 {
            let value = row[base + Int(splitFeatures[node])]
            node = Int(value <= thresholds[node] ? leftChildren[node] : rightChildren[node])
        }
        return nodeProbabilities[node]
    }
}
