#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Why a customer of the audience gets no message.
public struct PlanExclusion: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The reason's code.
    public var code: String
    /// Detail for people (the cap that was hit, the missing consent).
    public var detail: String

    /// Creates a reason.
    public init(code: String, detail: String = "") {
        self.code = code
        self.detail = detail
    }

    public var description: String { detail.isEmpty ? code : "\(code): \(detail)" }

    /// In the holdout group: never contacted, measured against.
    public static let holdout = PlanExclusion(code: "holdout")
    /// No channel the customer consented to.
    public static let noConsentedChannel = PlanExclusion(code: "noConsent")
    /// Expected value not above the minimum.
    public static let notProfitable = PlanExclusion(code: "notProfitable")
    /// The budget ran out.
    public static let overBudget = PlanExclusion(code: "budget")
}

/// A message the plan would send. Planning never sends: hand the messages to a ``MessageDelivery``.
public struct PlannedMessage: Sendable, Hashable, Codable {
    /// The campaign.
    public var campaignID: String
    /// The recipient.
    public var customerID: CustomerID
    /// The channel.
    public var channel: Channel
    /// The A/B variant ("default" without an experiment).
    public var variant: String
    /// The offer id, the same on every channel.
    public var offerID: String
    /// When to send.
    public var sendAt: Date
    /// The rendered content.
    public var content: String
    /// How the channel was chosen.
    public var channelReason: ChannelChoice.Reason
    /// P(response) × value − cost.
    public var expectedValue: Double
}

/// A customer of the audience who gets no message, with every reason.
public struct Suppression: Sendable, Hashable, Codable {
    /// The customer.
    public var customerID: CustomerID
    /// The reasons (consent, objection, a cap, quiet hours, holdout, erased, budget, content).
    public var reasons: [PlanExclusion]

    /// Creates a suppression.
    public init(customerID: CustomerID, reasons: [PlanExclusion]) {
        self.customerID = customerID
        self.reasons = reasons
    }
}

/// The outcome of planning a campaign: messages to send, suppressions with reasons, the
/// holdout, and totals.
public struct ExecutionPlan: Sendable, Hashable, Codable {
    /// The campaign.
    public var campaignID: String
    /// Messages, in audience order.
    public var messages: [PlannedMessage]
    /// Suppressed customers (holdout included), in audience order.
    public var suppressions: [Suppression]
    /// Total contact cost of the messages.
    public var totalCost: Double
    /// Total expected value of the messages.
    public var totalExpectedValue: Double

    /// The holdout group's customers.
    public var holdout: [CustomerID] {
        suppressions.filter { $0.reasons.contains(.holdout) }.map(\.customerID)
    }
}

/// Hands planned messages to the systems that send them (an email service, an SMS gateway).
/// The library never sends by itself; ``RecordingMessageDelivery`` keeps them in memory.
public protocol MessageDelivery: Sendable {
    /// Delivers messages; returns the ids of the ones accepted.
    func deliver(_ messages: [PlannedMessage]) async throws -> [CustomerID]
}

/// A ``MessageDelivery`` that records what it was given (for tests and dry runs).
public actor RecordingMessageDelivery: MessageDelivery {
    /// Everything delivered so far, in order.
    public private(set) var delivered: [PlannedMessage] = []

    /// Creates an empty recorder.
    public init() {}

    public func deliver(_ messages: [PlannedMessage]) -> [CustomerID] {
        delivered.append(contentsOf: messages)
        return messages.map(\.customerID)
    }
}
