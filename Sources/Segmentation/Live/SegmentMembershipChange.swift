#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// A customer entered or left a segment, and why.
public struct SegmentMembershipChange: Hashable, Sendable, Codable {
    /// Entered or exited.
    public enum Direction: String, Hashable, Sendable, Codable {
        /// The customer joined the segment.
        case entered
        /// The customer left the segment.
        case exited
    }

    /// The segment.
    public var segmentID: String
    /// The customer.
    public var customerID: CustomerID
    /// Entered or exited.
    public var direction: Direction
    /// Why: what triggered the re-evaluation and which clauses decided it.
    public var reason: String
    /// When (from the engine's clock).
    public var occurredAt: Date

    /// Creates a change.
    public init(segmentID: String, customerID: CustomerID, direction: Direction, reason: String, occurredAt: Date) {
        self.segmentID = segmentID
        self.customerID = customerID
        self.direction = direction
        self.reason = reason
        self.occurredAt = occurredAt
    }

    /// The change as a domain event (`segmentEntered` / `segmentExited`, details `segment`, `reason`).
    public var domainEvent: DomainEvent {
        DomainEvent(
            kind: direction == .entered ? .segmentEntered : .segmentExited, customerID: customerID, occurredAt: occurredAt,
            details: ["segment": segmentID, "reason": reason])
    }
}

extension DomainEventKind {
    /// A customer entered a segment (details: `segment`, `reason`).
    public static let segmentEntered = DomainEventKind("segmentEntered")
    /// A customer left a segment (details: `segment`, `reason`).
    public static let segmentExited = DomainEventKind("segmentExited")
}
