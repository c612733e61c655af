/// The output of a hash or keyed hash: raw bytes with a lowercase hexadecimal spelling.
///
/// Codable as its hex string, so digests in suppression records and audit entries read the
/// same in JSON as in test vectors.
public struct HashDigest: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The digest bytes.
    public let bytes: [UInt8]

    /// Wraps digest bytes.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses a hexadecimal spelling (upper or lower case); nil when `hex` is not an even
    /// number of hex digits.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.bytes = bytes
    }

    /// The lowercase hexadecimal spelling.
    public var hex: String {
        let alphabet = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(alphabet[Int(byte >> 4)])
            out.append(alphabet[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The hex spelling.
    public var description: String { hex }

    /// The first `count` bytes (RFC 4231 test case 5 truncates to 128 bits).
    public func truncated(to count: Int) -> HashDigest { HashDigest(bytes: Array(bytes.prefix(count))) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let digest = HashDigest(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a hexadecimal digest"))
        }
        self = digest
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
