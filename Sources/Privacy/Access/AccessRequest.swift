#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// A request to read a customer's personal data for a purpose.
public struct AccessRequest: Hashable, Sendable, Codable {
    /// Whose data.
    public var customerID: CustomerID
    /// For what.
    public var purpose: Purpose
    /// Over which channel, for channel-specific purposes such as marketing.
    public var channel: Channel?
    /// The fields wanted; each must be covered by the purpose. Empty: the purpose's own fields.
    public var fields: [ProfileField]
    /// Who asks (a user, a service, a campaign), for the audit log.
    public var actor: String

    /// Creates a request.
    public init(customerID: CustomerID, purpose: Purpose, channel: Channel? = nil, fields: [ProfileField] = [], actor: String) {
        self.customerID = customerID
        self.purpose = purpose
        self.channel = channel
        self.fields = fields
        self.actor = actor
    }
}

/// The outcome of a purpose check: granted with its legal basis, or denied with what is missing.
public enum AccessDecision: Hashable, Sendable {
    /// Access is allowed on `basis`; `record` is the consent it rests on, if any.
    case granted(basis: LegalBasis, record: ConsentRecord?)
    /// Access is refused.
    case denied(AccessDenial)

    /// True when access is allowed.
    public var isGranted: Bool {
        if case .granted = self { return true }
        return false
    }
}
