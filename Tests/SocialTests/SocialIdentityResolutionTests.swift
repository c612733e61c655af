import Foundation
import CustomerModel
import Testing
import Social

/// Social accounts take part in identity resolution: one union id on two profiles is one
/// person, and the directory follows the merge.
@Suite("Social identities in identity resolution")
struct SocialIdentityResolutionTests {
    static let t0 = Date(timeIntervalSince1970: 1_717_200_000)

    static func profile(_ id: String, _ field: ProfileField, _ value: String, createdDaysAgo: Double) -> CustomerProfile {
        var profile = CustomerProfile(id: CustomerID(id), createdAt: t0.addingTimeInterval(-86_400 * createdDaysAgo))
        profile.set(field, to: .string(value), provenance: Provenance(
            ownership: .own, method: .customerUpdate, channel: .online, observedAt: profile.createdAt, source: "crm"))
        return profile
    }

    @Test func sharedUnionIDMergesProfilesAndTheDirectoryFollows() throws {
        let crm = Self.profile("crm-1", .wechatUnionID, "U-42", createdDaysAgo: 300)
        let miniProgram = Self.profile("mp-7", .wechatUnionID, "U-42", createdDaysAgo: 10)
        let stranger = Self.profile("crm-2", .wechatUnionID, "U-99", createdDaysAgo: 100)
        // Without the social rules the union id is not a key: nothing merges.
        #expect(try IdentityResolver().resolve([crm, miniProgram, stranger], at: Self.t0).merges.isEmpty)

        let resolver = IdentityResolver(keyRules: IdentityKeyRules().matchingSocialAccounts())
        let resolution = try resolver.resolve([crm, miniProgram, stranger], at: Self.t0)
        #expect(resolution.profiles.count == 2)
        let survivor = resolution.survivor(of: "mp-7")
        #expect(survivor == resolution.survivor(of: "crm-1") && resolution.survivor(of: "crm-2") == "crm-2")

        // Both ids claimed the same union id: a conflict before resolution, one customer after.
        let directory = SocialIdentityDirectory([
            SocialIdentity(platform: .wechat, openID: "o-crm", unionID: "U-42", customerID: "crm-1"),
            SocialIdentity(platform: .wechat, openID: "o-mp", unionID: "U-42", customerID: "mp-7"),
        ])
        #expect(directory.conflicts.count == 1)
        #expect(directory.customer(platform: .wechat, openID: "unknown", unionID: "U-42") == nil)
        let resolved = directory.resolved(by: resolution)
        #expect(resolved.conflicts.isEmpty)
        #expect(resolved.customer(platform: .wechat, openID: "o-mp") == survivor)
        #expect(resolved.customer(platform: .wechat, openID: "unknown", unionID: "U-42") == survivor)

        // Events captured by the platform API carry the account: they are linked to the survivor.
        let events = [
            SocialEvent(id: "e1", kind: .share, customerID: "mp-7", platform: .wechat, occurredAt: Self.t0, openID: "o-mp"),
            SocialEvent(id: "e2", kind: .share, customerID: "x", platform: .weibo, occurredAt: Self.t0, openID: "o-mp"),
        ]
        #expect(resolved.linking(events).map(\.customerID) == [survivor, "x"])
    }

    @Test func accountKeysNameTheirSystem() {
        let identity = SocialIdentity(platform: .douyin, openID: " d-1 ", customerID: "c")
        #expect(identity.identityKeys == [IdentityKey.external(system: "douyin.open", id: "d-1")].compactMap { $0 })
        let wechat = SocialIdentity(platform: .wechat, openID: "o", unionID: "u", customerID: "c")
        #expect(wechat.identityKeys.count == 2)
        #expect(IdentityKeyRules().matchingSocialAccounts().externalIDFields[.wechatUnionID] == "wechat.union")
    }
}
