/// The eight 32-bit working words of SHA-256 (FIPS 180-4 §6.2) and the compression function.
struct HashState: Sendable {
    var a, b, c, d, e, f, g, h: UInt32

    /// The initial hash value H(0) of FIPS 180-4 §5.3.3.
    static let initial = HashState(
        a: 0x6a09_e667, b: 0xbb67_ae85, c: 0x3c6e_f372, d: 0xa54f_f53a,
        e: 0x510e_527f, f: 0x9b05_688c, g: 0x1f83_d9ab, h: 0x5be0_cd19)

    /// The digest: the eight words, big-endian.
    func digest() -> HashDigest {
        var bytes = [UInt8](repeating: 0, count: 32)
        for (index, word) in [a, b, c, d, e, f, g, h].enumerated() {
            bytes[index * 4] = UInt8(truncatingIfNeeded: word >> 24)
            bytes[index * 4 + 1] = UInt8(truncatingIfNeeded: word >> 16)
            bytes[index * 4 + 2] = UInt8(truncatingIfNeeded: word >> 8)
            bytes[index * 4 + 3] = UInt8(truncatingIfNeeded: word)
        }
        return HashDigest(bytes: bytes)
    }

    /// Compresses every 64-byte block of `blocks` (whose count is a multiple of 64) into the state.
    ///
    /// Rounds are unrolled eight at a time by rotating the roles of the working variables
    /// instead of moving them; the message schedule is computed inside the rounds in a
    /// 16-word ring on the stack, so each block is read once, with big-endian loads, and
    /// nothing touches the heap.
    mutating func compress(blocks: UnsafeRawBufferPointer) {
        let blockCount = blocks.count / 64
        guard blockCount > 0, let base = blocks.baseAddress else { return }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { ring in
            guard let w = ring.baseAddress else { return }
            roundConstants.withUnsafeBufferPointer { constants in
                guard let k = constants.baseAddress else { return }
                var (h0, h1, h2, h3, h4, h5, h6, h7) = (a, b, c, d, e, f, g, h)
                for block in 0..<blockCount {
                    let bytes = base + block * 64
                    var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
                    var r = 0
                    while r < 16 {
                        for j in r..<(r + 8) {
                            w[j] = UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: j * 4, as: UInt32.self))
                        }
                        round(a, b, c, &d, e, f, g, &h, k[r] &+ w[r])
                        round(h, a, b, &c, d, e, f, &g, k[r + 1] &+ w[r + 1])
                        round(g, h, a, &b, c, d, e, &f, k[r + 2] &+ w[r + 2])
                        round(f, g, h, &a, b, c, d, &e, k[r + 3] &+ w[r + 3])
                        round(e, f, g, &h, a, b, c, &d, k[r + 4] &+ w[r + 4])
                        round(d, e, f, &g, h, a, b, &c, k[r + 5] &+ w[r + 5])
                        round(c, d, e, &f, g, h, a, &b, k[r + 6] &+ w[r + 6])
                        round(b, c, d, &e, f, g, h, &a, k[r + 7] &+ w[r + 7])
                        r += 8
                    }
                    while r < 64 {
                        round(a, b, c, &d, e, f, g, &h, k[r] &+ schedule(w, r))
                        round(h, a, b, &c, d, e, f, &g, k[r + 1] &+ schedule(w, r + 1))
                        round(g, h, a, &b, c, d, e, &f, k[r + 2] &+ schedule(w, r + 2))
                        round(f, g, h, &a, b, c, d, &e, k[r + 3] &+ schedule(w, r + 3))
                        round(e, f, g, &h, a, b, c, &d, k[r + 4] &+ schedule(w, r + 4))
                        round(d, e, f, &g, h, a, b, &c, k[r + 5] &+ schedule(w, r + 5))
                        round(c, d, e, &f, g, h, a, &b, k[r + 6] &+ schedule(w, r + 6))
                        round(b, c, d, &e, f, g, h, &a, k[r + 7] &+ schedule(w, r + 7))
                        r += 8
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
                    h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                }
                (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
            }
        }
    }
}

/// Word `t` (16 ≤ t < 64) of the message schedule, computed in place in the 16-word ring:
/// `W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16]` (FIPS 180-4 §6.2.2).
@inline(__always)
private func schedule(_ w: UnsafeMutablePointer<UInt32>, _ t: Int) -> UInt32 {
    let w15 = w[(t &- 15) & 15], w2 = w[(t &- 2) & 15]
    let s0 = rotate(w15, 7) ^ rotate(w15, 18) ^ (w15 &>> 3)
    let s1 = rotate(w2, 17) ^ rotate(w2, 19) ^ (w2 &>> 10)
    let value = w[t & 15] &+ s0 &+ w[(t &- 7) & 15] &+ s1
    w[t & 15] = value
    return value
}

/// One SHA-256 round: `d` and `h` receive the new values; the caller rotates the roles.
/// `Ch` and `Maj` use the forms with one operation fewer than FIPS 180-4 §4.1.2 writes.
@inline(__always)
private func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
) {
    let sigma1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
    let choose = g ^ (e & (f ^ g))
    let t1 = h &+ sigma1 &+ choose &+ kw
    let sigma0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
    let majority = (a & b) | (c & (a | b))
    d &+= t1
    h = t1 &+ sigma0 &+ majority
}

@inline(__always)
private func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 {
    (x &>> n) | (x &<< (32 &- n))
}

/// The round constants K of FIPS 180-4 §4.2.2.
private let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
]
