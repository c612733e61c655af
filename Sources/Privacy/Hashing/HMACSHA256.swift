/// HMAC-SHA-256 (RFC 2104 with FIPS 180-4 SHA-256), verified against RFC 4231.
///
/// The key is absorbed once at initialisation: the inner and outer hashes are kept after
/// their first block (`key ⊕ ipad`, `key ⊕ opad`), so each message costs only its own
/// blocks plus two final compressions. A key longer than the 64-byte block is first
/// hashed, as RFC 2104 requires.
///
/// ```swift
/// let mac = HMACSHA256(key: Array("Jefe".utf8))
/// mac.authenticationCode(for: "what do ya want for nothing?").hex  // "5bdcc146…64ec3843"
/// ```
public struct HMACSHA256: KeyedHash {
    private let inner: SHA256
    private let outer: SHA256
    /// `HMAC-SHA-256:` followed by a key label the caller chose (never the key).
    public let identifier: String

    /// Creates the keyed hash for `key`; `keyLabel` names the key in ``identifier``.
    ///
    /// An empty key is allowed by RFC 2104 but gives no secrecy; pseudonymisation refuses
    /// short keys at its own level (see ``Pseudonymizer``).
    public init(key: some Sequence<UInt8>, keyLabel: String = "default") {
        var keyBytes = Array(key)
        if keyBytes.count > SHA256.blockByteCount { keyBytes = SHA256.hash(keyBytes).bytes }
        keyBytes += [UInt8](repeating: 0, count: SHA256.blockByteCount - keyBytes.count)
        var inner = SHA256()
        inner.update(keyBytes.map { $0 ^ 0x36 })
        var outer = SHA256()
        outer.update(keyBytes.map { $0 ^ 0x5c })
        self.inner = inner
        self.outer = outer
        self.identifier = "HMAC-SHA-256:" + keyLabel
    }

    /// `HMAC(K, m) = H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m))`.
    /// - Complexity: O(n) for n message bytes.
    public func authenticationCode(for message: UnsafeRawBufferPointer) -> HashDigest {
        var innerHash = inner
        innerHash.update(message)
        let innerDigest = innerHash.finalize()
        var outerHash = outer
        innerDigest.bytes.withUnsafeBytes { outerHash.update($0) }
        return outerHash.finalize()
    }
}
