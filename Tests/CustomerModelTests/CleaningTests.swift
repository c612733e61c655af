#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
import CustomerModel

private let cleaningProvenance = Provenance(
    method: .systemImport, channel: .offline, observedAt: Date(timeIntervalSince1970: 1_700_000_000), source: "legacy")

private func cleaningProfile(_ id: String, _ fields: [ProfileField: AttributeValue]) -> CustomerProfile {
    CustomerProfile(
        id: CustomerID(id), attributes: fields.mapValues { Attributed($0, provenance: cleaningProvenance) },
        createdAt: Date(timeIntervalSince1970: 1_600_000_000))
}

@Suite("Cleaning")
struct CleaningTests {
    @Test("Standardisation brings every field to one format and lists the changes")
    func standardise() {
        let raw = cleaningProfile("c1", [
            .email: .string(" Ann@X.COM "), .phone: .string("+44 (20) 7946-0000"), .postcode: .string(" sw1a 1aa"),
            .name: .string("  Ann   Smith "), .country: .string("gb"), .gender: .string("F"),
            .interests: .list([" golf", "golf", "", "tea  "]), .city: .string("Leeds"), .inquiryCost: .number(3),
        ])
        let (clean, changes) = Standardisation.standard.standardise(raw)
        #expect(clean[.email] == .string("ann@x.com"))
        #expect(clean[.phone] == .string("442079460000"))
        #expect(clean[.postcode] == .string("SW1A1AA"))
        #expect(clean[.name] == .string("Ann Smith"))
        #expect(clean[.country] == .string("GB"))
        #expect(clean[.gender] == .string("f"))
        #expect(clean[.interests] == .list(["golf", "tea"]))
        #expect(clean[.city] == .string("Leeds"))
        #expect(clean[.inquiryCost] == .number(3))
        #expect(changes.map(\.field) == [.country, .email, .gender, .interests, .name, .phone, .postcode])
        #expect(clean.attributes[.email]?.provenance == cleaningProvenance)
        #expect(clean.updatedAt == raw.updatedAt)
        #expect(Standardisation.standard.standardise(clean).changes.isEmpty)
    }

    @Test("A national phone gets the default country code; a phone without digits is only trimmed")
    func phoneRule() {
        let rule = Standardisation(phone: PhoneNormalization(defaultCountryCode: "86"))
        #expect(rule.standardise(.string("138 0013 8000"), of: .phone) == .string("8613800138000"))
        #expect(rule.standardise(.string("+86 138 0013 8000"), of: .phone) == .string("8613800138000"))
        #expect(rule.standardise(.string(" unknown "), of: .phone) == .string("unknown"))
    }

    @Test("Duplicates by email, phone, or name plus postcode, with the matched rules")
    func duplicates() {
        let profiles = [
            cleaningProfile("e", [.name: .string("ann smith"), .postcode: .string("sw1a1aa")]),
            cleaningProfile("a", [.email: .string("A@x.com")]),
            cleaningProfile("b", [.email: .string(" a@X.com"), .phone: .string("555-0100")]),
            cleaningProfile("c", [.phone: .string("(555) 0100")]),
            cleaningProfile("d", [.name: .string("Ann  Smith"), .postcode: .string("SW1A 1AA")]),
            cleaningProfile("f", [.email: .string("f@x.com"), .phone: .string("777")]),
            cleaningProfile("g", [.email: .string("F@x.com"), .phone: .string("7 7 7")]),
            cleaningProfile("h", [.email: .string(""), .phone: .string("")]),
            cleaningProfile("i", [.email: .string(" "), .name: .string("Ann Smith")]),
        ]
        let groups = DuplicateDetection.standard.groups(profiles)
        #expect(groups == [
            DuplicateGroup(customerIDs: ["a", "b"], rules: [.email]),
            DuplicateGroup(customerIDs: ["b", "c"], rules: [.phone]),
            DuplicateGroup(customerIDs: ["d", "e"], rules: [.namePostcode]),
            DuplicateGroup(customerIDs: ["f", "g"], rules: [.email, .phone]),
        ])
        #expect(DuplicateDetection(rules: [.phone]).groups(profiles).map(\.customerIDs) == [["b", "c"], ["f", "g"]])
    }

    @Test("Duplicate detection and identity resolution normalise keys the same way")
    func sharedNormalisation() throws {
        let profiles = [
            cleaningProfile("a", [.email: .string("A@x.com")]),
            cleaningProfile("b", [.email: .string(" a@X.com")]),
        ]
        let detected = DuplicateDetection.standard.groups(profiles).map(\.customerIDs)
        let resolved = try IdentityResolver().groups(of: profiles).map(\.customerIDs)
        #expect(detected == resolved)
    }

    @Test("Standard text helpers", arguments: [
        ("  a \t b\n c ", "a b c"), ("", ""), ("x", "x"),
    ])
    func collapse(raw: String, expected: String) {
        #expect(Standardisation.collapsedWhitespace(raw) == expected)
        #expect(Standardisation.nameKey(raw) == (expected.isEmpty ? nil : expected.lowercased()))
    }
}
