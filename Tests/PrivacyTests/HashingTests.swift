import Testing
import Privacy

/// FIPS 180-4 (NIST CSRC example values) and RFC 4231 vectors, plus padding boundaries
/// checked against Python's hashlib.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func fipsVectors(message: String, expected: String) {
        #expect(SHA256.hash(message).hex == expected)
    }

    @Test func oneMillionAs() {
        #expect(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)).hex
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the 55/56/64-byte padding boundaries; bytes are `(7i + 3) mod 256`.
    @Test(arguments: [
        (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
        (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
        (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
        (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
        (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
        (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
        (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
        (127, "a8d23e75d936f303d248888d9b165ee543f4cbafcad3c9dd2a79bd84faa11d07"),
        (128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"),
        (1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"),
    ])
    func paddingBoundaries(length: Int, expected: String) {
        let bytes = (0..<length).map { UInt8(($0 * 7 + 3) % 256) }
        #expect(SHA256.hash(bytes).hex == expected)
        // Any split into pieces gives the same digest as one call.
        for split in [1, 3, 17, 63, 64, 65] where split < length {
            var hasher = SHA256()
            var start = 0
            while start < length {
                let end = min(start + split, length)
                hasher.update(bytes[start..<end])
                start = end
            }
            #expect(hasher.finalize().hex == expected, "split \(split)")
        }
    }

    @Test func finalizeDoesNotConsumeTheHasher() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        _ = hasher.finalize()
        hasher.update(Array("c".utf8))
        #expect(hasher.finalize().hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func digestHexRoundTrip() throws {
        let digest = try #require(HashDigest(hex: "00FFa1"))
        #expect(digest.bytes == [0, 255, 161])
        #expect(digest.hex == "00ffa1")
        #expect(HashDigest(hex: "abc") == nil)
        #expect(HashDigest(hex: "zz") == nil)
    }
}

/// RFC 4231 §4.2–4.8: all seven HMAC-SHA-256 test cases.
@Suite struct HMACSHA256Tests {
    static let largeKey = [UInt8](repeating: 0xaa, count: 131)

    @Test(arguments: [
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
         "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        (Array(UInt8(1)...UInt8(25)), [UInt8](repeating: 0xcd, count: 50),
         "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        (largeKey, Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        (largeKey, Array(("This is a test using a larger than block-size key and a larger than block-size data. "
                          + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ])
    func rfc4231(key: [UInt8], data: [UInt8], expected: String) {
        #expect(HMACSHA256(key: key).authenticationCode(for: data).hex == expected)
    }

    @Test func rfc4231TruncatedCase5() {
        let mac = HMACSHA256(key: [UInt8](repeating: 0x0c, count: 20))
        #expect(mac.authenticationCode(for: "Test With Truncation").truncated(to: 16).hex == "a3b6167473100ee06e0c796c2955552b")
    }

    @Test func identifierNamesTheKeyLabelNotTheKey() {
        let mac = HMACSHA256(key: Array("secret-key-material".utf8), keyLabel: "2026-q4")
        #expect(mac.identifier == "HMAC-SHA-256:2026-q4")
    }
}
