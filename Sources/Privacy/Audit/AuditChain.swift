/// The result of verifying an audit chain.
public struct AuditVerification: Hashable, Sendable, Codable {
    /// True when every entry is intact and linked.
    public var isIntact: Bool { firstBrokenSequence == nil }
    /// The number of entries checked.
    public var entriesChecked: Int
    /// The position of the first entry that fails (or is missing), if any.
    public var firstBrokenSequence: Int?
    /// Why it fails.
    public var reason: String?

    /// Creates a result.
    public init(entriesChecked: Int, firstBrokenSequence: Int?, reason: String?) {
        self.entriesChecked = entriesChecked
        self.firstBrokenSequence = firstBrokenSequence
        self.reason = reason
    }
}

/// Verification of a hash-chained audit log.
public enum AuditChain {
    /// Checks that entries are numbered 0, 1, 2, … without gaps, that each entry's hash is
    /// the hash of its fields, and that each links to the hash of the one before.
    /// - Complexity: O(total bytes of the entries).
    public static func verify(_ entries: [AuditEntry], startingAfter previous: AuditEntry? = nil) -> AuditVerification {
        var expectedPrevious = previous?.hash ?? AuditEntry.genesisHash
        var expectedSequence = (previous?.sequence ?? -1) + 1
        for entry in entries {
            func broken(_ reason: String) -> AuditVerification {
                AuditVerification(entriesChecked: expectedSequence - (previous?.sequence ?? -1), firstBrokenSequence: expectedSequence, reason: reason)
            }
            if entry.sequence != expectedSequence {
                return broken("entry \(entry.sequence) found where entry \(expectedSequence) was expected (an entry was removed, inserted or reordered)")
            }
            if entry.previousHash != expectedPrevious {
                return broken("entry \(entry.sequence) does not link to the hash of entry \(entry.sequence - 1)")
            }
            if entry.computedHash() != entry.hash {
                return broken("entry \(entry.sequence) was altered: its content does not match its hash")
            }
            expectedPrevious = entry.hash
            expectedSequence += 1
        }
        return AuditVerification(entriesChecked: entries.count, firstBrokenSequence: nil, reason: nil)
    }
}
