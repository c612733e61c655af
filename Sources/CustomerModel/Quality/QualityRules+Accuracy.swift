extension QualityRules {
    /// The fields whose values accuracy checks: birth date, email, phone, postcode.
    public static let checkedFields: [ProfileField] = [.birthDate, .email, .phone, .postcode]

    /// Characters a phone number may hold besides digits.
    static let phoneSeparators: Set<UInt8> = Set(" +-().//".utf8)

    /// The accuracy problems of `field` in `profile` at `asOf`: empty when the value is
    /// valid, nil when the field is not checked (absent, empty, or without a rule).
    ///
    /// The postcode is checked against the pattern of the profile's `country`.
    /// - Complexity: O(n) in the length of the value.
    public func accuracyIssues(of field: ProfileField, in profile: CustomerProfile, asOf: CalendarDay) -> [QualityIssue]? {
        guard let value = profile[field], !value.isEmpty else { return nil }
        let text = value.stringValue ?? value.description
        func issue(_ kind: QualityIssue.Kind, _ message: String) -> [QualityIssue] {
            [QualityIssue(customerID: profile.id, field: field, kind: kind, message: message)]
        }
        switch field {
        case .email:
            let email = IdentityKey.normalizedEmail(text) ?? ""
            return EmailSyntax.isValid(email) ? [] : issue(.invalidEmail, "'\(text)' is not a valid email address")
        case .phone:
            let allowed = text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || QualityRules.phoneSeparators.contains($0) }
            let digits = phone.normalize(text)?.utf8.count ?? 0
            if !allowed { return issue(.invalidPhone, "'\(text)' has characters other than digits and separators") }
            return phoneDigits.contains(digits)
                ? [] : issue(.invalidPhone, "'\(text)' has \(digits) digits, expected \(phoneDigits.lowerBound)–\(phoneDigits.upperBound)")
        case .postcode:
            let country = profile[.country]?.stringValue
            return postcodes.isValid(text, country: country)
                ? [] : issue(.invalidPostcode, "'\(text)' is not a valid postcode for \(country ?? "an unknown country")")
        case .birthDate:
            guard let day = value.dayValue else { return issue(.invalidBirthDate, "'\(text)' is not a YYYY-MM-DD date") }
            if day > asOf { return issue(.birthDateInFuture, "\(day) is after the as-of date \(asOf)") }
            if let age = profile.age(on: asOf), age > maximumAge {
                return issue(.implausibleAge, "born \(day), age \(age) exceeds \(maximumAge)")
            }
            return []
        default:
            return nil
        }
    }

    /// The accuracy problems of an order: negative line amounts and mixed currencies.
    /// - Complexity: O(l) in the number of lines.
    public func accuracyIssues(of order: Order) -> [QualityIssue] {
        var issues: [QualityIssue] = []
        if let negative = order.lines.first(where: { $0.amount.isNegative }) {
            issues.append(QualityIssue(
                customerID: order.customerID, orderID: order.id, kind: .negativeOrderAmount,
                message: "line for item \(negative.itemID) has amount \(negative.amount)"))
        }
        if let first = order.lines.first?.amount.currency, order.lines.contains(where: { $0.amount.currency != first }) {
            let codes = Set(order.lines.map(\.amount.currency.code)).sorted().joined(separator: ", ")
            issues.append(QualityIssue(
                customerID: order.customerID, orderID: order.id, kind: .mixedOrderCurrency,
                message: "lines in several currencies: \(codes)"))
        }
        return issues
    }
}
