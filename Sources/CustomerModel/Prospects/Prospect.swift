#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A person who is not yet a customer: the prospect database of SEEDS.md §2.
///
/// Kept with how they were found, the inquiry source and the inquiry cost (what it cost to
/// obtain the inquiry), and attributes with provenance exactly like ``CustomerProfile``.
/// When the prospect buys, ``converted(to:)`` records the customer it became and
/// ``customerProfile(id:at:)`` carries the data over.
public struct Prospect: Hashable, Sendable, Codable, Identifiable {
    /// The prospect.
    public var id: ProspectID
    /// Attributes with provenance, by field (name, email, company, interests, …).
    public var attributes: [ProfileField: Attributed<AttributeValue>]
    /// How the prospect was found.
    public var source: ProspectSource
    /// Where the inquiry came from (a landing page, an ad, a hotline), as text.
    public var inquirySource: String?
    /// What obtaining the inquiry cost.
    public var inquiryCost: Money?
    /// When the prospect was recorded.
    public var createdAt: Date
    /// The customer this prospect became, once converted.
    public var convertedTo: CustomerID?

    /// Creates a prospect.
    public init(
        id: ProspectID,
        source: ProspectSource,
        attributes: [ProfileField: Attributed<AttributeValue>] = [:],
        inquirySource: String? = nil,
        inquiryCost: Money? = nil,
        createdAt: Date,
        convertedTo: CustomerID? = nil
    ) {
        self.id = id
        self.source = source
        self.attributes = attributes
        self.inquirySource = inquirySource
        self.inquiryCost = inquiryCost
        self.createdAt = createdAt
        self.convertedTo = convertedTo
    }

    /// The value of a field, if present.
    public subscript(field: ProfileField) -> AttributeValue? { attributes[field]?.value }

    /// True once the prospect has become a customer.
    public var isConverted: Bool { convertedTo != nil }

    /// Sets `field` to `value` unless the stored value was observed later. Returns whether it changed.
    @discardableResult
    public mutating func set(_ field: ProfileField, to value: AttributeValue, provenance: Provenance) -> Bool {
        if let current = attributes[field], current.provenance.observedAt > provenance.observedAt {
            return false
        }
        attributes[field] = Attributed(value, provenance: provenance)
        return true
    }

    /// The prospect marked as converted to `customer`.
    public func converted(to customer: CustomerID) -> Prospect {
        var copy = self
        copy.convertedTo = customer
        return copy
    }

    /// A customer profile that carries over the prospect's attributes, plus the inquiry
    /// source and cost as ``ProfileField/inquirySource`` and ``ProfileField/inquiryCost``
    /// (with provenance: own data, system import, observed when the prospect was created).
    /// - Complexity: O(a) in the number of attributes.
    public func customerProfile(id customer: CustomerID, at date: Date) -> CustomerProfile {
        var profile = CustomerProfile(id: customer, lifecycle: .customer, attributes: attributes, createdAt: date)
        let provenance = Provenance(ownership: .own, method: .systemImport, channel: .offline, observedAt: createdAt)
        if let inquirySource, profile.attributes[.inquirySource] == nil {
            profile.attributes[.inquirySource] = Attributed(.string(inquirySource), provenance: provenance)
        }
        if let inquiryCost, profile.attributes[.inquiryCost] == nil {
            profile.attributes[.inquiryCost] = Attributed(.money(inquiryCost), provenance: provenance)
        }
        return profile
    }
}
