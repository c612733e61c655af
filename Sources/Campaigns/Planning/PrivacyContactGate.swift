#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Privacy

/// The ``ContactGate`` the library uses on every campaign path (DESIGN.md principle 5):
/// the Privacy module's ``ContactPolicyEvaluator``, with its consent gate, suppression list
/// (erased people), do-not-contact list, caps, minimum gap, quiet hours and fatigue rule.
/// Every Privacy reason becomes a ``PlanExclusion`` with a stable code:
/// `erased`, `doNotContact`, `noConsent`, `cap`, `minimumGap`, `quietHours`, `fatigue`.
public struct PrivacyContactGate: ContactGate {
    /// The evaluator.
    public let evaluator: ContactPolicyEvaluator
    /// The consent ledger of the audience, when the caller has read it already (the batch
    /// screen then does not read the consent store again); nil reads it.
    public let consentLedger: ConsentLedger?

    /// Creates the gate.
    public init(evaluator: ContactPolicyEvaluator, consentLedger: ConsentLedger? = nil) {
        self.evaluator = evaluator
        self.consentLedger = consentLedger
    }

    public func screen(_ customerID: CustomerID, channel: Channel, at date: Date) async throws -> [PlanExclusion] {
        try await evaluator.evaluate(customerID, channel: channel, at: date).reasons.map(Self.exclusion)
    }

    /// The whole audience with one read of each store (``ContactPolicyEvaluator/evaluate(_:at:)``).
    public func screen(_ requests: [(customerID: CustomerID, channel: Channel)], at date: Date) async throws -> [[PlanExclusion]] {
        try await evaluator.evaluate(requests, at: date, consentLedger: consentLedger).map { $0.reasons.map(Self.exclusion) }
    }

    /// The plan exclusion for a Privacy suppression reason.
    public static func exclusion(_ reason: SuppressionReason) -> PlanExclusion {
        let code: String
        switch reason {
        case .doNotContact: code = "doNotContact"
        case .erased: code = "erased"
        case .consent: code = "noConsent"
        case .frequencyCap: code = "cap"
        case .minimumGap: code = "minimumGap"
        case .quietHours: code = "quietHours"
        case .fatigue: code = "fatigue"
        }
        return PlanExclusion(code: code, detail: reason.description)
    }
}
