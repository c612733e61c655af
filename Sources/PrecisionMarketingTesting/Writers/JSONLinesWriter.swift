#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Writes values as JSON Lines: one compact JSON object per line, each line ending in `\n`.
///
/// Meant for fixtures (profiles, orders, interaction events) rather than speed. The default
/// encoder sorts keys and writes dates as ISO 8601 text, so the output is stable.
public struct JSONLinesWriter: Sendable {
    private let makeEncoder: @Sendable () -> JSONEncoder

    /// Creates a writer with sorted keys and ISO 8601 dates.
    public init() {
        makeEncoder = {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            return encoder
        }
    }

    /// Creates a writer that encodes with encoders made by `makeEncoder` (called once per
    /// write). Pretty printing would break the one-line-per-value format; do not enable it.
    public init(encoder makeEncoder: @escaping @Sendable () -> JSONEncoder) {
        self.makeEncoder = makeEncoder
    }

    /// The JSON Lines bytes of `values`.
    /// - Throws: `EncodingError` when a value cannot be encoded (a non-finite number).
    /// - Complexity: O(total encoded size).
    public func bytes<Value: Encodable>(for values: some Sequence<Value>) throws -> [UInt8] {
        let encoder = makeEncoder()
        var bytes: [UInt8] = []
        for value in values {
            bytes.append(contentsOf: try encoder.encode(value))
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }
}
