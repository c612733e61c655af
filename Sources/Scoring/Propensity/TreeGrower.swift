/// Grows one CART tree over a subset of rows with per-row weights (see ``DecisionTree``).
struct TreeGrower<Generator: RandomNumberGenerator> {
    let values: [Double]
    let columns: Int
    let labels: [Bool]
    let weights: [Double]
    let maxDepth: Int
    let minSamplesLeaf: Int
    let featuresPerSplit: Int
    var generator: Generator

    var splitFeatures: [Int32] = []
    var thresholds: [Double] = []
    var left: [Int32] = []
    var right: [Int32] = []
    var probabilities: [Double] = []
    var rowCounts: [Int] = []

    /// Grows a tree over `rows` (each counted with `weights[row]`); features per split are
    /// drawn from `generator` when `featuresPerSplit` is below the column count.
    static func grow(
        data: PropensityTrainingSet, rows: [Int], weights: [Double], maxDepth: Int, minSamplesLeaf: Int,
        featuresPerSplit: Int, using generator: inout Generator
    ) -> FittedDecisionTree {
        var grower = TreeGrower(
            values: data.features.values, columns: data.features.columnCount, labels: data.labels, weights: weights,
            maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf,
            featuresPerSplit: min(max(1, featuresPerSplit), data.features.columnCount), generator: generator)
        var rows = rows
        _ = grower.node(&rows, 0..<rows.count, depth: 0)
        generator = grower.generator
        return FittedDecisionTree(
            featureCount: data.features.columnCount, splitFeatures: grower.splitFeatures, thresholds: grower.thresholds,
            leftChildren: grower.left, rightChildren: grower.right, nodeProbabilities: grower.probabilities,
            nodeRowCounts: grower.rowCounts)
    }

    /// Adds the node for `rows[range]` and its subtree; returns its index.
    mutating func node(_ rows: inout [Int], _ range: Range<Int>, depth: Int) -> Int32 {
        var total = 0.0, positive = 0.0
        for r in rows[range] {
            total += weights[r]
            if labels[r] { positive += weights[r] }
        }
        let index = Int32(splitFeatures.count)
        splitFeatures.append(-1)
        thresholds.append(0)
        left.append(-1)
        right.append(-1)
        probabilities.append(total > 0 ? positive / total : 0)
        rowCounts.append(range.count)
        guard depth < maxDepth, range.count >= 2 * minSamplesLeaf, positive > 0, positive < total,
              let split = bestSplit(rows, range, total: total, positive: positive)
        else { return index }
        // Stable partition: rows at or below the threshold first.
        let slice = Array(rows[range])
        var cursor = range.lowerBound
        for r in slice where values[r * columns + split.feature] <= split.threshold {
            rows[cursor] = r
            cursor += 1
        }
        let middle = cursor
        for r in slice where values[r * columns + split.feature] > split.threshold {
            rows[cursor] = r
            cursor += 1
        }
        splitFeatures[Int(index)] = Int32(split.feature)
        thresholds[Int(index)] = split.threshold
        let l = node(&rows, range.lowerBound..<middle, depth: depth + 1)
        let r = node(&rows, middle..<range.upperBound, depth: depth + 1)
        left[Int(index)] = l
        right[Int(index)] = r
        return index
    }

    /// The best (feature, threshold) for the rows, or nil when no split gains enough.
    mutating func bestSplit(_ rows: [Int], _ range: Range<Int>, total: Double, positive: Double)
        -> (feature: Int, threshold: Double)?
    {
        let margin = 1e-12 * total
        var bestGain = margin
        var best: (feature: Int, threshold: Double)?
        let parentImpurity = Self.impurity(total, positive)
        var order = Array(rows[range])
        let m = order.count
        for feature in candidateFeatures() {
            order.sort { a, b in
                let va = values[a * columns + feature], vb = values[b * columns + feature]
                return va != vb ? va < vb : a < b
            }
            var leftTotal = 0.0, leftPositive = 0.0
            for t in 0..<(m - 1) {
                let r = order[t]
                leftTotal += weights[r]
                if labels[r] { leftPositive += weights[r] }
                let count = t + 1
                guard count >= minSamplesLeaf else { continue }
                if m - count < minSamplesLeaf { break }
                let here = values[r * columns + feature], next = values[order[t + 1] * columns + feature]
                guard here < next else { continue }
                let rightTotal = total - leftTotal
                guard leftTotal > 0, rightTotal > 0 else { continue }
                let gain = parentImpurity - Self.impurity(leftTotal, leftPositive)
                    - Self.impurity(rightTotal, positive - leftPositive)
                if gain > bestGain + (best == nil ? 0 : margin) {
                    bestGain = gain
                    var threshold = here + (next - here) / 2
                    if !(threshold < next) { threshold = here }
                    best = (feature, threshold)
                }
            }
        }
        return best
    }

    /// The features tried at one node, ascending: all, or a uniform subset of `featuresPerSplit`.
    mutating func candidateFeatures() -> [Int] {
        guard featuresPerSplit < columns else { return Array(0..<columns) }
        var pool = Array(0..<columns)
        for i in 0..<featuresPerSplit {
            let j = i + Int(generator.next(upperBound: UInt64(columns - i)))
            pool.swapAt(i, j)
        }
        return pool[0..<featuresPerSplit].sorted()
    }

    /// W times the Gini index: 2·P·(W − P) / W.
    @inline(__always)
    static func impurity(_ total: Double, _ positive: Double) -> Double {
        total > 0 ? 2 * positive * (total - positive) / total : 0
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): the per-tree generator of ``RandomForest``,
/// seeded from the caller's generator so every tree's stream is fixed before the trees run
/// in parallel.
struct TreeSeedGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
