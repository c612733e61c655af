#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Every merge made, in order, with what is needed to explain and undo each one.
///
/// A value type: keep it beside the customer store (it is `Codable`) and pass it `inout`
/// to ``IdentityResolver/resolve(_:at:history:)``. Undoing a merge gives back the member
/// profiles exactly as they were before it; the caller puts them back in its store in
/// place of the merged profile. Changes made to the merged profile after the merge are
/// not carried back. A merge whose result was absorbed by a later active merge can only
/// be undone after that later merge.
public struct MergeHistory: Hashable, Sendable, Codable {
    /// Every merge, oldest first (undone merges stay, marked with `undoneAt`).
    public private(set) var records: [MergeRecord]

    /// An empty history.
    public init() { records = [] }

    /// The id the next merge gets: `merge-<n>` with n one more than the number of records.
    public var nextMergeID: MergeID { MergeID("merge-\(records.count + 1)") }

    /// Appends a merge made outside ``IdentityResolver/resolve(_:at:history:)``.
    ///
    /// - Throws: ``IdentityResolutionError`` `.duplicateMergeID` when the id is already present.
    /// - Complexity: O(r) in the number of records.
    public mutating func append(_ record: MergeRecord) throws(IdentityResolutionError) {
        if records.contains(where: { $0.id == record.id }) {
            throw IdentityResolutionError(.duplicateMergeID, "merge id '\(record.id)' is already in the history")
        }
        records.append(record)
    }

    /// The merge with `id`.
    /// - Complexity: O(r) in the number of records.
    public func record(_ id: MergeID) -> MergeRecord? { records.first { $0.id == id } }

    /// The latest active merge that merged `customerID` away (or kept it as survivor).
    /// - Complexity: O(r·m) for r records of m members.
    public func activeMerge(involving customerID: CustomerID) -> MergeRecord? {
        records.last { $0.isActive && ($0.survivorID == customerID || $0.mergedIDs.contains(customerID)) }
    }

    /// The merge in words (see ``MergeRecord/explanation``).
    ///
    /// - Throws: ``IdentityResolutionError`` `.unknownMerge` when no merge has that id.
    /// - Complexity: O(r + a).
    public func explain(_ id: MergeID) throws(IdentityResolutionError) -> String {
        guard let record = record(id) else {
            throw IdentityResolutionError(.unknownMerge, "no merge '\(id)' in the history")
        }
        return record.explanation
    }

    /// Undoes a merge and returns the member profiles exactly as they were before it.
    ///
    /// - Throws: ``IdentityResolutionError`` `.unknownMerge`, `.alreadyUndone`, or
    ///   `.laterMergeDepends` when a later active merge absorbed this merge's result.
    /// - Complexity: O(r·m) for r records of m members.
    public mutating func undo(_ id: MergeID, at date: Date) throws(IdentityResolutionError) -> [CustomerProfile] {
        guard let index = records.firstIndex(where: { $0.id == id }) else {
            throw IdentityResolutionError(.unknownMerge, "no merge '\(id)' in the history")
        }
        let record = records[index]
        guard record.isActive else {
            throw IdentityResolutionError(.alreadyUndone, "merge '\(id)' was already undone")
        }
        if let later = records[(index + 1)...].first(where: { later in
            later.isActive && later.priorProfiles.contains { $0.id == record.survivorID }
        }) {
            throw IdentityResolutionError(
                .laterMergeDepends, "merge '\(later.id)' absorbed '\(record.survivorID)' after '\(id)'; undo it first")
        }
        records[index].undoneAt = date
        return record.priorProfiles
    }

    /// Undoes a merge at the time `clock` tells, and sends a `mergeUndone` event to `sink`.
    ///
    /// - Throws: as ``undo(_:at:)``.
    /// - Complexity: as ``undo(_:at:)``.
    public mutating func undo(
        _ id: MergeID, clock: some TimeSource, sink: some EventSink
    ) async throws(IdentityResolutionError) -> [CustomerProfile] {
        let date = clock.now()
        let restored = try undo(id, at: date)
        if let record = record(id) { await sink.record(record.undoneEvent(at: date)) }
        return restored
    }
}
