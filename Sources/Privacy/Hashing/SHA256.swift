/// SHA-256 as specified in FIPS 180-4, written in the library so that pseudonymisation,
/// suppression records and the audit chain need no package.
///
/// Incremental: feed bytes with ``update(_:)-7kq0v`` in as many pieces as convenient, then
/// call ``finalize()``. The compression function is unrolled eight rounds at a time and
/// reads each 64-byte block straight from the caller's buffer with big-endian loads, so
/// hashing long inputs runs at several hundred MB/s on one core (see
/// `Documentation/HMAC.md`). The type is a value: copying it forks the hash, which is how
/// ``HMACSHA256`` reuses its keyed prefix.
///
/// ```swift
/// let digest = SHA256.hash(Array("abc".utf8))
/// digest.hex  // "ba7816bf…f20015ad"
/// ```
public struct SHA256: Sendable {
    /// The length of a digest in bytes.
    public static let digestByteCount = 32
    /// The length of one compression block in bytes.
    public static let blockByteCount = 64

    private var h = HashState.initial
    /// The bytes of an incomplete block (the first `tailCount` are valid).
    private var tail = BlockBuffer()
    private var tailCount = 0
    /// Bytes fed so far; FIPS 180-4 limits messages to 2^64 - 1 bits.
    private var totalBytes: UInt64 = 0

    /// Creates a hash of the empty message, ready for input.
    public init() {}

    /// Feeds the bytes in `bytes`.
    /// - Complexity: O(n) for n bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        totalBytes &+= UInt64(bytes.count)
        var offset = 0
        if tailCount > 0 {
            let take = min(Self.blockByteCount - tailCount, bytes.count)
            let count = tailCount
            withUnsafeMutableBytes(of: &tail) { buffer in
                buffer.baseAddress!.advanced(by: count).copyMemory(from: base, byteCount: take)
            }
            tailCount += take
            offset = take
            guard tailCount == Self.blockByteCount else { return }
            let block = tail
            withUnsafeBytes(of: block) { h.compress(blocks: $0) }
            tailCount = 0
        }
        let whole = (bytes.count - offset) / Self.blockByteCount * Self.blockByteCount
        if whole > 0 {
            h.compress(blocks: UnsafeRawBufferPointer(start: base + offset, count: whole))
            offset += whole
        }
        let rest = bytes.count - offset
        if rest > 0 {
            withUnsafeMutableBytes(of: &tail) { buffer in
                buffer.baseAddress!.copyMemory(from: base + offset, byteCount: rest)
            }
            tailCount = rest
        }
    }

    /// Feeds a sequence of bytes (an array, a string's UTF-8 view, a slice).
    /// - Complexity: O(n) for n bytes.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { update($0) }
        }
    }

    /// Pads the message, compresses the last block(s) and returns the digest.
    /// - Complexity: O(1).
    public func finalize() -> HashDigest {
        var copy = self
        let bitLength = totalBytes &* 8
        var padding = BlockBuffer()
        // One 0x80 byte, zeros, then the 64-bit big-endian length, ending on a block boundary.
        let padCount = (tailCount < 56 ? 56 : 120) - tailCount
        withUnsafeMutableBytes(of: &padding) { $0[0] = 0x80 }
        let savedTotal = copy.totalBytes
        withUnsafeBytes(of: padding) { copy.update(UnsafeRawBufferPointer(rebasing: $0[0..<padCount])) }
        withUnsafeBytes(of: bitLength.bigEndian) { copy.update($0) }
        copy.totalBytes = savedTotal
        return copy.h.digest()
    }

    /// The SHA-256 digest of `bytes`.
    /// - Complexity: O(n) for n bytes.
    public static func hash(_ bytes: some Sequence<UInt8>) -> HashDigest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The SHA-256 digest of the UTF-8 bytes of `text`.
    public static func hash(_ text: String) -> HashDigest {
        var text = text
        return text.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }

    /// The SHA-256 digest of the bytes in a raw buffer.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> HashDigest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }
}

/// 64 bytes of inline storage: a block buffer that never touches the heap.
struct BlockBuffer: Sendable {
    var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
}
