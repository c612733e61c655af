#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// What an audit entry records.
public struct AuditAction: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The action's name.
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }
    public static func < (lhs: AuditAction, rhs: AuditAction) -> Bool { lhs.name < rhs.name }
    public init(from decoder: any Decoder) throws { name = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    /// Personal data was read for a purpose.
    public static let access = AuditAction("access")
    /// A read of personal data was refused.
    public static let accessDenied = AuditAction("accessDenied")
    /// Consent was granted, withdrawn or objected to.
    public static let consentChange = AuditAction("consentChange")
    /// A data-subject export was produced.
    public static let export = AuditAction("export")
    /// A customer was erased.
    public static let erasure = AuditAction("erasure")
    /// A retention purge ran.
    public static let retentionPurge = AuditAction("retentionPurge")
}

/// What a caller hands to ``AuditLog/record(_:)``: the facts, without position or hashes.
public struct AuditEntryDraft: Hashable, Sendable, Codable {
    public var action: AuditAction
    /// Who acted: a user, a service, a campaign.
    public var actor: String
    /// Whose data, if a customer's (stored as a pseudonym when the log has a pseudonymizer).
    public var customerID: CustomerID?
    /// For which purpose, if any.
    public var purpose: Purpose?
    /// What exactly: fields, stores, counts, the reason of a denial.
    public var detail: String
    /// When it happened (from the caller's clock).
    public var occurredAt: Date

    public init(action: AuditAction, actor: String, customerID: CustomerID? = nil, purpose: Purpose? = nil, detail: String, occurredAt: Date) {
        self.action = action
        self.actor = actor
        self.customerID = customerID
        self.purpose = purpose
        self.detail = detail
        self.occurredAt = occurredAt
    }
}

/// One entry of the hash-chained audit log (GDPR Art. 5(2) accountability and Art. 30,
/// PIPL Art. 54–55).
///
/// `hash = SHA-256(previousHash ‖ fields)`, where the fields are encoded as 8-byte
/// big-endian lengths followed by their bytes (sequence and time as their exact bit
/// patterns), so changing, inserting, removing or reordering any entry breaks every later
/// hash, which ``AuditChain/verify(_:)`` detects.
public struct AuditEntry: Hashable, Sendable, Codable {
    /// Position in the log, from 0, without gaps.
    public var sequence: Int
    public var action: AuditAction
    public var actor: String
    /// The customer reference: a pseudonym when the log pseudonymises, else the id.
    public var subject: String?
    public var purpose: Purpose?
    public var detail: String
    public var occurredAt: Date
    /// The hash of the entry before (32 zero bytes for the first).
    public var previousHash: HashDigest
    /// The hash of this entry.
    public var hash: HashDigest

    /// Creates an entry; ``hash`` is computed from the other fields.
    public init(sequence: Int, action: AuditAction, actor: String, subject: String?, purpose: Purpose?,
                detail: String, occurredAt: Date, previousHash: HashDigest) {
        self.sequence = sequence
        self.action = action
        self.actor = actor
        self.subject = subject
        self.purpose = purpose
        self.detail = detail
        self.occurredAt = occurredAt
        self.previousHash = previousHash
        self.hash = HashDigest(bytes: [])
        self.hash = computedHash()
    }

    /// The hash the fields and previous hash give (equal to ``hash`` unless tampered with).
    public func computedHash() -> HashDigest {
        var hasher = SHA256()
        hasher.update(previousHash.bytes)
        func field(_ bytes: some Collection<UInt8>) {
            withUnsafeBytes(of: UInt64(bytes.count).bigEndian) { hasher.update($0) }
            hasher.update(bytes)
        }
        withUnsafeBytes(of: UInt64(sequence).bigEndian) { field(Array($0)) }
        withUnsafeBytes(of: occurredAt.timeIntervalSince1970.bitPattern.bigEndian) { field(Array($0)) }
        field(Array(action.name.utf8))
        field(Array(actor.utf8))
        field(subject.map { [1] + Array($0.utf8) } ?? [0])
        field(purpose.map { [1] + Array($0.name.utf8) } ?? [0])
        field(Array(detail.utf8))
        return hasher.finalize()
    }

    /// The previous hash of the first entry.
    public static let genesisHash = HashDigest(bytes: [UInt8](repeating: 0, count: 32))
}
