#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// The JSONB form of attributes: an object keyed by field name, each value tagged where
/// `AttributeValue`'s own Codable form would lose its case.
///
/// `AttributeValue` encodes a `.day` as its ISO string, which decodes back as `.string`; the
/// stored form writes `{"day": "1988-02-29"}` instead, so every case reads back equal, and keys
/// attributes by field name so that SQL can reach them (`profile->'attributes'->'email'`).
struct StoredAttributes: Codable {
    var values: [ProfileField: Attributed<AttributeValue>]

    init(_ values: [ProfileField: Attributed<AttributeValue>]) { self.values = values }

    private struct Entry: Codable {
        var value: StoredValue
        var provenance: Provenance
    }

    private struct StoredValue: Codable {
        var value: AttributeValue
        private enum DayKey: String, CodingKey { case day }

        init(_ value: AttributeValue) { self.value = value }

        init(from decoder: any Decoder) throws {
            if let tagged = try? decoder.container(keyedBy: DayKey.self), tagged.contains(.day) {
                value = .day(try tagged.decode(CalendarDay.self, forKey: .day))
            } else {
                value = try AttributeValue(from: decoder)
            }
        }

        func encode(to encoder: any Encoder) throws {
            if case .day(let day) = value {
                var container = encoder.container(keyedBy: DayKey.self)
                try container.encode(day, forKey: .day)
            } else {
                try value.encode(to: encoder)
            }
        }
    }

    init(from decoder: any Decoder) throws {
        let entries = try [String: Entry](from: decoder)
        var values: [ProfileField: Attributed<AttributeValue>] = [:]
        for (name, entry) in entries { values[ProfileField(name)] = Attributed(entry.value.value, provenance: entry.provenance) }
        self.values = values
    }

    func encode(to encoder: any Encoder) throws {
        var entries: [String: Entry] = [:]
        for (field, attributed) in values {
            entries[field.name] = Entry(value: StoredValue(attributed.value), provenance: attributed.provenance)
        }
        try entries.encode(to: encoder)
    }
}

/// A ``CustomerProfile`` as stored in `customers.profile`.
struct StoredProfile: Codable {
    var lifecycle: CustomerLifecycle
    var attributes: StoredAttributes
    var devices: [DeviceInfo]
    var tags: [Tag]
    var createdAt: Date
    var updatedAt: Date

    init(_ profile: CustomerProfile) {
        lifecycle = profile.lifecycle
        attributes = StoredAttributes(profile.attributes)
        devices = profile.devices
        tags = profile.tags.sorted()
        createdAt = profile.createdAt
        updatedAt = profile.updatedAt
    }

    func profile(id: CustomerID) -> CustomerProfile {
        CustomerProfile(id: id, lifecycle: lifecycle, attributes: attributes.values, devices: devices, tags: Set(tags),
                        createdAt: createdAt, updatedAt: updatedAt)
    }
}

/// A ``Prospect`` as stored in `prospects.prospect`.
struct StoredProspect: Codable {
    var attributes: StoredAttributes
    var source: ProspectSource
    var inquirySource: String?
    var inquiryCost: Money?
    var createdAt: Date
    var convertedTo: CustomerID?

    init(_ prospect: Prospect) {
        attributes = StoredAttributes(prospect.attributes)
        source = prospect.source
        inquirySource = prospect.inquirySource
        inquiryCost = prospect.inquiryCost
        createdAt = prospect.createdAt
        convertedTo = prospect.convertedTo
    }

    func prospect(id: ProspectID) -> Prospect {
        Prospect(id: id, source: source, attributes: attributes.values, inquirySource: inquirySource,
                 inquiryCost: inquiryCost, createdAt: createdAt, convertedTo: convertedTo)
    }
}
