/// The gamma distribution with a shape and a scale (mean `shape · scale`, variance
/// `shape · scale²`), sampled by Marsaglia and Tsang's method (2000).
///
/// For shape below 1 it uses the boost `Gamma(a) = Gamma(a + 1) · U^(1/a)`.
public struct GammaDistribution: RandomDistribution, Hashable {
    /// The shape `k` (positive).
    public let shape: Double
    /// The scale `θ` (positive); the rate is `1 / θ`.
    public let scale: Double

    /// Creates the gamma distribution with the given shape and scale.
    /// - Throws: ``DistributionError`` unless both are positive and finite.
    public init(shape: Double, scale: Double = 1) throws(DistributionError) {
        try DistributionError.require(
            shape.isFinite && shape > 0 && scale.isFinite && scale > 0,
            "gamma(shape: \(shape), scale: \(scale)) needs a positive shape and scale")
        self.shape = shape
        self.scale = scale
    }

    /// Draws one sample.
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        scale * GammaDistribution.standard(shape: shape, using: &generator)
    }

    /// A Gamma(shape, 1) sample; `shape` must be positive (callers validate).
    ///
    /// Marsaglia–Tsang: `d = a − 1/3`, `c = 1/sqrt(9d)`; repeat `x ~ N(0,1)`, `v = (1 + cx)³`,
    /// `u ~ U(0,1)` until `v > 0` and (`u < 1 − 0.0331x⁴` or `log u < x²/2 + d(1 − v + log v)`);
    /// return `d · v`. Accepts with probability above 0.95 for every shape ≥ 1.
    static func standard(shape: Double, using generator: inout some RandomNumberGenerator) -> Double {
        if shape < 1 {
            let boosted = standard(shape: shape + 1, using: &generator)
            let u = UniformDistribution.openUnit(using: &generator)
            return boosted * PortableMath.exponential(PortableMath.logarithm(u) / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1.0 / (9.0 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = NormalDistribution.standard(using: &generator)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = UniformDistribution.openUnit(using: &generator)
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if PortableMath.logarithm(u) < 0.5 * x2 + d * (1 - v + PortableMath.logarithm(v)) { return d * v }
        }
    }
}

/// The beta distribution on [0, 1] (mean `α / (α + β)`), sampled as `X / (X + Y)` with
/// `X ~ Gamma(α, 1)` and `Y ~ Gamma(β, 1)`.
public struct BetaDistribution: RandomDistribution, Hashable {
    /// The first shape `α` (positive).
    public let alpha: Double
    /// The second shape `β` (positive).
    public let beta: Double

    /// Creates the beta distribution with the given shapes.
    /// - Throws: ``DistributionError`` unless both are positive and finite.
    public init(alpha: Double, beta: Double) throws(DistributionError) {
        try DistributionError.require(
            alpha.isFinite && alpha > 0 && beta.isFinite && beta > 0,
            "beta(alpha: \(alpha), beta: \(beta)) needs positive shapes")
        self.alpha = alpha
        self.beta = beta
    }

    /// Draws one sample.
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        let x = GammaDistribution.standard(shape: alpha, using: &generator)
        let y = GammaDistribution.standard(shape: beta, using: &generator)
        let total = x + y
        // Both can underflow to zero for tiny shapes; fall back to the mean's Bernoulli limit.
        guard total > 0 else {
            return UniformDistribution.unit(using: &generator) < alpha / (alpha + beta) ? 1 : 0
        }
        return x / total
    }
}
