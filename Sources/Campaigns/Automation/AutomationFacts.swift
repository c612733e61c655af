import CustomerModel
import Scoring

/// A month and day, for birthdays.
public struct MonthDay: Sendable, Hashable, Codable {
    /// 1–12.
    public var month: Int
    /// 1–31.
    public var day: Int

    /// Creates a month-day.
    /// - Throws: ``CampaignError`` `.invalidParameter` unless the day exists in some year
    ///   (29 February is allowed: it is celebrated on 28 February in other years).
    public init(month: Int, day: Int) throws(CampaignError) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDay.daysInMonth(year: 2000, month: month) else {
            throw CampaignError(.invalidParameter, "\(month)-\(day) is not a day of the year")
        }
        self.month = month
        self.day = day
    }

    /// This month-day in `year` (29 February becomes 28 February outside leap years).
    func occurrence(in year: Int) -> CalendarDay? {
        try? CalendarDay(year: year, month: month, day: min(day, CalendarDay.daysInMonth(year: year, month: month)))
    }
}

/// What the automation rules read about one customer on a day. Callers fill it from the
/// stores and the other modules (replenishment due dates from Recommendation, churn
/// warnings and lead stages from Scoring), so the rules themselves need no I/O.
public struct AutomationFacts: Sendable, Hashable, Codable {
    /// The customer.
    public var customerID: CustomerID
    /// When they signed up, if known.
    public var signedUpOn: CalendarDay?
    /// Their first order's day, if any.
    public var firstOrderOn: CalendarDay?
    /// Their latest order's day, if any.
    public var lastOrderOn: CalendarDay?
    /// Their birthday, if known.
    public var birthday: MonthDay?
    /// Spend over the last 365 days, in currency units.
    public var spendLastYear: Double
    /// Item or category → the day a repurchase is due.
    public var repurchaseDue: [String: CalendarDay]
    /// Category → browses since the last order without buying in it.
    public var browsesWithoutPurchase: [String: Int]
    /// Whether the churn-warning rule flags the customer today.
    public var churnWarning: Bool
    /// The lead's current stage and since when, for prospects.
    public var leadStage: LeadStageEntry?
    /// New items the customer is likely to want (from Recommendation's new-product interest).
    public var newProductsOfInterest: [String]

    /// Creates facts.
    public init(
        customerID: CustomerID, signedUpOn: CalendarDay? = nil, firstOrderOn: CalendarDay? = nil,
        lastOrderOn: CalendarDay? = nil, birthday: MonthDay? = nil, spendLastYear: Double = 0,
        repurchaseDue: [String: CalendarDay] = [:], browsesWithoutPurchase: [String: Int] = [:],
        churnWarning: Bool = false, leadStage: LeadStageEntry? = nil,
        newProductsOfInterest: [String] = []
    ) {
        self.customerID = customerID
        self.signedUpOn = signedUpOn
        self.firstOrderOn = firstOrderOn
        self.lastOrderOn = lastOrderOn
        self.birthday = birthday
        self.spendLastYear = spendLastYear
        self.repurchaseDue = repurchaseDue
        self.browsesWithoutPurchase = browsesWithoutPurchase
        self.churnWarning = churnWarning
        self.leadStage = leadStage
        self.newProductsOfInterest = newProductsOfInterest
    }
}

/// A lead's stage (Scoring's engagement stages) and the day it entered it.
public struct LeadStageEntry: Sendable, Hashable, Codable {
    /// The stage.
    public var stage: LeadStage
    /// The day the lead entered it.
    public var since: CalendarDay

    /// Creates an entry.
    public init(stage: LeadStage, since: CalendarDay) {
        self.stage = stage
        self.since = since
    }
}
