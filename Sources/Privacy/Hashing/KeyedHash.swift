/// A keyed hash (a message authentication code used as a pseudonymous fingerprint).
///
/// Pseudonyms, suppression records and hashed do-not-contact entries are computed through
/// this protocol, so a user can plug in another implementation (a hardware module, a key
/// held by a service) with the same contract: the same key and message always give the
/// same digest, and without the key the digest reveals nothing about the message.
/// ``HMACSHA256`` is the implementation in the library.
public protocol KeyedHash: Sendable {
    /// A short, stable name of the algorithm and key (never the key), recorded beside
    /// digests so that a later key rotation can tell old digests from new.
    var identifier: String { get }

    /// The keyed digest of `message`.
    func authenticationCode(for message: UnsafeRawBufferPointer) -> HashDigest
}

extension KeyedHash {
    /// The keyed digest of a byte sequence.
    public func authenticationCode(for message: some Sequence<UInt8>) -> HashDigest {
        if let digest = message.withContiguousStorageIfAvailable({ authenticationCode(for: UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return Array(message).withUnsafeBytes { authenticationCode(for: $0) }
    }

    /// The keyed digest of the UTF-8 bytes of `text`.
    public func authenticationCode(for text: String) -> HashDigest {
        var text = text
        return text.withUTF8 { authenticationCode(for: UnsafeRawBufferPointer($0)) }
    }
}
