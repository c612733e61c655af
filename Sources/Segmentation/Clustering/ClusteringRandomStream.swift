/// SplitMix64 (Steele, Lea & Flood 2014): the generator of one k-means restart or one
/// silhouette sample, seeded from the caller's seed or generator so that the stream depends
/// only on integer arithmetic and is the same on every platform and build.
struct ClusteringRandomStream: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1) from the top 53 bits (not `Double.random`, whose
    /// algorithm the standard library does not promise to keep).
    mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A uniform integer in `0..<bound` (bound > 0), by Lemire's multiply-and-reject.
    mutating func nextIndex(below bound: Int) -> Int {
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold { product = next().multipliedFullWidth(by: limit) }
        }
        return Int(product.high)
    }
}
