/// A platform-independent hash of (experiment, customer) to a number in [0, 1).
///
/// FNV-1a over the UTF-8 bytes of the experiment id, a unit separator (0x1F) and the
/// customer id, then the MurmurHash3 64-bit finaliser to spread the bits; the top 53 bits
/// become the fraction. The same pair gives the same number on every machine and run, and
/// different experiments give independent assignments.
public enum StableBucket {
    /// The bucket of `customerID` in `experimentID`, in [0, 1).
    /// - Complexity: O(length of the ids).
    public static func fraction(experimentID: String, customerID: String) -> Double {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        for byte in experimentID.utf8 { mix(byte) }
        mix(0x1F)
        for byte in customerID.utf8 { mix(byte) }
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash &*= 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return Double(hash >> 11) * 0x1p-53
    }
}
