import CustomerModel

/// A growable byte buffer with the appends the tool's writers need; far faster than
/// `JSONEncoder` for a million records.
struct ByteOutput {
    var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func append(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        DecimalParser.appendDigits(UInt64(value.magnitude), minimumWidth: 1, to: &bytes)
    }

    mutating func append(minorUnits: Int64, digits: Int) {
        DecimalParser.append(minorUnits: minorUnits, digits: digits, to: &bytes)
    }

    /// A JSON string literal, escaped.
    mutating func appendJSONString(_ raw: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var needsEscape = false
        for byte in raw where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            needsEscape = true
            break
        }
        if !needsEscape {
            bytes.append(contentsOf: raw)
        } else {
            for byte in raw {
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case UInt8(ascii: "\n"): append("\\n")
                case UInt8(ascii: "\r"): append("\\r")
                case UInt8(ascii: "\t"): append("\\t")
                case 0..<0x20:
                    append("\\u00")
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func appendJSONString(_ text: String) {
        var copy = text
        copy.withUTF8 { appendJSONString($0) }
    }

    /// A table cell padded to `width` (left-aligned text, right-aligned numbers).
    mutating func appendCell(_ text: String, width: Int, rightAligned: Bool = false) {
        let padding = max(0, width - text.count)
        if rightAligned { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: padding)) }
        append(text)
        if !rightAligned { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: padding)) }
    }
}
