#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension IdentityResolver {
    /// Merges profiles known to be one person into one profile under ``policy``.
    ///
    /// The survivor keeps its id; every attribute is chosen by its field's rule; tags
    /// and devices are united; `createdAt` is the earliest and `updatedAt` the latest.
    /// - Complexity: O(m log m + a log a) for m members with a attributes in all.
    public func merge(
        _ members: [CustomerProfile], matchedKeys: [MatchedKey], id: MergeID, at date: Date
    ) -> MergeRecord {
        let sorted = members.sorted { $0.id < $1.id }
        guard var survivor = sorted.first else {
            return MergeRecord(
                id: id, survivorID: CustomerID(""), mergedIDs: [], matchedKeys: matchedKeys, survivorReason: "no members",
                decisions: [], priorProfiles: [], result: CustomerProfile(id: CustomerID(""), createdAt: date), mergedAt: date)
        }
        for member in sorted.dropFirst() where policy.survivor.prefers(member, over: survivor) { survivor = member }
        var result = CustomerProfile(
            id: survivor.id,
            lifecycle: sorted.contains { $0.lifecycle == .customer } ? .customer : .prospect,
            createdAt: sorted.map(\.createdAt).min() ?? survivor.createdAt,
            updatedAt: sorted.map(\.updatedAt).max() ?? survivor.updatedAt)
        for member in sorted { result.tags.formUnion(member.tags) }
        result.devices = Self.unitedDevices(sorted)

        let fields = Set(sorted.flatMap { $0.attributes.keys }).sorted()
        var decisions: [AttributeDecision] = []
        decisions.reserveCapacity(fields.count)
        for field in fields {
            let candidates = sorted.compactMap { member in
                member.attributes[field].map { SurvivorshipCandidate(customerID: member.id, attributed: $0) }
            }
            let (value, decision) = decide(field, candidates: candidates, survivorID: survivor.id)
            result.attributes[field] = value
            decisions.append(decision)
        }
        return MergeRecord(
            id: id, survivorID: survivor.id, mergedIDs: sorted.map(\.id).filter { $0 != survivor.id },
            matchedKeys: matchedKeys, survivorReason: survivorReason(survivor, among: sorted),
            decisions: decisions, priorProfiles: sorted, result: result, mergedAt: date)
    }

    /// Why `survivor` keeps its id, in words.
    private func survivorReason(_ survivor: CustomerProfile, among members: [CustomerProfile]) -> String {
        guard policy.survivor == .earliestCreated else { return "\(survivor.id) has the smallest id" }
        let created = MergeRecord.timestamp(survivor.createdAt)
        let tied = members.filter { $0.createdAt == survivor.createdAt }.count
        return tied > 1
            ? "\(survivor.id) was created earliest (\(created)), tied with \(tied - 1) other(s), and has the smallest id among them"
            : "\(survivor.id) was created earliest (\(created))"
    }

    /// One device record per normalised device id: the most recently seen, then the most
    /// recently observed, then the first member's. Sorted by normalised id.
    static func unitedDevices(_ members: [CustomerProfile]) -> [DeviceInfo] {
        var chosen: [String: DeviceInfo] = [:]
        for member in members {
            for device in member.devices {
                let key = IdentityKey.device(device.deviceID)?.value ?? device.deviceID
                guard let current = chosen[key] else {
                    chosen[key] = device
                    continue
                }
                let newer = (device.lastSeen ?? .distantPast, device.provenance.observedAt)
                let older = (current.lastSeen ?? .distantPast, current.provenance.observedAt)
                if newer > older { chosen[key] = device }
            }
        }
        return chosen.keys.sorted().compactMap { chosen[$0] }
    }
}

/// One member's value of a field, as a candidate for survival.
struct SurvivorshipCandidate {
    let customerID: CustomerID
    let attributed: Attributed<AttributeValue>
}
