/// The Poisson distribution with a given mean: inversion by sequential search for means
/// below 10, Hörmann's PTRS transformed rejection (1993) for larger means. Both are exact.
public struct PoissonDistribution: RandomDistribution, Hashable {
    /// The mean (and variance), non-negative.
    public let mean: Double

    /// Creates the Poisson distribution with the given mean.
    /// - Throws: ``DistributionError`` unless the mean is finite and non-negative.
    public init(mean: Double) throws(DistributionError) {
        try DistributionError.require(mean.isFinite && mean >= 0, "poisson mean \(mean) is not finite and non-negative")
        self.mean = mean
    }

    /// Draws one sample.
    public func sample(using generator: inout some RandomNumberGenerator) -> Int {
        PoissonDistribution.sample(mean: mean, using: &generator)
    }

    /// A Poisson sample for a mean that varies per call; a mean that is not positive and
    /// finite gives 0.
    /// - Complexity: O(mean) below 10, O(1) expected above.
    public static func sample(mean: Double, using generator: inout some RandomNumberGenerator) -> Int {
        guard mean > 0, mean.isFinite else { return 0 }
        return mean < 10 ? inversion(mean: mean, using: &generator) : ptrs(mean: mean, using: &generator)
    }

    static func inversion(mean: Double, using generator: inout some RandomNumberGenerator) -> Int {
        let u = UniformDistribution.unit(using: &generator)
        var probability = PortableMath.exponential(-mean)
        var cumulative = probability
        var k = 0
        // The cap only matters if rounding left the cumulative sum short of u (tail < 1e-15).
        while u >= cumulative && k < 200 {
            k += 1
            probability *= mean / Double(k)
            cumulative += probability
        }
        return k
    }

    static func ptrs(mean: Double, using generator: inout some RandomNumberGenerator) -> Int {
        let rootMean = mean.squareRoot()
        let logMean = PortableMath.logarithm(mean)
        let b = 0.931 + 2.53 * rootMean
        let a = -0.059 + 0.02483 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = UniformDistribution.unit(using: &generator) - 0.5
            let v = UniformDistribution.unit(using: &generator)
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            let lhs = PortableMath.logarithm(v) + PortableMath.logarithm(inverseAlpha)
                - PortableMath.logarithm(a / (us * us) + b)
            if lhs <= -mean + k * logMean - logFactorial(k) { return Int(k) }
        }
    }

    /// `log k!` from a table below 10 and Stirling's series (error below 1e-12) above,
    /// instead of the platform's `lgamma`, whose results differ between C libraries.
    static func logFactorial(_ k: Double) -> Double {
        if k < 10 { return smallLogFactorials[Int(k)] }
        let inverse = 1 / k
        let inverse2 = inverse * inverse
        let series = inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 * (1.0 / 1260 - inverse2 / 1680)))
        return k * PortableMath.logarithm(k) - k + 0.5 * PortableMath.logarithm(2 * Double.pi * k) + series
    }

    static let smallLogFactorials: [Double] = {
        var table: [Double] = [0]
        var sum = 0.0
        for k in 1..<10 {
            sum += PortableMath.logarithm(Double(k))
            table.append(sum)
        }
        return table
    }()
}

/// The geometric distribution: the number of Bernoulli(p) trials up to and including the
/// first success, so its support is 1, 2, 3, … and its mean `1 / p` (numpy's convention).
public struct GeometricDistribution: RandomDistribution, Hashable {
    /// The success probability of each trial, in (0, 1].
    public let probability: Double

    /// Creates the geometric distribution with success probability `probability`.
    /// - Throws: ``DistributionError`` unless `0 < probability <= 1`.
    public init(probability: Double) throws(DistributionError) {
        try DistributionError.require(
            probability > 0 && probability <= 1, "geometric probability \(probability) is not in (0, 1]")
        self.probability = probability
    }

    /// Draws one sample.
    public func sample(using generator: inout some RandomNumberGenerator) -> Int {
        GeometricDistribution.sample(probability: probability, using: &generator)
    }

    /// A geometric sample by inversion, `1 + floor(log U / log(1 − p))` with U in (0, 1];
    /// `p >= 1` gives 1 and `p <= 0` (or NaN) gives `Int.max / 2`, a stand-in for "never".
    public static func sample(probability: Double, using generator: inout some RandomNumberGenerator) -> Int {
        guard probability < 1 else { return 1 }
        guard probability > 0 else { return Int.max / 2 }
        let u = UniformDistribution.openUnit(using: &generator)
        let trials = 1 + (PortableMath.logarithm(u) / PortableMath.logarithm(1 - probability)).rounded(.down)
        return trials < 1e18 ? Int(trials) : Int.max / 2
    }
}
