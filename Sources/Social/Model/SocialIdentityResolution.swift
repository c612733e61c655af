import CustomerModel

/// Social accounts in CustomerModel's identity resolution.
///
/// A profile that carries a WeChat union id or a platform account id in the fields below
/// yields an external identity key, so ``IdentityResolver`` merges two profiles of one
/// person found through different channels (the CRM and a mini-program, say) exactly as it
/// merges on email or phone. After a resolution, ``SocialIdentityDirectory/resolved(by:)``
/// moves every account to the surviving customer.
extension ProfileField {
    /// WeChat union id (shared by every app of one developer).
    public static let wechatUnionID = ProfileField("wechatUnionID")
    /// WeChat open id (one per official account or mini-program).
    public static let wechatOpenID = ProfileField("wechatOpenID")
    /// Weibo account id.
    public static let weiboID = ProfileField("weiboID")
    /// Douyin account id.
    public static let douyinID = ProfileField("douyinID")
}

extension IdentityKeyRules {
    /// The external-id systems of the social profile fields: `wechat.union`, `wechat.open`,
    /// `weibo`, `douyin`.
    public static let socialIDFields: [ProfileField: String] = [
        .wechatUnionID: "wechat.union", .wechatOpenID: "wechat.open", .weiboID: "weibo", .douyinID: "douyin",
    ]

    /// These rules, also matching on the social account fields (``socialIDFields``).
    public func matchingSocialAccounts() -> IdentityKeyRules {
        var rules = self
        rules.externalIDFields.merge(Self.socialIDFields) { own, _ in own }
        return rules
    }
}

extension SocialIdentity {
    /// The identity keys this account gives a profile: the union id under `wechat.union`,
    /// the account id under `<platform>.open` (`wechat.open`, `weibo.open`, …).
    public var identityKeys: [IdentityKey] {
        var keys: [IdentityKey] = []
        if let unionID, let key = IdentityKey.external(system: "wechat.union", id: unionID) { keys.append(key) }
        if let key = IdentityKey.external(system: platform.name + ".open", id: openID) { keys.append(key) }
        return keys
    }
}

extension SocialIdentityDirectory {
    /// The directory after identity resolution: every account of a merged-away customer
    /// belongs to the survivor, so accounts that were in conflict only because their two
    /// owners were one person are conflicts no longer.
    /// - Complexity: O(n).
    public func resolved(by resolution: IdentityResolution) -> SocialIdentityDirectory {
        SocialIdentityDirectory(identities.map { identity in
            var moved = identity
            moved.customerID = resolution.survivor(of: identity.customerID)
            return moved
        })
    }

    /// Events with the customer the directory knows for their account: an event whose
    /// `(platform, openID)` (or union id) is in the directory gets that customer (and the
    /// survivor after ``resolved(by:)``); other events are returned unchanged.
    /// - Complexity: O(n).
    public func linking(_ events: [SocialEvent]) -> [SocialEvent] {
        events.map { event in
            guard let openID = event.openID,
                  let customer = customer(platform: event.platform, openID: openID, unionID: event.unionID)
            else { return event }
            var linked = event
            linked.customerID = customer
            return linked
        }
    }
}
