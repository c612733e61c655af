import CustomerModel

/// Looks customers up by their social accounts: by `(platform, open id)` and by WeChat
/// union id.
///
/// Built from ``SocialIdentity`` values; an account claimed by two different customers is
/// a conflict, reported in ``conflicts`` and left out of the lookup rather than resolved
/// by guessing (identity resolution in CustomerModel decides merges).
public struct SocialIdentityDirectory: Sendable {
    private struct AccountKey: Hashable, Sendable {
        let platform: SocialPlatform
        let openID: String
    }

    private var byAccount: [AccountKey: CustomerID] = [:]
    private var byUnion: [String: CustomerID] = [:]
    /// Identities whose account or union id already belonged to another customer.
    public private(set) var conflicts: [SocialIdentity] = []
    /// Every identity the directory was built from, in order.
    public let identities: [SocialIdentity]

    /// Creates a directory from identities, in order.
    /// - Complexity: O(n).
    public init(_ identities: some Sequence<SocialIdentity>) {
        let identities = Array(identities)
        self.identities = identities
        var conflictingAccounts = Set<AccountKey>()
        var conflictingUnions = Set<String>()
        for identity in identities {
            let key = AccountKey(platform: identity.platform, openID: identity.openID)
            if let owner = byAccount[key], owner != identity.customerID {
                conflicts.append(identity)
                conflictingAccounts.insert(key)
            } else {
                byAccount[key] = identity.customerID
            }
            if let union = identity.unionID {
                if let owner = byUnion[union], owner != identity.customerID {
                    if !conflicts.contains(identity) { conflicts.append(identity) }
                    conflictingUnions.insert(union)
                } else {
                    byUnion[union] = identity.customerID
                }
            }
        }
        for key in conflictingAccounts { byAccount[key] = nil }
        for union in conflictingUnions { byUnion[union] = nil }
    }

    /// The customer of an account, trying the union id when the open id is unknown; nil
    /// when unknown or in conflict.
    public func customer(platform: SocialPlatform, openID: String, unionID: String? = nil) -> CustomerID? {
        if let customer = byAccount[AccountKey(platform: platform, openID: openID)] { return customer }
        return unionID.flatMap { byUnion[$0] }
    }

    /// The number of accounts that resolve to a customer.
    public var accountCount: Int { byAccount.count }
}
