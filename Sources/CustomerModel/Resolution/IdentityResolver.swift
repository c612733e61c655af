#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds which profiles belong to the same person and merges each group into one profile.
///
/// Two profiles are the same person when they share a normalised ``IdentityKey``; the
/// relation is transitive (A and B share an email, B and C a phone: A, B and C are one
/// person), so groups are the connected components of the profiles linked by shared keys,
/// found with union-find over dense indices. Profiles are first sorted by id, so the
/// result does not depend on input order. Each group of two or more is merged under the
/// ``SurvivorshipPolicy`` and recorded in a ``MergeHistory`` that can explain and undo it.
///
/// ```swift
/// var history = MergeHistory()
/// let resolution = try IdentityResolver().resolve(profiles, at: clock.now(), history: &history)
/// print(try history.explain(resolution.merges[0].id))
/// ```
public struct IdentityResolver: Hashable, Sendable, Codable {
    /// Which keys are read from profiles, and how they are normalised.
    public var keyRules: IdentityKeyRules
    /// How each attribute's surviving value and the surviving id are chosen.
    public var policy: SurvivorshipPolicy

    /// Creates a resolver; the defaults are ``IdentityKeyRules/init(phone:externalIDFields:ignoredKinds:)``
    /// and ``SurvivorshipPolicy/standard``.
    public init(keyRules: IdentityKeyRules = IdentityKeyRules(), policy: SurvivorshipPolicy = .standard) {
        self.keyRules = keyRules
        self.policy = policy
    }

    /// The groups of two or more profiles that are the same person, ordered by smallest id.
    ///
    /// - Throws: ``IdentityResolutionError`` `.duplicateCustomerID` when two profiles share an id.
    /// - Complexity: O(n log n + k) for n profiles with k keys in all.
    public func groups(of profiles: [CustomerProfile]) throws(IdentityResolutionError) -> [IdentityGroup] {
        let linkage = try link(profiles)
        return linkage.groups.indices.map { index in
            IdentityGroup(
                customerIDs: linkage.groups[index].map { linkage.sorted[$0].id },
                matchedKeys: linkage.matchedKeys[index])
        }
    }

    /// Resolves `profiles` into one profile per person, appending the merges to `history`.
    ///
    /// - Throws: ``IdentityResolutionError`` `.duplicateCustomerID` when two profiles share an id.
    /// - Complexity: O(n log n + k + a log a) for n profiles, k keys and a attributes in all.
    public func resolve(
        _ profiles: [CustomerProfile], at date: Date, history: inout MergeHistory
    ) throws(IdentityResolutionError) -> IdentityResolution {
        let linkage = try link(profiles)
        var output: [CustomerProfile] = []
        output.reserveCapacity(linkage.sorted.count)
        var merges: [MergeRecord] = []
        var survivorByMergedID: [CustomerID: CustomerID] = [:]
        var grouped = [Bool](repeating: false, count: linkage.sorted.count)
        for (groupIndex, members) in linkage.groups.enumerated() {
            let record = merge(
                members.map { linkage.sorted[$0] }, matchedKeys: linkage.matchedKeys[groupIndex],
                id: history.nextMergeID, at: date)
            try history.append(record)
            merges.append(record)
            for member in members { grouped[member] = true }
            for merged in record.mergedIDs { survivorByMergedID[merged] = record.survivorID }
            output.append(record.result)
        }
        for index in linkage.sorted.indices where !grouped[index] { output.append(linkage.sorted[index]) }
        output.sort { $0.id < $1.id }
        return IdentityResolution(profiles: output, merges: merges, survivorByMergedID: survivorByMergedID)
    }

    /// Resolves `profiles` with a fresh history (merges numbered from `merge-1`).
    ///
    /// - Throws: ``IdentityResolutionError`` `.duplicateCustomerID` when two profiles share an id.
    /// - Complexity: as ``resolve(_:at:history:)``.
    public func resolve(_ profiles: [CustomerProfile], at date: Date) throws(IdentityResolutionError) -> IdentityResolution {
        var history = MergeHistory()
        return try resolve(profiles, at: date, history: &history)
    }

    /// Resolves `profiles`, appends the merges to `history`, and sends one
    /// `customersMerged` event per merge to `sink`, timed by `clock`.
    ///
    /// - Throws: ``IdentityResolutionError`` `.duplicateCustomerID` when two profiles share an id.
    /// - Complexity: as ``resolve(_:at:history:)``.
    public func resolve(
        _ profiles: [CustomerProfile], clock: some TimeSource, history: inout MergeHistory, sink: some EventSink
    ) async throws(IdentityResolutionError) -> IdentityResolution {
        let date = clock.now()
        let resolution = try resolve(profiles, at: date, history: &history)
        if !resolution.merges.isEmpty { await sink.record(resolution.merges.map { $0.mergedEvent() }) }
        return resolution
    }

    /// Links profiles by shared keys: the profiles sorted by id, the groups of two or more
    /// (dense indices into `sorted`), and each group's shared keys.
    struct Linkage {
        var sorted: [CustomerProfile]
        var groups: [[Int]]
        var matchedKeys: [[MatchedKey]]
    }

    func link(_ profiles: [CustomerProfile]) throws(IdentityResolutionError) -> Linkage {
        let sorted = profiles.sorted { $0.id < $1.id }
        for index in sorted.indices.dropFirst() where sorted[index].id == sorted[index - 1].id {
            throw IdentityResolutionError(.duplicateCustomerID, "customer id '\(sorted[index].id)' appears more than once")
        }
        // Intern keys to dense ids; holders[k] lists the profiles with key k, in ascending order.
        var keyIndex: [IdentityKey: Int] = [:]
        var keys: [IdentityKey] = []
        var holders: [[Int]] = []
        for (profileIndex, profile) in sorted.enumerated() {
            for key in keyRules.keys(of: profile) {
                if let existing = keyIndex[key] {
                    holders[existing].append(profileIndex)
                } else {
                    keyIndex[key] = keys.count
                    keys.append(key)
                    holders.append([profileIndex])
                }
            }
        }
        var sets = DisjointSets(count: sorted.count)
        for members in holders where members.count > 1 {
            for member in members.dropFirst() { sets.union(members[0], member) }
        }
        let groups = sets.components(minimumSize: 2)
        var groupOfRoot = [Int](repeating: -1, count: sorted.count)
        for (groupIndex, members) in groups.enumerated() { groupOfRoot[members[0]] = groupIndex }
        var matched = [[MatchedKey]](repeating: [], count: groups.count)
        for (keyID, members) in holders.enumerated() where members.count > 1 {
            let groupIndex = groupOfRoot[sets.find(members[0])]
            matched[groupIndex].append(MatchedKey(key: keys[keyID], customerIDs: members.map { sorted[$0].id }))
        }
        for index in matched.indices { matched[index].sort { $0.key < $1.key } }
        return Linkage(sorted: sorted, groups: groups, matchedKeys: matched)
    }
}
