#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everything the library knows about one customer apart from orders and interactions.
///
/// Attributes are keyed by ``ProfileField`` and each carries its ``Provenance``, so the
/// profile can say for every datum where it came from and when it was observed. Profiles
/// change over time: ``setting(_:to:provenance:)`` keeps the newer observation.
public struct CustomerProfile: Hashable, Sendable, Codable, Identifiable {
    /// The customer.
    public var id: CustomerID
    /// Prospect (not yet bought) or customer.
    public var lifecycle: CustomerLifecycle
    /// Attributes with provenance, by field.
    public var attributes: [ProfileField: Attributed<AttributeValue>]
    /// Devices the customer uses.
    public var devices: [DeviceInfo]
    /// Labels derived from behaviour or assigned by people.
    public var tags: Set<Tag>
    /// When the record was created in this system.
    public var createdAt: Date
    /// When any attribute last changed.
    public var updatedAt: Date

    /// Creates a profile.
    public init(
        id: CustomerID,
        lifecycle: CustomerLifecycle = .customer,
        attributes: [ProfileField: Attributed<AttributeValue>] = [:],
        devices: [DeviceInfo] = [],
        tags: Set<Tag> = [],
        createdAt: Date,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.lifecycle = lifecycle
        self.attributes = attributes
        self.devices = devices
        self.tags = tags
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The value of a field, if present.
    public subscript(field: ProfileField) -> AttributeValue? { attributes[field]?.value }

    /// Returns the profile with `field` set to `value`, unless the stored value was
    /// observed later than `provenance.observedAt` (a stale update never overwrites newer data).
    public func setting(_ field: ProfileField, to value: AttributeValue, provenance: Provenance) -> CustomerProfile {
        var copy = self
        copy.set(field, to: value, provenance: provenance)
        return copy
    }

    /// Sets `field` to `value` unless the stored value is newer. Returns whether it changed.
    @discardableResult
    public mutating func set(_ field: ProfileField, to value: AttributeValue, provenance: Provenance) -> Bool {
        if let current = attributes[field], current.provenance.observedAt > provenance.observedAt {
            return false
        }
        attributes[field] = Attributed(value, provenance: provenance)
        if provenance.observedAt > updatedAt { updatedAt = provenance.observedAt }
        return true
    }

    /// The email address, if recorded.
    public var email: String? { self[.email]?.stringValue }
    /// The phone number, if recorded.
    public var phone: String? { self[.phone]?.stringValue }
    /// The name, if recorded.
    public var name: String? { self[.name]?.stringValue }
    /// The birth date, if recorded.
    public var birthDate: CalendarDay? { self[.birthDate]?.dayValue }
    /// The postcode, if recorded.
    public var postcode: String? { self[.postcode]?.stringValue }
    /// The region, if recorded.
    public var region: String? { self[.region]?.stringValue }
    /// Interests, if recorded.
    public var interests: [String] { self[.interests]?.listValue ?? [] }

    /// Age in whole years at `day`, if the birth date is known.
    public func age(on day: CalendarDay) -> Int? {
        guard let birth = birthDate?.components else { return nil }
        let now = day.components
        var years = now.year - birth.year
        if (now.month, now.day) < (birth.month, birth.day) { years -= 1 }
        return years
    }
}

/// Whether a person has bought yet.
public enum CustomerLifecycle: String, Hashable, Sendable, Codable, CaseIterable {
    /// Known, not yet bought.
    case prospect
    /// Has bought at least once.
    case customer
}

/// A device a customer uses (SEEDS.md §2 device information).
public struct DeviceInfo: Hashable, Sendable, Codable {
    /// A stable device or advertising identifier.
    public var deviceID: String
    /// `ios`, `android`, `web`, …
    public var platform: String
    /// Model name, when known.
    public var model: String?
    /// When the device was last seen.
    public var lastSeen: Date?
    /// Where the record came from.
    public var provenance: Provenance

    public init(deviceID: String, platform: String, model: String? = nil, lastSeen: Date? = nil, provenance: Provenance) {
        self.deviceID = deviceID
        self.platform = platform
        self.model = model
        self.lastSeen = lastSeen
        self.provenance = provenance
    }
}

/// A label on a customer, turned from behaviour into the tag system that segmentation and
/// personalisation use.
public struct Tag: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The label, e.g. `"fashion-lover"`.
    public var name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }
    public static func < (lhs: Tag, rhs: Tag) -> Bool { lhs.name < rhs.name }
    public init(from decoder: any Decoder) throws {
        name = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
