import CustomerModel

/// A customer's account on one social platform.
///
/// WeChat gives an app-specific `openID` per official account or mini-program and a
/// `unionID` shared by all apps of one developer; other platforms give one account id,
/// which goes in `openID`.
public struct SocialIdentity: Hashable, Sendable, Codable {
    /// The platform.
    public var platform: SocialPlatform
    /// The platform's account id (WeChat: the open id).
    public var openID: String
    /// WeChat's union id, when known.
    public var unionID: String?
    /// The customer this account belongs to (after identity resolution).
    public var customerID: CustomerID

    /// Creates an identity.
    public init(platform: SocialPlatform, openID: String, unionID: String? = nil, customerID: CustomerID) {
        self.platform = platform
        self.openID = openID
        self.unionID = unionID
        self.customerID = customerID
    }
}
