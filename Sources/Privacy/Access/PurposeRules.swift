#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// The rule that decides whether a purpose may use a customer's data, shared by the
/// per-request ``PurposeGate`` and the bulk ``ConsentMatrix``.
enum PurposeRules {
    /// The basis, the consent record relied on, and every unmet requirement (empty: allowed).
    static func evaluate(
        _ definition: PurposeDefinition, ledger: ConsentLedger, customerID: CustomerID,
        channel: Channel?, at date: Date
    ) -> (record: ConsentRecord?, missing: [MissingRequirement]) {
        evaluate(definition, history: ledger.history(of: customerID)[...], channel: channel, at: date)
    }

    /// The same rule on one customer's history, sorted by time, then id.
    static func evaluate(
        _ definition: PurposeDefinition, history: ArraySlice<ConsentRecord>, channel: Channel?, at date: Date
    ) -> (record: ConsentRecord?, missing: [MissingRequirement]) {
        let purpose = definition.purpose
        var missing: [MissingRequirement] = []
        let purposeWide = ConsentLedger.status(in: history, for: purpose, channel: nil, at: date)
        let objectionApplies = definition.legalBasis == .consent || definition.legalBasis == .legitimateInterest
            || purpose == .profiling
        if objectionApplies, case .objected(let record) = purposeWide {
            missing.append(.objection(purpose, record: record.id))
        }
        switch definition.legalBasis {
        case .contract, .legalObligation:
            return (nil, missing)
        case .legitimateInterest:
            if case .withdrawn(let record) = purposeWide {
                missing.append(.consentWithdrawn(purpose, channel: nil, record: record.id))
            }
            return (nil, missing)
        case .consent:
            if definition.consentPerChannel && channel == nil {
                missing.append(.channelRequired(purpose))
                return (nil, missing)
            }
            let asked = definition.consentPerChannel ? channel : nil
            let status = definition.consentPerChannel ? ConsentLedger.status(in: history, for: purpose, channel: asked, at: date) : purposeWide
            switch status {
            case .granted(let record): return (record, missing)
            case .absent: missing.append(.consent(purpose, channel: asked))
            case .withdrawn(let record): missing.append(.consentWithdrawn(purpose, channel: asked, record: record.id))
            case .expired(let record): missing.append(.consentExpired(purpose, channel: asked, expiredAt: record.expiresAt ?? date))
            case .objected(let record):
                if !missing.contains(.objection(purpose, record: record.id)) { missing.append(.objection(purpose, record: record.id)) }
            }
            return (nil, missing)
        }
    }
}
