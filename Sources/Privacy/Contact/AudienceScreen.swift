import Foundation
import CustomerModel

/// The contact history of many customers in columns over dense customer indices, for
/// screening whole audiences at once.
///
/// Compressed rows: customer `i`'s messages are `offsets[i]..<offsets[i+1]`, ascending by
/// time; channels are interned to small integers; time zones to an index per customer.
public struct ContactColumns: Sendable {
    /// The customers, in dense index order.
    public let customerIDs: [CustomerID]
    let offsets: [Int]
    let sentAt: [Double]
    let channelCode: [Int32]
    let respondedAt: [Double]
    let channels: [Channel]
    let zoneIndex: [Int32]
    let zones: [TimeZone]
    let doNotContact: [Bool]

    /// Builds the columns.
    ///
    /// `timeZones[i]` is the time zone of customer `i` (nil: `defaultTimeZone`); records of
    /// customers not in `customerIDs` are ignored; `doNotContact` marks customers by id.
    /// - Throws: ``PrivacyError`` `.invalidParameter` when `timeZones` is not empty and its
    ///   count differs from the customers'.
    /// - Complexity: O(n + r · m) for n customers, r records and at most m per customer.
    public init(customerIDs: [CustomerID], contacts: [ContactRecord], timeZones: [TimeZone?] = [],
                defaultTimeZone: TimeZone = TimeZone(secondsFromGMT: 0) ?? .current, doNotContact: Set<CustomerID> = []) throws {
        guard timeZones.isEmpty || timeZones.count == customerIDs.count else {
            throw PrivacyError(.invalidParameter, "\(timeZones.count) time zones given for \(customerIDs.count) customers")
        }
        self.customerIDs = customerIDs
        var position: [CustomerID: Int32] = [:]
        position.reserveCapacity(customerIDs.count)
        for (index, id) in customerIDs.enumerated() { position[id] = Int32(index) }
        var channelIndex: [Channel: Int32] = [:]
        var channels: [Channel] = []
        // A counting sort by customer, then each customer's few messages by time.
        let owner = contacts.map { position[$0.customerID] ?? -1 }
        var offsets = [Int](repeating: 0, count: customerIDs.count + 1)
        for index in owner where index >= 0 { offsets[Int(index) + 1] += 1 }
        for i in 0..<customerIDs.count { offsets[i + 1] += offsets[i] }
        let total = offsets[customerIDs.count]
        var sentAt = [Double](repeating: 0, count: total)
        var channelCode = [Int32](repeating: 0, count: total)
        var respondedAt = [Double](repeating: 0, count: total)
        var next = offsets
        for (record, index) in zip(contacts, owner) where index >= 0 {
            let code: Int32
            if let known = channelIndex[record.channel] { code = known } else {
                code = Int32(channels.count)
                channelIndex[record.channel] = code
                channels.append(record.channel)
            }
            let slot = next[Int(index)]
            next[Int(index)] += 1
            // Insertion into the customer's range keeps it sorted by time as it fills.
            var j = slot
            let time = record.sentAt.timeIntervalSince1970
            while j > offsets[Int(index)], sentAt[j - 1] > time {
                sentAt[j] = sentAt[j - 1]; channelCode[j] = channelCode[j - 1]; respondedAt[j] = respondedAt[j - 1]
                j -= 1
            }
            sentAt[j] = time
            channelCode[j] = code
            respondedAt[j] = record.respondedAt?.timeIntervalSince1970 ?? .infinity
        }
        self.offsets = offsets
        self.sentAt = sentAt
        self.channelCode = channelCode
        self.respondedAt = respondedAt
        self.channels = channels
        var zoneIDs: [String: Int32] = [defaultTimeZone.identifier: 0]
        var zones = [defaultTimeZone]
        zoneIndex = timeZones.isEmpty ? [Int32](repeating: 0, count: customerIDs.count) : timeZones.map { zone in
            guard let zone else { return 0 }
            if let known = zoneIDs[zone.identifier] { return known }
            zoneIDs[zone.identifier] = Int32(zones.count)
            zones.append(zone)
            return Int32(zones.count - 1)
        }
        self.zones = zones
        self.doNotContact = customerIDs.map { doNotContact.contains($0) }
    }
}

/// The result of screening an audience.
public struct AudienceScreenResult: Sendable, Hashable {
    /// The customer indices that may be contacted, in audience order.
    public var allowed: [Int32]
    /// The customer indices held back, in audience order.
    public var suppressed: [Int32]
    /// How many customers each reason held back (a customer may count under several):
    /// keys `doNotContact`, `consent`, `frequencyCap`, `minimumGap`, `quietHours`, `fatigue`.
    public var reasonCounts: [String: Int]
}

/// Screens a whole audience for one channel at one instant: consent (a ``ConsentMatrix``
/// column) and the whole ``ContactPolicy``, on both cores.
///
/// The bulk counterpart of ``ContactPolicyEvaluator``, built on the same rule code, so a
/// customer screened here gets the same verdict there. One million customers take tens of
/// milliseconds (see `Documentation/ContactPolicy.md`).
public enum AudienceScreen {
    /// Screens `audience` (dense indices into `contacts.customerIDs`, which must be the
    /// matrix's customers too).
    /// - Throws: ``PrivacyError`` `.invalidParameter` when the matrix and the columns hold
    ///   different customers, the matrix lacks the column, or an index is out of range.
    /// - Complexity: O(a · m) for a customers with m recent messages each; parallel.
    public static func screen(
        _ audience: [Int32], channel: Channel, at date: Date, policy: ContactPolicy,
        contacts: ContactColumns, consent: ConsentMatrix, purpose: Purpose = .marketing
    ) throws -> AudienceScreenResult {
        guard consent.customerIDs.count == contacts.customerIDs.count else {
            throw PrivacyError(.invalidParameter, "the consent matrix has \(consent.customerIDs.count) customers, the contact columns \(contacts.customerIDs.count)")
        }
        guard let validUntil = consent.validUntil(purpose: purpose, channel: channel) else {
            throw PrivacyError(.invalidParameter, "the consent matrix has no column for '\(purpose)' over \(channel)")
        }
        guard date >= consent.asOf else {
            throw PrivacyError(.invalidParameter, "the consent matrix reflects a later instant than the one screened")
        }
        let count = contacts.customerIDs.count
        if let bad = audience.first(where: { $0 < 0 || Int($0) >= count }) {
            throw PrivacyError(.invalidParameter, "audience index \(bad) is outside 0..<\(count)")
        }
        let rules = ContactRules(policy: policy, channel: channel)
        let t = date.timeIntervalSince1970
        let minutes = contacts.zones.map { ContactPolicyEvaluator.localMinute(of: date, in: $0) }
        let target = contacts.channels.firstIndex(of: channel).map(Int32.init) ?? -1
        let onChannel = contacts.channelCode.map { $0 == target }
        let policyDNC = policy.doNotContact.isEmpty ? nil : policy.doNotContact
        var masks = [UInt16](repeating: 0, count: audience.count)
        let pieces = audience.count < 4_096 ? 1 : 16
        masks.withUnsafeMutableBufferPointer { output in
            let out = MaskSlots(base: output.baseAddress)
            audience.withUnsafeBufferPointer { members in
                validUntil.withUnsafeBufferPointer { until in
                    contacts.offsets.withUnsafeBufferPointer { offsets in
                        contacts.sentAt.withUnsafeBufferPointer { sent in
                            onChannel.withUnsafeBufferPointer { same in
                                contacts.respondedAt.withUnsafeBufferPointer { responded in
                                    contacts.zoneIndex.withUnsafeBufferPointer { zone in
                                        contacts.doNotContact.withUnsafeBufferPointer { dnc in
                                            ParallelLoop.forEach(pieces) { piece in
                                                let lower = members.count * piece / pieces
                                                let upper = members.count * (piece + 1) / pieces
                                                for k in lower..<upper {
                                                    let i = Int(members[k])
                                                    var mask = rules.evaluate(
                                                        sentAt: sent, onChannel: same, respondedAt: responded,
                                                        range: offsets[i]..<offsets[i + 1], t: t,
                                                        localMinute: minutes[Int(zone[i])], detailed: false).mask
                                                    if !(until[i] > t) { mask |= ContactRules.consentBit }
                                                    if dnc[i] || (policyDNC?.contains(contacts.customerIDs[i]) ?? false) {
                                                        mask |= ContactRules.doNotContactBit
                                                    }
                                                    out.base?[k] = mask
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var allowed: [Int32] = []
        var suppressed: [Int32] = []
        allowed.reserveCapacity(audience.count)
        var bitCounts = [Int](repeating: 0, count: 7)
        for (k, mask) in masks.enumerated() {
            if mask == 0 {
                allowed.append(audience[k])
            } else {
                suppressed.append(audience[k])
                for bit in 0..<7 where mask & (1 << bit) != 0 { bitCounts[bit] += 1 }
            }
        }
        let names = ["doNotContact", "consent", "frequencyCap", "minimumGap", "quietHours", "fatigue", "erased"]
        var reasonCounts: [String: Int] = [:]
        for (bit, name) in names.enumerated() where bitCounts[bit] > 0 { reasonCounts[name] = bitCounts[bit] }
        return AudienceScreenResult(allowed: allowed, suppressed: suppressed, reasonCounts: reasonCounts)
    }
}

/// The output slots; each parallel piece writes only its own index range.
private struct MaskSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt16>?
}
