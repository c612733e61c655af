/// A seeded, platform-independent pseudo-random generator: xoshiro256** (Blackman and
/// Vigna 2018) with its 256-bit state filled by ``SplitMix64`` from a 64-bit seed.
///
/// Use it wherever a library API takes `using: inout some RandomNumberGenerator` and the
/// result must be reproducible. The stream is defined by integer arithmetic only, so the
/// same seed (and stream) gives the same bits on Linux, macOS and every architecture, in
/// debug and release builds. Unlike `SystemRandomNumberGenerator` it is not suitable for
/// anything security-related.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let x = UniformDistribution.unit(using: &rng)          // in [0, 1)
/// let k = UniformDistribution.integer(below: 6, using: &rng)  // 0...5
/// ```
///
/// The outputs for seed 0 start `0x99EC5F36CB75F2B4, 0xBF6E1F784956452A, …` (the test
/// suite pins the first values so any drift fails).
public struct SeededGenerator: RandomNumberGenerator, Hashable, Sendable {
    /// The four 64-bit words of xoshiro256** state (never all zero).
    public var state: (UInt64, UInt64, UInt64, UInt64) { words }

    @usableFromInline
    var words: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a generator whose state is four consecutive ``SplitMix64`` outputs started at `seed`.
    public init(seed: UInt64) {
        var expander = SplitMix64(state: seed)
        let expanded = (expander.next(), expander.next(), expander.next(), expander.next())
        if expanded == (0, 0, 0, 0) {
            self.words = (0x9E37_79B9_7F4A_7C15, 0, 0, 0)  // unreachable in practice: SplitMix64 is a bijection
        } else {
            self.words = expanded
        }
    }

    /// Creates the generator of one independent stream of a seed.
    ///
    /// The state is seeded with `seed ^ SplitMix64.mix(stream ^ 0xD1B54A32D192ED03)`, so
    /// stream `k` of seed `s` is a fixed, documented function of `(s, k)`. The synthetic
    /// data generator gives every customer its own stream, so one customer's data does not
    /// depend on how many customers are generated.
    public init(seed: UInt64, stream: UInt64) {
        self.init(seed: seed ^ SplitMix64.mix(stream ^ 0xD1B5_4A32_D192_ED03))
    }

    /// Creates a generator from explicit state words (for resuming a saved stream).
    ///
    /// An all-zero state, which xoshiro cannot leave, is replaced by the state of seed 0.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        if state == (0, 0, 0, 0) {
            self.init(seed: 0)
        } else {
            self = SeededGenerator(seed: 0)
            words = state
        }
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = (words.1 &* 5).rotatedLeft(by: 7) &* 9
        let t = words.1 << 17
        words.2 ^= words.0
        words.3 ^= words.1
        words.1 ^= words.2
        words.0 ^= words.3
        words.2 ^= t
        words.3 = words.3.rotatedLeft(by: 45)
        return result
    }

    public static func == (lhs: SeededGenerator, rhs: SeededGenerator) -> Bool { lhs.state == rhs.state }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(state.0)
        hasher.combine(state.1)
        hasher.combine(state.2)
        hasher.combine(state.3)
    }
}

extension UInt64 {
    @inlinable
    func rotatedLeft(by count: UInt64) -> UInt64 { (self << count) | (self >> (64 &- count)) }
}
