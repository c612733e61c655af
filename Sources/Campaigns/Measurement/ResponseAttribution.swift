#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// A marketing contact: a campaign reached a customer on a channel at a moment.
public struct Touch: Sendable, Hashable, Codable {
    /// Who was contacted.
    public var customerID: CustomerID
    /// The campaign that made the contact.
    public var campaignID: String
    /// The channel used.
    public var channel: Channel
    /// When the contact happened.
    public var at: Date

    /// Creates a touch.
    public init(customerID: CustomerID, campaignID: String, channel: Channel, at: Date) {
        self.customerID = customerID
        self.campaignID = campaignID
        self.channel = channel
        self.at = at
    }
}

/// An outcome to credit: an order, a registration, an enquiry.
public struct Conversion: Sendable, Hashable, Codable {
    /// The conversion's id (an order id, for example).
    public var id: String
    /// Who converted.
    public var customerID: CustomerID
    /// When.
    public var at: Date
    /// Its value (revenue, or 1 for a count).
    public var value: Double

    /// Creates a conversion.
    public init(id: String, customerID: CustomerID, at: Date, value: Double) {
        self.id = id
        self.customerID = customerID
        self.at = at
        self.value = value
    }
}

/// How a conversion's credit is shared among the touches before it.
public enum AttributionRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// All credit to the latest touch in the window.
    case lastTouch
    /// All credit to the earliest touch in the window.
    case firstTouch
    /// Equal shares to every touch in the window.
    case linear
}

/// One touch's share of one conversion.
public struct AttributionCredit: Sendable, Hashable, Codable {
    /// The credited campaign.
    public var campaignID: String
    /// The credited channel.
    public var channel: Channel
    /// When the credited touch happened.
    public var touchedAt: Date
    /// The share of the conversion, in (0, 1].
    public var share: Double
}

/// A conversion with its credits, and the rule and window that produced them.
public struct AttributedConversion: Sendable, Hashable, Codable {
    /// The conversion.
    public var conversion: Conversion
    /// The rule used.
    public var rule: AttributionRule
    /// The look-back window, in seconds.
    public var window: TimeInterval
    /// The credits (empty when no touch was in the window: an organic conversion).
    public var credits: [AttributionCredit]
}

/// Credits conversions to the marketing contacts that preceded them within a window.
///
/// A touch is eligible for a conversion of the same customer when it happened at or before
/// the conversion and at most `window` earlier. Touches at the same moment are ordered by
/// campaign id and channel, so the result never depends on input order. Each result
/// records the rule and the window, so reports can say how credit was assigned.
///
/// ```swift
/// let attribution = try ResponseAttribution(rule: .lastTouch, window: 7 * 86_400)
/// let results = attribution.attribute(conversions, to: touches)
/// let perCampaign = ResponseAttribution.totals(results)
/// ```
public struct ResponseAttribution: Sendable, Hashable, Codable {
    /// The rule.
    public var rule: AttributionRule
    /// The look-back window in seconds.
    public var window: TimeInterval

    /// Creates an attribution.
    /// - Throws: ``CampaignError`` `.invalidParameter` for a negative or non-finite window.
    public init(rule: AttributionRule, window: TimeInterval) throws(CampaignError) {
        guard window.isFinite, window >= 0 else {
            throw CampaignError(.invalidParameter, "the attribution window \(window) s must be finite and non-negative")
        }
        self.rule = rule
        self.window = window
    }

    /// Attributes every conversion, in input order.
    /// - Complexity: O((touches + conversions) log touches).
    public func attribute(_ conversions: [Conversion], to touches: [Touch]) -> [AttributedConversion] {
        var byCustomer: [CustomerID: [Touch]] = [:]
        for touch in touches { byCustomer[touch.customerID, default: []].append(touch) }
        for key in byCustomer.keys {
            byCustomer[key]?.sort { ($0.at, $0.campaignID, $0.channel.name) < ($1.at, $1.campaignID, $1.channel.name) }
        }
        return conversions.map { conversion in
            let history = byCustomer[conversion.customerID] ?? []
            // First touch after the conversion; eligible touches lie before it, within the window.
            var low = 0, high = history.count
            while low < high {
                let mid = (low + high) / 2
                if history[mid].at <= conversion.at { low = mid + 1 } else { high = mid }
            }
            let earliest = conversion.at.addingTimeInterval(-window)
            var start = low
            while start > 0, history[start - 1].at >= earliest { start -= 1 }
            let eligible = history[start..<low]
            let credited: [Touch]
            switch rule {
            case .lastTouch: credited = eligible.last.map { [$0] } ?? []
            case .firstTouch: credited = eligible.first.map { [$0] } ?? []
            case .linear: credited = Array(eligible)
            }
            let share = credited.isEmpty ? 0 : 1 / Double(credited.count)
            return AttributedConversion(
                conversion: conversion, rule: rule, window: window,
                credits: credited.map {
                    AttributionCredit(campaignID: $0.campaignID, channel: $0.channel, touchedAt: $0.at, share: share)
                })
        }
    }

    /// Credited conversions and value per campaign, plus the organic (uncredited) ones.
    public struct Totals: Sendable, Hashable, Codable {
        /// Campaign id → (credited conversions, credited value), fractional under `linear`.
        public var byCampaign: [String: CampaignCredit]
        /// Conversions with no touch in the window.
        public var organicConversions: Int
        /// Their value.
        public var organicValue: Double
    }

    /// A campaign's credited conversions and value.
    public struct CampaignCredit: Sendable, Hashable, Codable {
        /// Credited conversions (shares summed).
        public var conversions: Double
        /// Credited value (shares times values summed).
        public var value: Double
    }

    /// Sums attributed conversions per campaign.
    /// - Complexity: O(credits).
    public static func totals(_ results: [AttributedConversion]) -> Totals {
        var totals = Totals(byCampaign: [:], organicConversions: 0, organicValue: 0)
        for result in results {
            if result.credits.isEmpty {
                totals.organicConversions += 1
                totals.organicValue += result.conversion.value
            }
            for credit in result.credits {
                totals.byCampaign[credit.campaignID, default: CampaignCredit(conversions: 0, value: 0)].conversions += credit.share
                totals.byCampaign[credit.campaignID, default: CampaignCredit(conversions: 0, value: 0)].value +=
                    credit.share * result.conversion.value
            }
        }
        return totals
    }
}
