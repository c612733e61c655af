/// When a day's mention count is a spike: far above its trailing baseline.
///
/// For day t with counts c, the baseline is the W days t − W … t − 1 (all inside the
/// series): mean μ and population standard deviation σ. Day t is a spike when
/// c(t) ≥ ``minimumCount`` and c(t) > μ + z · σ. Days with fewer than W days of history are
/// not judged. A spike stays in later baselines, so it raises the bar for the next W days.
public struct SpikeRule: Hashable, Sendable, Codable {
    /// W, the trailing window in days (≥ 2). Default 7.
    public var windowDays: Int
    /// z, standard deviations above the mean (≥ 0). Default 3.
    public var z: Double
    /// The least count that can be a spike (≥ 1). Default 5.
    public var minimumCount: Int

    /// Creates a rule.
    public init(windowDays: Int = 7, z: Double = 3, minimumCount: Int = 5) {
        self.windowDays = windowDays
        self.z = z
        self.minimumCount = minimumCount
    }

    /// Checks the parameters.
    /// - Throws: ``SocialError`` `.invalidParameter`.
    public func validate() throws(SocialError) {
        guard windowDays >= 2, z.isFinite, z >= 0, minimumCount >= 1 else {
            throw SocialError(.invalidParameter,
                              "spike rule: windowDays \(windowDays) must be ≥ 2, z \(z) finite and ≥ 0, minimumCount \(minimumCount) ≥ 1")
        }
    }

    /// The spikes of a daily count series, as (index, mean, standard deviation).
    /// - Complexity: O(n) (running sums).
    func spikes(in counts: [Int]) -> [(index: Int, mean: Double, standardDeviation: Double)] {
        let w = windowDays
        guard counts.count > w else { return [] }
        var found: [(Int, Double, Double)] = []
        var sum = 0.0, squares = 0.0
        for i in 0..<w {
            sum += Double(counts[i])
            squares += Double(counts[i] * counts[i])
        }
        for t in w..<counts.count {
            let mean = sum / Double(w)
            let variance = max(0, squares / Double(w) - mean * mean)
            let deviation = variance.squareRoot()
            let c = counts[t]
            if c >= minimumCount && Double(c) > mean + z * deviation { found.append((t, mean, deviation)) }
            sum += Double(c) - Double(counts[t - w])
            squares += Double(c * c) - Double(counts[t - w] * counts[t - w])
        }
        return found
    }
}
