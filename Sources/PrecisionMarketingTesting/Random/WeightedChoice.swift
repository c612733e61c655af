/// Chooses an index with probability proportional to its weight, from a precomputed
/// cumulative table by binary search.
public struct WeightedChoice: RandomDistribution, Hashable {
    /// Cumulative weights normalised so the last is exactly 1.
    public let cumulative: [Double]

    /// Creates the choice among `weights.count` indices.
    /// - Throws: ``DistributionError`` when a weight is negative or not finite, or all are zero.
    /// - Complexity: O(n).
    public init(weights: [Double]) throws(DistributionError) {
        var running = 0.0
        var table: [Double] = []
        table.reserveCapacity(weights.count)
        for (index, weight) in weights.enumerated() {
            try DistributionError.require(weight.isFinite && weight >= 0, "weight \(index) is \(weight)")
            running += weight
            table.append(running)
        }
        guard running > 0, running.isFinite else {
            throw DistributionError(.emptySupport, "weights are empty or sum to \(running)")
        }
        for index in table.indices { table[index] /= running }
        table[table.count - 1] = 1
        cumulative = table
    }

    /// The number of indices.
    public var count: Int { cumulative.count }

    /// Draws an index in `0..<count`.
    /// - Complexity: O(log n).
    public func sample(using generator: inout some RandomNumberGenerator) -> Int {
        index(for: UniformDistribution.unit(using: &generator))
    }

    /// The index whose cumulative interval holds `u` in [0, 1): the first `i` with
    /// `cumulative[i] > u`. Zero-weight indices are never returned.
    /// - Complexity: O(log n).
    public func index(for u: Double) -> Int {
        cumulative.withUnsafeBufferPointer { table in
            var low = 0
            var high = table.count - 1
            while low < high {
                let middle = (low + high) >> 1
                if table[middle] > u { high = middle } else { low = middle + 1 }
            }
            return low
        }
    }
}

/// Zipf's law over `count` ranked items: rank `k` (1-based) has probability proportional
/// to `1 / k^exponent`.
///
/// `k^s` is computed as `exp(s · log k)`, and exactly as `k` when `s == 1`.
public struct ZipfDistribution: RandomDistribution, Hashable {
    /// The number of items.
    public let count: Int
    /// The exponent `s` (non-negative; 0 is uniform).
    public let exponent: Double
    private let choice: WeightedChoice

    /// Creates Zipf's law over `count` items.
    /// - Throws: ``DistributionError`` unless `count >= 1` and the exponent is finite and non-negative.
    /// - Complexity: O(n) to build the table.
    public init(count: Int, exponent: Double = 1) throws(DistributionError) {
        try DistributionError.require(count >= 1, "zipf needs at least one item, not \(count)")
        try DistributionError.require(exponent.isFinite && exponent >= 0, "zipf exponent \(exponent) is invalid")
        self.count = count
        self.exponent = exponent
        choice = try WeightedChoice(weights: ZipfDistribution.weights(count: count, exponent: exponent))
    }

    /// The unnormalised weights `1 / k^s` for ranks 1...count.
    public static func weights(count: Int, exponent: Double) -> [Double] {
        (1...Swift.max(1, count)).map { rank in
            exponent == 1 ? 1 / Double(rank) : PortableMath.exponential(-exponent * PortableMath.logarithm(Double(rank)))
        }
    }

    /// Draws a rank in `1...count`.
    /// - Complexity: O(log n).
    public func sample(using generator: inout some RandomNumberGenerator) -> Int {
        choice.sample(using: &generator) + 1
    }

    /// The probability of rank `rank` (0 outside `1...count`).
    public func probability(ofRank rank: Int) -> Double {
        guard (1...count).contains(rank) else { return 0 }
        return choice.cumulative[rank - 1] - (rank > 1 ? choice.cumulative[rank - 2] : 0)
    }
}
