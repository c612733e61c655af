#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Campaigns
import CustomerModel
import Privacy
import Segmentation
import Social

extension PersonalDataStores {
    /// Segment memberships: which segments the customer is in (derived data). Erasure
    /// removes the customer from every segment.
    public static func segmentMemberships(_ store: any SegmentMembershipStore, name: String = "segmentMemberships")
        -> any PersonalDataStore
    {
        SegmentMemberships(name: name, store: store)
    }

    /// Campaign automation state: the occasions (birthday greetings, reminders) that fired
    /// for the customer. Erasure forgets them.
    public static func automationLedger(_ ledger: any AutomationLedger, name: String = "automationLedger")
        -> any PersonalDataStore
    {
        AutomationOccasions(name: name, ledger: ledger)
    }
}

extension PersonalDataStores {
    /// Social events: shares, referrals, follows, mentions, community activity, where the
    /// customer acts or is the target. Erasure removes both.
    public static func socialEvents(_ store: any SocialEventStore, name: String = "socialEvents") -> any PersonalDataStore {
        SocialEvents(name: name, store: store)
    }
}

/// ``PersonalDataStore`` over a ``SocialEventStore``.
struct SocialEvents: PersonalDataStore {
    let name: String
    let store: any SocialEventStore
    var category: DataCategory { .interactions }

    func exportJSON(for customerID: CustomerID) async throws -> String {
        let events = try await store.events(involving: [customerID], in: nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(events), as: UTF8.self)
    }

    func erase(_ customerID: CustomerID) async throws -> Int {
        try await store.deleteEvents(involving: [customerID])
    }
}

/// ``PersonalDataStore`` over a ``SegmentMembershipStore``.
struct SegmentMemberships: PersonalDataStore {
    let name: String
    let store: any SegmentMembershipStore
    var category: DataCategory { .derived }

    func exportJSON(for customerID: CustomerID) async throws -> String {
        let segments = try await store.segments(of: [customerID])[customerID] ?? []
        return "[" + segments.sorted().map { "{\"segment\":\(jsonString($0))}" }.joined(separator: ",") + "]"
    }

    func erase(_ customerID: CustomerID) async throws -> Int {
        try await store.deleteCustomers([customerID])
    }
}

/// ``PersonalDataStore`` over an ``AutomationLedger``.
struct AutomationOccasions: PersonalDataStore {
    let name: String
    let ledger: any AutomationLedger
    var category: DataCategory { .contactHistory }

    func exportJSON(for customerID: CustomerID) async throws -> String {
        let keys = try await ledger.keys(ofCustomer: customerID.rawValue)
        return "[" + keys.map { "{\"occasion\":\(jsonString($0))}" }.joined(separator: ",") + "]"
    }

    func erase(_ customerID: CustomerID) async throws -> Int {
        try await ledger.remove(try await ledger.keys(ofCustomer: customerID.rawValue))
    }
}

/// A JSON string literal for `text`.
private func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
