#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension MergeRecord {
    /// The merge in words: who merged into whom, on which keys, why the survivor, and for
    /// every attribute which member's value won and why. One statement per line.
    ///
    /// ```text
    /// merge-1 at 2024-05-01: merged c2, c3 into c1.
    /// Matched on email ann@example.com (c1, c2); phone 8613800138000 (c2, c3).
    /// Survivor: c1 was created earliest (2023-01-01).
    /// email: from c2 (source crm), rule mostTrusted: method customerUpdate (rank 5) outranks c1's purchase (rank 4).
    /// ```
    /// - Complexity: O(a) in the number of attributes.
    public var explanation: String {
        var lines: [String] = []
        lines.append("\(id) at \(MergeRecord.timestamp(mergedAt)): merged "
            + mergedIDs.map(\.rawValue).joined(separator: ", ") + " into \(survivorID).")
        lines.append("Matched on " + matchedKeys.map(\.description).joined(separator: "; ") + ".")
        lines.append("Survivor: \(survivorReason).")
        for decision in decisions {
            let source = decision.source.map { " (source \($0))" } ?? ""
            lines.append("\(decision.field): from \(decision.winner)\(source), rule \(decision.rule): \(decision.reason).")
        }
        if let undoneAt { lines.append("Undone at \(MergeRecord.timestamp(undoneAt)).") }
        return lines.joined(separator: "\n")
    }

    /// The `customersMerged` event for this merge, at ``mergedAt``.
    ///
    /// Details: `mergeID`, `mergedIDs` (comma-separated) and `matchedKeyKinds`. Key values
    /// (emails, phones) are left out of events on purpose: sinks are often logs.
    public func mergedEvent() -> DomainEvent {
        DomainEvent(kind: .customersMerged, customerID: survivorID, occurredAt: mergedAt, details: [
            "mergeID": id.rawValue,
            "mergedIDs": mergedIDs.map(\.rawValue).joined(separator: ","),
            "matchedKeyKinds": Set(matchedKeys.map(\.key.kind.rawValue)).sorted().joined(separator: ","),
        ])
    }

    /// The `mergeUndone` event for undoing this merge at `date`.
    ///
    /// Details: `mergeID` and `restoredIDs` (every member id, comma-separated).
    public func undoneEvent(at date: Date) -> DomainEvent {
        DomainEvent(kind: .mergeUndone, customerID: survivorID, occurredAt: date, details: [
            "mergeID": id.rawValue,
            "restoredIDs": memberIDs.map(\.rawValue).joined(separator: ","),
        ])
    }

    /// `YYYY-MM-DD` for midnight UTC, `YYYY-MM-DDTHH:MM:SSZ` otherwise.
    static func timestamp(_ date: Date) -> String {
        let day = date.calendarDayUTC
        let seconds = Int((date.timeIntervalSince1970 - Double(day.dayNumber) * 86_400).rounded(.down))
        guard seconds > 0 else { return day.description }
        var bytes = Array(day.description.utf8)
        bytes.append(UInt8(ascii: "T"))
        DecimalParser.appendDigits(UInt64(seconds / 3600), minimumWidth: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        DecimalParser.appendDigits(UInt64(seconds / 60 % 60), minimumWidth: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        DecimalParser.appendDigits(UInt64(seconds % 60), minimumWidth: 2, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
