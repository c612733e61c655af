/// SplitMix64 (Steele, Lea and Flood 2014): a tiny 64-bit generator used to expand a seed
/// into the state of ``SeededGenerator`` and to derive independent streams.
///
/// It is also a usable `RandomNumberGenerator` on its own; its output depends only on
/// integer arithmetic, so it is identical on every platform.
public struct SplitMix64: RandomNumberGenerator, Hashable, Sendable {
    /// The current state; each call to ``next()`` adds the golden-ratio increment.
    public var state: UInt64

    /// Creates the generator with the given state.
    public init(state: UInt64) { self.state = state }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective avalanche mix of 64 bits.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
