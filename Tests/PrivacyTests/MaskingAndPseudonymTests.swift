import Testing
import CustomerModel
import Privacy
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite struct MaskingTests {
    @Test func emails() {
        #expect(Masking.email("john.doe@example.com") == "j*******@example.com")
        #expect(Masking.email("a@b.cn") == "a@b.cn")
        #expect(Masking.email("nobody") == "n*****")
    }

    @Test func phones() {
        #expect(Masking.phone("+86 138-0013-8000") == "+** ***-****-8000")
        #expect(Masking.phone("020 7946 0000", visibleDigits: 2) == "*** **** **00")
        #expect(Masking.phone("123") == "***")
    }

    @Test func names() {
        #expect(Masking.name("Ada Lovelace") == "A** L*******")
        #expect(Masking.name("张三丰") == "张**")
        #expect(Masking.name("Jean-Luc P") == "J***-L** P")
    }
}

@Suite struct PseudonymizerTests {
    static let key = Array("0123456789abcdef0123456789abcdef".utf8)

    @Test func pseudonymIsTheHMACOfKindAndValue() throws {
        let pseudonymizer = try Pseudonymizer(key: Self.key)
        // HMAC-SHA-256(key, "customerID\0c-42"), computed with Python's hmac module.
        #expect(pseudonymizer.pseudonym(for: "c-42").rawValue
            == HMACSHA256(key: Self.key).authenticationCode(for: Array("customerID".utf8) + [0] + Array("c-42".utf8)).hex)
        #expect(pseudonymizer.pseudonym(for: "c-42").rawValue
            == "dee8faa71e5dcb135a92126e5541d4f3d1ceac57c4b59a2c9f2e9181576ad1ef")
    }

    @Test func spellingsOfOneEmailOrPhoneShareAFingerprint() throws {
        let pseudonymizer = try Pseudonymizer(key: Self.key)
        #expect(pseudonymizer.fingerprint(" Ann@Example.COM", as: .email) == pseudonymizer.fingerprint("ann@example.com", as: .email))
        #expect(pseudonymizer.fingerprint("+44 20 7946 0000", as: .phone) == pseudonymizer.fingerprint("0044-20-7946-0000", as: .phone))
        #expect(pseudonymizer.fingerprint("ann@example.com", as: .email) != pseudonymizer.fingerprint("ann@example.com", as: .customerID))
        #expect(pseudonymizer.fingerprint("no digits", as: .phone) == nil)
    }

    @Test func differentKeysGiveUnrelatedPseudonyms() throws {
        let one = try Pseudonymizer(key: Self.key)
        let two = try Pseudonymizer(key: Array("fedcba9876543210fedcba9876543210".utf8))
        #expect(one.pseudonym(for: "c-1") != two.pseudonym(for: "c-1"))
        #expect(one.pseudonym(for: "c-1") == one.pseudonym(for: "c-1"))
    }

    @Test func shortKeysAreRefused() {
        #expect(throws: PrivacyError.self) { try Pseudonymizer(key: Array("short".utf8)) }
        do {
            _ = try Pseudonymizer(key: Array("short".utf8))
        } catch let error as PrivacyError {
            #expect(error.code == .invalidParameter)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func pseudonymizedProfileLosesDirectIdentifiers() throws {
        let pseudonymizer = try Pseudonymizer(key: Self.key)
        let observed = Date(timeIntervalSince1970: 1_700_000_000)
        let provenance = Provenance(method: .customerUpdate, channel: .online, observedAt: observed)
        var profile = CustomerProfile(id: "c-42", createdAt: observed)
        profile.set(.email, to: .string("ann@example.com"), provenance: provenance)
        profile.set(.name, to: .string("Ann"), provenance: provenance)
        profile.set(.region, to: .string("North"), provenance: provenance)
        let released = pseudonymizer.pseudonymize(profile)
        #expect(released.id == pseudonymizer.pseudonym(for: "c-42"))
        #expect(released.email == nil)
        #expect(released.name == nil)
        #expect(released.region == "North")
    }
}
