/// A small validator of email-address syntax (no regular expressions).
///
/// Accepts `local@domain` where the local part is 1–64 characters of letters, digits and
/// ``localSpecials`` without a leading, trailing or doubled dot, and the domain has at
/// least two dot-separated labels of 1–63 letters, digits or hyphens, none starting or
/// ending with a hyphen, with a top-level label that is not all digits and has at least
/// two characters. Bytes above ASCII count as letters (internationalised addresses).
/// Quoted local parts and IP-literal domains are refused: real customer data has none.
public enum EmailSyntax {
    /// Punctuation allowed in the local part besides the dot.
    public static let localSpecials: Set<UInt8> = Set("!#$%&'*+/=?^_`{|}~-".utf8)

    /// Whether `text` (already trimmed) is a syntactically valid address.
    /// - Complexity: O(n) in the length of the text.
    public static func isValid(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count <= 254, let at = bytes.firstIndex(of: UInt8(ascii: "@")),
              bytes.lastIndex(of: UInt8(ascii: "@")) == at
        else { return false }
        return isValidLocal(bytes[..<at]) && isValidDomain(bytes[(at + 1)...])
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte >= 128
    }

    private static func isValidLocal(_ local: ArraySlice<UInt8>) -> Bool {
        guard (1...64).contains(local.count), local.first != UInt8(ascii: "."), local.last != UInt8(ascii: ".")
        else { return false }
        var previous: UInt8 = 0
        for byte in local {
            let dot = byte == UInt8(ascii: ".")
            guard isLetterOrDigit(byte) || dot || localSpecials.contains(byte) else { return false }
            if dot && previous == UInt8(ascii: ".") { return false }
            previous = byte
        }
        return true
    }

    private static func isValidDomain(_ domain: ArraySlice<UInt8>) -> Bool {
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                  label.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") })
            else { return false }
        }
        guard let top = labels.last else { return false }
        return top.count >= 2 && !top.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
