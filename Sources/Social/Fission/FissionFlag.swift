/// A referral that the fraud guards (or bad data) kept from being credited.
public struct FissionFlag: Hashable, Sendable, Codable {
    /// Why a referral was not credited.
    public enum Reason: String, Hashable, Sendable, Codable, CaseIterable {
        /// The customer registered through their own referral code.
        case selfReferral
        /// The referrer is among the customer's own referrals (down the chain).
        case cycle
        /// Part of a burst of referred registrations from one device.
        case deviceBurst
        /// Part of a burst of referred registrations from one network address.
        case addressBurst
        /// The registration names a code that no share carries.
        case unknownCode
    }

    /// The customer index of the registering customer.
    public var customer: Int32
    /// The customer index of the would-be referrer, -1 for an unknown code.
    public var referrer: Int32
    /// The index of the registration event in the ``ReferralEventTable``.
    public var event: Int32
    /// Why.
    public var reason: Reason

    /// Creates a flag.
    public init(customer: Int32, referrer: Int32, event: Int32, reason: Reason) {
        self.customer = customer
        self.referrer = referrer
        self.event = event
        self.reason = reason
    }
}
