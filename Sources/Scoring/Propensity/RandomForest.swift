import CustomerModel

/// A random forest of CART trees (Breiman 2001): each tree is grown on a bootstrap sample
/// of the rows and tries a random subset of features at every split; the forest predicts
/// the mean of its trees' leaf probabilities.
///
/// Seeding: ``fit(features:labels:weights:using:)`` draws one 64-bit seed per tree from the
/// caller's generator, in tree order, before any tree is grown; tree t then draws its
/// bootstrap and feature subsets from a SplitMix64 stream started at its seed. The trees
/// are grown on all cores, and the result is the same for the same generator state on any
/// number of cores. ``fit(features:labels:weights:)`` uses a SplitMix64 generator started
/// at ``seed``.
///
/// Bootstrap: n draws with replacement, uniform over rows; a row drawn k times enters the
/// tree with weight k · wᵢ (rows never drawn are left out), and ``minSamplesLeaf`` counts
/// distinct rows.
public struct RandomForest: PropensityModel, Hashable {
    /// The number of trees (default 100).
    public var treeCount: Int
    /// The deepest split level of each tree (default 8).
    public var maxDepth: Int
    /// The fewest training rows in each child of a split (default 1).
    public var minSamplesLeaf: Int
    /// Features tried at each split; nil for max(1, ⌊√features⌋).
    public var featuresPerSplit: Int?
    /// The seed of ``fit(features:labels:weights:)`` (default 0).
    public var seed: UInt64

    /// Creates a configuration.
    public init(
        treeCount: Int = 100, maxDepth: Int = 8, minSamplesLeaf: Int = 1, featuresPerSplit: Int? = nil, seed: UInt64 = 0
    ) {
        self.treeCount = treeCount
        self.maxDepth = maxDepth
        self.minSamplesLeaf = minSamplesLeaf
        self.featuresPerSplit = featuresPerSplit
        self.seed = seed
    }

    /// Grows the forest from ``seed``.
    /// - Throws: as ``fit(features:labels:weights:using:)``.
    /// - Complexity: as ``fit(features:labels:weights:using:)``.
    public func fit(features: FeatureMatrix, labels: [Bool], weights: [Double]?) throws(ScoringError)
        -> FittedRandomForest
    {
        var generator = TreeSeedGenerator(seed: seed)
        return try fit(features: features, labels: labels, weights: weights, using: &generator)
    }

    /// Grows the forest with seeds drawn from `generator` (one `next()` per tree).
    /// - Throws: ``ScoringError``: `.invalidParameter` for treeCount < 1, maxDepth < 1,
    ///   minSamplesLeaf < 1, featuresPerSplit < 1, or invalid labels or weights;
    ///   `.degenerateInput` for no rows or one class.
    /// - Complexity: O(trees · depth · featuresPerSplit · rows · log rows), on all cores.
    public func fit(
        features: FeatureMatrix, labels: [Bool], weights: [Double]?, using generator: inout some RandomNumberGenerator
    ) throws(ScoringError) -> FittedRandomForest {
        guard treeCount >= 1 else { throw ScoringError(.invalidParameter, "a forest needs treeCount ≥ 1 (got \(treeCount))") }
        try DecisionTree(maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf).validate()
        if let featuresPerSplit, featuresPerSplit < 1 {
            throw ScoringError(.invalidParameter, "featuresPerSplit must be ≥ 1 (got \(featuresPerSplit))")
        }
        let data = try PropensityTrainingSet(features: features, labels: labels, weights: weights)
        let n = features.rowCount
        let perSplit = featuresPerSplit ?? max(1, Int(Double(features.columnCount).squareRoot()))
        var seeds: [UInt64] = []
        seeds.reserveCapacity(treeCount)
        for _ in 0..<treeCount { seeds.append(generator.next()) }
        let trees: [FittedDecisionTree] = ParallelLoop.map(treeCount) { t in
            var stream = TreeSeedGenerator(seed: seeds[t])
            var counts = [Int](repeating: 0, count: n)
            for _ in 0..<n { counts[Int(stream.next(upperBound: UInt64(n)))] += 1 }
            var rows: [Int] = []
            rows.reserveCapacity(n)
            var weights = data.weights
            for i in 0..<n {
                weights[i] *= Double(counts[i])
                if counts[i] > 0 { rows.append(i) }
            }
            return TreeGrower.grow(
                data: data, rows: rows, weights: weights, maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf,
                featuresPerSplit: perSplit, using: &stream)
        }
        return FittedRandomForest(featureCount: features.columnCount, trees: trees)
    }
}

/// A fitted ``RandomForest``: the mean of its trees' probabilities.
public struct FittedRandomForest: FittedPropensityModel, Hashable {
    /// The number of features.
    public let featureCount: Int
    /// The trees, in seed order.
    public let trees: [FittedDecisionTree]

    /// The mean leaf probability over the trees.
    /// - Complexity: O(trees · depth).
    public func probability(of row: ArraySlice<Double>) -> Double {
        var sum = 0.0
        for tree in trees { sum += tree.probability(of: row) }
        return sum / Double(trees.count)
    }
}
