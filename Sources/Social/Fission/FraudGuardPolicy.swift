/// The fraud guards of a fission campaign: which referrals are flagged and not credited.
///
/// Always on: self-referral (a customer registering through their own code) and cycles
/// (a customer whose referrer is among their own referrals, directly or down the chain).
/// Bursts: more than ``maxReferralsPerDevice`` referred registrations from one device, or
/// more than ``maxReferralsPerAddress`` from one network address, whose times all fall
/// within ``burstWindowSeconds`` of each other; every registration in such a window is
/// flagged.
public struct FraudGuardPolicy: Hashable, Sendable, Codable {
    /// The width of the sliding window, in seconds (> 0). Default 3600.
    public var burstWindowSeconds: Int64
    /// The most referred registrations one device may produce within a window (≥ 1). Default 3.
    public var maxReferralsPerDevice: Int
    /// The most referred registrations one address may produce within a window (≥ 1). Default 10.
    public var maxReferralsPerAddress: Int

    /// Creates a policy.
    public init(burstWindowSeconds: Int64 = 3_600, maxReferralsPerDevice: Int = 3, maxReferralsPerAddress: Int = 10) {
        self.burstWindowSeconds = burstWindowSeconds
        self.maxReferralsPerDevice = maxReferralsPerDevice
        self.maxReferralsPerAddress = maxReferralsPerAddress
    }

    /// Checks the parameters.
    /// - Throws: ``SocialError`` `.invalidParameter`.
    public func validate() throws(SocialError) {
        guard burstWindowSeconds > 0 else {
            throw SocialError(.invalidParameter, "burstWindowSeconds \(burstWindowSeconds) must be positive")
        }
        guard maxReferralsPerDevice >= 1, maxReferralsPerAddress >= 1 else {
            throw SocialError(.invalidParameter,
                              "maxReferralsPerDevice \(maxReferralsPerDevice) and maxReferralsPerAddress \(maxReferralsPerAddress) must be at least 1")
        }
    }
}
