import CustomerModel

/// An automation rule of SEEDS.md §7: what to send, to whom, and when, evaluated on a day.
///
/// Every firing carries an occasion key; a ledger keeps the keys already used, so a rule
/// fires once per occasion however often it runs (one birthday greeting per year, one
/// welcome per customer, one reminder per due date).
public enum AutomationTrigger: Sendable, Hashable, Codable {
    /// Welcome within `withinDays` of the first order (or of sign-up without an order). Once per customer.
    case welcome(withinDays: Int)
    /// Birthday greeting from `daysBefore` days before the birthday until the day. Once per year.
    case birthday(daysBefore: Int)
    /// Repurchase reminder from `daysBefore` days before a due date until it. Once per item and due date.
    case repurchaseReminder(daysBefore: Int)
    /// A browsed-but-not-bought category with at least `minimumBrowses` browses since the last order.
    /// Once per category per order cycle.
    case browseWithoutPurchase(minimumBrowses: Int)
    /// A churn warning; at most once per period of `cooldownDays` days (periods counted
    /// from 1970-01-01, so the occasion key needs no stored date).
    case churnWarning(cooldownDays: Int)
    /// A lead that has stayed `afterDays` days in a stage gets a follow-up. Once per stage entry.
    case leadFollowUp(afterDays: Int)
    /// A trial offer for each new product of interest. Once per product.
    case newProductTrial
    /// A personalised promotion every `everyDays` days to customers who ordered within the last `activeWithinDays`.
    case periodicPromotion(everyDays: Int, activeWithinDays: Int)
    /// A gift card for customers who spent at least `minimumSpend` in the last year. Once per year.
    case giftCard(minimumSpend: Double)

    /// The rule's name, used in occasion keys and reports.
    public var name: String {
        switch self {
        case .welcome: "welcome"
        case .birthday: "birthday"
        case .repurchaseReminder: "repurchaseReminder"
        case .browseWithoutPurchase: "browseWithoutPurchase"
        case .churnWarning: "churnWarning"
        case .leadFollowUp: "leadFollowUp"
        case .newProductTrial: "newProductTrial"
        case .periodicPromotion: "periodicPromotion"
        case .giftCard: "giftCard"
        }
    }

    /// Checks the rule's parameters.
    /// - Throws: ``CampaignError`` `.invalidParameter` for a negative window or a period below 1.
    public func validate() throws(CampaignError) {
        let ok: Bool
        switch self {
        case .welcome(let d), .birthday(let d), .repurchaseReminder(let d), .leadFollowUp(let d): ok = d >= 0
        case .browseWithoutPurchase(let n): ok = n >= 1
        case .churnWarning(let d): ok = d >= 1
        case .newProductTrial: ok = true
        case .periodicPromotion(let every, let active): ok = every >= 1 && active >= 0
        case .giftCard(let spend): ok = spend.isFinite && spend >= 0
        }
        guard ok else { throw CampaignError(.invalidParameter, "automation rule \(self) has an invalid parameter") }
    }

    /// The occasions on which this rule fires for `facts` on `day`: (occasion key, detail).
    /// - Complexity: O(items in the facts).
    func occasions(_ facts: AutomationFacts, on day: CalendarDay) -> [(key: String, detail: String)] {
        let id = facts.customerID.rawValue
        switch self {
        case .welcome(let within):
            guard let start = facts.firstOrderOn ?? facts.signedUpOn, start <= day, start.days(to: day) <= within else { return [] }
            return [("welcome|\(id)", "welcome since \(start)")]
        case .birthday(let before):
            guard let birthday = facts.birthday else { return [] }
            let year = day.components.year
            for candidate in [year, year + 1] {
                guard let next = birthday.occurrence(in: candidate), next >= day else { continue }
                if day.days(to: next) <= before { return [("birthday|\(id)|\(candidate)", "birthday on \(next)")] }
                break
            }
            return []
        case .repurchaseReminder(let before):
            return facts.repurchaseDue.sorted { $0.key < $1.key }.compactMap { item, due in
                guard day <= due, day.days(to: due) <= before else { return nil }
                return ("repurchase|\(id)|\(item)|\(due)", "\(item) due on \(due)")
            }
        case .browseWithoutPurchase(let minimum):
            let cycle = facts.lastOrderOn.map(\.description) ?? "never"
            return facts.browsesWithoutPurchase.sorted { $0.key < $1.key }.compactMap { category, count in
                count >= minimum ? ("browse|\(id)|\(category)|\(cycle)", "\(count) browses of \(category) without an order") : nil
            }
        case .churnWarning(let cooldown):
            guard facts.churnWarning else { return [] }
            let period = Int(day.dayNumber).quotientFloor(cooldown)
            return [("churn|\(id)|\(period)", "churn warning")]
        case .leadFollowUp(let after):
            guard let stage = facts.leadStage, stage.since.days(to: day) >= after else { return [] }
            return [("lead|\(id)|\(stage.stage.rawValue)|\(stage.since)", "\(stage.since.days(to: day)) days in stage \(stage.stage.rawValue)")]
        case .newProductTrial:
            return facts.newProductsOfInterest.sorted().map { ("trial|\(id)|\($0)", "new product \($0)") }
        case .periodicPromotion(let every, let activeWithin):
            guard let last = facts.lastOrderOn, last <= day, last.days(to: day) <= activeWithin else { return [] }
            let period = Int(day.dayNumber).quotientFloor(every)
            return [("promotion|\(id)|\(period)", "promotion period \(period)")]
        case .giftCard(let minimum):
            guard facts.spendLastYear >= minimum, facts.spendLastYear > 0 else { return [] }
            return [("giftcard|\(id)|\(day.components.year)", "spent \(facts.spendLastYear) in the last year")]
        }
    }
}

extension Int {
    /// ⌊self / divisor⌋ for a positive divisor, also for negative self.
    func quotientFloor(_ divisor: Int) -> Int {
        let q = self / divisor
        return (self % divisor != 0 && self < 0) ? q - 1 : q
    }
}
