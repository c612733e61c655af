/// Stable least-significant-digit radix sort of 64-bit keys, returning the permutation.
///
/// Used where millions of integer keys must be ordered (first appearances in the snapshot,
/// monetary ranks in RFM): O(n) passes of 16 bits, skipping digits on which all keys agree.
public enum RadixSort {
    /// The indices `0..<keys.count` ordered by ascending key; equal keys keep index order.
    /// - Complexity: O(n · d) for d distinct 16-bit digit positions (at most 4).
    public static func ascendingPermutation(of keys: [UInt64]) -> [Int32] {
        let n = keys.count
        var order = [Int32](unsafeUninitializedCapacity: n) { buffer, initialized in
            for i in 0..<n { buffer[i] = Int32(i) }
            initialized = n
        }
        guard n > 1 else { return order }
        var orAll: UInt64 = 0
        var andAll: UInt64 = ~0
        for key in keys {
            orAll |= key
            andAll &= key
        }
        let varying = orAll ^ andAll
        var scratch = [Int32](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << 16)
        keys.withUnsafeBufferPointer { keys in
            for shift in stride(from: 0 as UInt64, to: 64, by: 16) where (varying >> shift) & 0xFFFF != 0 {
                counts.withUnsafeMutableBufferPointer { counts in
                    counts.update(repeating: 0)
                    for key in keys { counts[Int((key >> shift) & 0xFFFF)] += 1 }
                    var total = 0
                    for digit in 0..<counts.count {
                        let c = counts[digit]
                        counts[digit] = total
                        total += c
                    }
                    order.withUnsafeBufferPointer { source in
                        scratch.withUnsafeMutableBufferPointer { target in
                            for index in source {
                                let digit = Int((keys[Int(index)] >> shift) & 0xFFFF)
                                target[counts[digit]] = index
                                counts[digit] += 1
                            }
                        }
                    }
                }
                swap(&order, &scratch)
            }
        }
        return order
    }

    /// Maps a signed integer to an unsigned key with the same order.
    @inlinable
    public static func orderedKey(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: value) ^ (1 << 63)
    }
}
