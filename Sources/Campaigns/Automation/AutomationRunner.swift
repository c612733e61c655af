import CustomerModel

/// One automation message to plan: which rule, for whom, on which occasion.
public struct AutomationFiring: Sendable, Hashable, Codable {
    /// The rule's name.
    public var trigger: String
    /// The customer.
    public var customerID: CustomerID
    /// The occasion key (what makes the firing unique).
    public var occasion: String
    /// The day it fired.
    public var day: CalendarDay
    /// Why, for people.
    public var detail: String
}

/// Runs automation rules on a day, once per occasion.
///
/// Evaluate as often as you like (on every event or on a clock tick): the ledger makes
/// each occasion fire once. Firings come out in customer order, then rule order, then
/// occasion key, so a run is reproducible.
///
/// ```swift
/// let runner = try AutomationRunner(triggers: [.welcome(withinDays: 2), .birthday(daysBefore: 3)])
/// let due = try await runner.run(facts, on: today, ledger: ledger)
/// ```
public struct AutomationRunner: Sendable, Hashable, Codable {
    /// The rules, in order.
    public let triggers: [AutomationTrigger]

    /// Creates a runner.
    /// - Throws: ``CampaignError`` `.invalidParameter` for a rule with invalid parameters.
    public init(triggers: [AutomationTrigger]) throws(CampaignError) {
        for trigger in triggers { try trigger.validate() }
        self.triggers = triggers
    }

    /// Every occasion due on `day`, before the ledger is consulted.
    /// - Complexity: O(customers × rules).
    public func candidates(_ facts: [AutomationFacts], on day: CalendarDay) -> [AutomationFiring] {
        var out: [AutomationFiring] = []
        for customer in facts.sorted(by: { $0.customerID.rawValue < $1.customerID.rawValue }) {
            for trigger in triggers {
                for (key, detail) in trigger.occasions(customer, on: day) {
                    out.append(AutomationFiring(
                        trigger: trigger.name, customerID: customer.customerID, occasion: key, day: day, detail: detail))
                }
            }
        }
        return out
    }

    /// The occasions due on `day` that have not fired before; claims them in `ledger`.
    /// - Throws: the ledger's errors.
    public func run(_ facts: [AutomationFacts], on day: CalendarDay, ledger: some AutomationLedger) async throws
        -> [AutomationFiring]
    {
        let due = candidates(facts, on: day)
        let fresh = try await ledger.claim(due.map(\.occasion))
        return zip(due, fresh).compactMap { $1 ? $0 : nil }
    }
}
