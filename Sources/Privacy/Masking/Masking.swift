/// Masks personal data for display (GDPR Art. 25 data protection by default, PIPL Art. 51):
/// enough stays visible for a person to recognise their own data or a service agent to
/// confirm it, never enough to contact or identify someone.
///
/// Masking is for screens and logs; it is not pseudonymisation (see ``Pseudonymizer``).
/// Every rule keeps the length of what it masks visible, as service agents expect.
public enum Masking {
    /// The character that replaces hidden characters.
    public static let maskCharacter: Character = "*"

    /// Keeps the first character of the local part and the whole domain:
    /// `john.doe@example.com` → `j*******@example.com`. Text without `@` is masked as a name.
    public static func email(_ email: String) -> String {
        guard let at = email.lastIndex(of: "@"), at != email.startIndex else { return name(email) }
        let local = email[..<at]
        let domain = email[at...]
        return String(local.prefix(1)) + String(repeating: maskCharacter, count: local.count - 1) + domain
    }

    /// Keeps separators, a leading `+` and the last `visibleDigits` digits; hides every
    /// other digit: `+86 138-0013-8000` → `+** ***-****-8000`. Numbers with at most
    /// `visibleDigits` digits are hidden entirely.
    public static func phone(_ phone: String, visibleDigits: Int = 4) -> String {
        let digitCount = phone.reduce(0) { $0 + ($1.isASCII && $1.isNumber ? 1 : 0) }
        let shown = digitCount > visibleDigits ? max(visibleDigits, 0) : 0
        var seen = 0
        var result = ""
        for character in phone {
            if character.isASCII && character.isNumber {
                seen += 1
                result.append(seen > digitCount - shown ? character : maskCharacter)
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Keeps the first character of every word and hides the rest: `Ada Lovelace` →
    /// `A** L*******`, `张三丰` → `张**`. A one-character word stays as it is.
    public static func name(_ name: String) -> String {
        var result = ""
        var atWordStart = true
        for character in name {
            if character.isWhitespace || character == "-" {
                result.append(character)
                atWordStart = true
            } else if atWordStart {
                result.append(character)
                atWordStart = false
            } else {
                result.append(maskCharacter)
            }
        }
        return result
    }
}
