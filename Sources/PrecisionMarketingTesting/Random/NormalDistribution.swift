/// The normal (Gaussian) distribution, sampled by Marsaglia's polar method.
public struct NormalDistribution: RandomDistribution, Hashable {
    /// The mean.
    public let mean: Double
    /// The standard deviation (positive).
    public let standardDeviation: Double

    /// Creates the normal distribution with the given mean and standard deviation.
    /// - Throws: ``DistributionError`` unless both are finite and the deviation is positive.
    public init(mean: Double = 0, standardDeviation: Double = 1) throws(DistributionError) {
        try DistributionError.require(
            mean.isFinite && standardDeviation.isFinite && standardDeviation > 0,
            "normal(mean: \(mean), standardDeviation: \(standardDeviation)) needs a finite mean and a positive deviation")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// Draws one sample: `mean + standardDeviation * z`.
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        mean + standardDeviation * NormalDistribution.standard(using: &generator)
    }

    /// A standard normal sample by the polar method: draw (u, v) uniform in the square
    /// (-1, 1)² until `s = u² + v²` is in (0, 1), return `u · sqrt(-2 log s / s)`.
    ///
    /// The second value of each pair is discarded, so the method needs no hidden state.
    /// Uses two 64-bit outputs per attempt; accepts with probability π/4.
    public static func standard(using generator: inout some RandomNumberGenerator) -> Double {
        while true {
            let u = 2 * UniformDistribution.unit(using: &generator) - 1
            let v = 2 * UniformDistribution.unit(using: &generator) - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * PortableMath.logarithm(s) / s).squareRoot()
            }
        }
    }
}

/// The lognormal distribution: `exp(mu + sigma · z)` with z standard normal.
///
/// The median is `exp(mu)`; the synthetic unit prices use median 20.00 (`mu = log 2000`
/// cents) and `sigma = 0.8`.
public struct LognormalDistribution: RandomDistribution, Hashable {
    /// The mean of the logarithm.
    public let mu: Double
    /// The standard deviation of the logarithm (positive).
    public let sigma: Double

    /// Creates the lognormal distribution of `exp(N(mu, sigma²))`.
    /// - Throws: ``DistributionError`` unless `mu` is finite and `sigma` positive and finite.
    public init(mu: Double, sigma: Double) throws(DistributionError) {
        try DistributionError.require(
            mu.isFinite && sigma.isFinite && sigma > 0,
            "lognormal(mu: \(mu), sigma: \(sigma)) needs a finite mu and a positive sigma")
        self.mu = mu
        self.sigma = sigma
    }

    /// Creates the lognormal distribution with the given median (`exp(mu)`).
    /// - Throws: ``DistributionError`` unless the median is positive and finite.
    public init(median: Double, sigma: Double) throws(DistributionError) {
        try DistributionError.require(median.isFinite && median > 0, "lognormal median \(median) is not positive")
        try self.init(mu: PortableMath.logarithm(median), sigma: sigma)
    }

    /// Draws one sample.
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        PortableMath.exponential(mu + sigma * NormalDistribution.standard(using: &generator))
    }
}
