/// How phone numbers are normalised to digits, for matching and for cleaning.
///
/// The rule, applied to the trimmed text:
/// 1. Every character that is not an ASCII digit is dropped (`+86 138-0013-8000` becomes
///    `8613800138000`). A text with no digit has no normalised form.
/// 2. A number written internationally, starting with `+` or with the international
///    call prefix `00`, keeps its country code; the `00` is dropped.
/// 3. Any other number is national. When ``defaultCountryCode`` is set, one leading
///    ``trunkPrefix`` (`0` by default) is dropped and the country code is put in front:
///    with `defaultCountryCode: "44"`, `020 7946 0000` becomes `442079460000`, the same
///    as `+44 20 7946 0000`. When it is nil (the default), national numbers stay as
///    their digits, so numbers from one country match each other but not their
///    international spelling.
///
/// The rule never guesses whether a national number already starts with a country code.
public struct PhoneNormalization: Hashable, Sendable, Codable {
    /// The country calling code (digits only, e.g. `"86"`) for national numbers, if any.
    public var defaultCountryCode: String?
    /// The national trunk prefix dropped before adding the country code (`"0"` by default).
    public var trunkPrefix: String

    /// Creates a rule; non-digits in the codes are ignored.
    public init(defaultCountryCode: String? = nil, trunkPrefix: String = "0") {
        let code = defaultCountryCode.map { PhoneNormalization.digits(of: $0) }
        self.defaultCountryCode = (code?.isEmpty ?? true) ? nil : code
        self.trunkPrefix = PhoneNormalization.digits(of: trunkPrefix)
    }

    /// The normalised digits of `raw`, or nil when it has no digit.
    /// - Complexity: O(n) in the length of the text.
    public func normalize(_ raw: some StringProtocol) -> String? {
        let text = IdentityKey.trimmed(raw)
        var digits = PhoneNormalization.digits(of: text)
        guard !digits.isEmpty else { return nil }
        if text.hasPrefix("+") { return digits }
        if digits.hasPrefix("00") {
            digits.removeFirst(2)
            return digits.isEmpty ? nil : digits
        }
        guard let country = defaultCountryCode else { return digits }
        if !trunkPrefix.isEmpty, digits.hasPrefix(trunkPrefix) { digits.removeFirst(trunkPrefix.count) }
        return digits.isEmpty ? nil : country + digits
    }

    /// The ASCII digits of `text`, in order.
    /// - Complexity: O(n) in the length of the text.
    public static func digits(of text: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 where byte >= 48 && byte <= 57 { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
