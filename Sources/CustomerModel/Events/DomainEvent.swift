#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Something that happened in the domain that others may want to know: a customer was
/// created or merged, a segment was entered, a message was suppressed, a customer erased.
///
/// Every module emits these to the ``EventSink`` a user plugs in, like log records.
public struct DomainEvent: Hashable, Sendable, Codable {
    /// What happened.
    public var kind: DomainEventKind
    /// The customer concerned, if any.
    public var customerID: CustomerID?
    /// When it happened (from the caller's clock).
    public var occurredAt: Date
    /// Event-specific details (a reason, a segment id, a store name), as text.
    public var details: [String: String]

    public init(kind: DomainEventKind, customerID: CustomerID? = nil, occurredAt: Date, details: [String: String] = [:]) {
        self.kind = kind
        self.customerID = customerID
        self.occurredAt = occurredAt
        self.details = details
    }
}

/// The kind of a ``DomainEvent``. Modules add their own kinds as static members.
public struct DomainEventKind: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }
    public static func < (lhs: DomainEventKind, rhs: DomainEventKind) -> Bool { lhs.name < rhs.name }
    public init(from decoder: any Decoder) throws {
        name = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    public static let customerCreated = DomainEventKind("customerCreated")
    public static let customerUpdated = DomainEventKind("customerUpdated")
    public static let customersMerged = DomainEventKind("customersMerged")
    public static let mergeUndone = DomainEventKind("mergeUndone")
    public static let ordersAppended = DomainEventKind("ordersAppended")
    public static let interactionsAppended = DomainEventKind("interactionsAppended")
    public static let customerDeleted = DomainEventKind("customerDeleted")
    public static let importCompleted = DomainEventKind("importCompleted")
}
