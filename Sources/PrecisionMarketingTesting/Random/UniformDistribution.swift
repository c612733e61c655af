/// The continuous uniform distribution on `[lowerBound, upperBound)`, plus the two
/// primitives every other distribution builds on: a unit double and a bounded integer.
public struct UniformDistribution: RandomDistribution, Hashable {
    /// The inclusive lower end.
    public let lowerBound: Double
    /// The exclusive upper end.
    public let upperBound: Double

    /// Creates the uniform distribution on `[lowerBound, upperBound)`.
    /// - Throws: ``DistributionError`` when the bounds are not finite or not increasing.
    public init(lowerBound: Double = 0, upperBound: Double = 1) throws(DistributionError) {
        try DistributionError.require(
            lowerBound.isFinite && upperBound.isFinite && lowerBound < upperBound,
            "uniform bounds [\(lowerBound), \(upperBound)) are not a finite interval")
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// Draws one sample: `lowerBound + (upperBound - lowerBound) * u`.
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        let value = lowerBound + (upperBound - lowerBound) * UniformDistribution.unit(using: &generator)
        return value < upperBound ? value : lowerBound  // guard the rounding edge
    }

    /// A double in `[0, 1)` from the top 53 bits of one 64-bit output: `(x >> 11) * 2⁻⁵³`.
    ///
    /// Every value is a multiple of 2⁻⁵³, equally likely.
    @inlinable
    public static func unit(using generator: inout some RandomNumberGenerator) -> Double {
        Double(generator.next() >> 11) * 0x1.0p-53
    }

    /// A double in `(0, 1]`: `1 - unit`, safe to pass to `log`.
    @inlinable
    public static func openUnit(using generator: inout some RandomNumberGenerator) -> Double {
        1.0 - unit(using: &generator)
    }

    /// An integer uniform in `0..<bound` by Lemire's multiply-and-reject method, without bias.
    ///
    /// Defined here rather than by `Int.random(in:using:)`, whose algorithm the standard
    /// library does not promise to keep. Returns 0 when `bound <= 1`.
    @inlinable
    public static func integer(below bound: Int, using generator: inout some RandomNumberGenerator) -> Int {
        guard bound > 1 else { return 0 }
        let range = UInt64(bound)
        var product = generator.next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = generator.next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// True with probability `probability` (clamped to `[0, 1]`); one draw.
    @inlinable
    public static func bernoulli(_ probability: Double, using generator: inout some RandomNumberGenerator) -> Bool {
        unit(using: &generator) < probability
    }

    /// Shuffles `elements` in place by Fisher–Yates with ``integer(below:using:)``.
    /// - Complexity: O(n).
    public static func shuffle<Element>(_ elements: inout [Element], using generator: inout some RandomNumberGenerator) {
        var index = elements.count - 1
        while index > 0 {
            let other = integer(below: index + 1, using: &generator)
            elements.swapAt(index, other)
            index -= 1
        }
    }
}
