import CustomerModel

/// Keeps each customer's CLV current as transactions arrive, with fitted models and no refit.
///
/// The tracker holds every customer's distinct purchase days and their spend, so a new
/// transaction (in any order, late ones included) updates that customer's (x, tₓ, T,
/// monetary value) exactly as ``CustomerSummary/init(snapshot:calibrationEnd:holdoutEnd:unit:)``
/// would compute it, and rescoring touches only the customers it changed. Refit the models
/// periodically (say monthly) on ``summary(asOf:)``; between refits, this keeps scores fresh.
///
/// ```swift
/// var tracker = LifetimeValueTracker(purchases: bgnbd, spend: gammaGamma, calculator: calculator, unit: .week)
/// tracker.load(snapshot, through: lastDay)
/// let updated = try tracker.record([.init(customerID: "c1", day: today, amount: 42)], asOf: today.adding(days: 1))
/// ```
public struct LifetimeValueTracker<Purchases: RepeatPurchaseModel>: Sendable {
    /// One transaction: who, on which day, and how much (in currency units).
    public struct Purchase: Sendable, Hashable {
        /// The customer.
        public var customerID: String
        /// The day of the purchase.
        public var day: CalendarDay
        /// The amount spent, in currency units.
        public var amount: Double

        /// Creates a purchase.
        public init(customerID: String, day: CalendarDay, amount: Double) {
            self.customerID = customerID
            self.day = day
            self.amount = amount
        }
    }

    /// A customer's scores at an as-of date.
    public struct CustomerValue: Sendable, Hashable {
        /// The customer.
        public var customerID: String
        /// P(alive) at the as-of date.
        public var probabilityAlive: Double
        /// Expected purchases over the calculator's horizon (or the monthly rule's months).
        public var expectedPurchases: Double
        /// The CLV: expected spend per purchase times the discounted expected purchases.
        public var lifetimeValue: Double
    }

    /// The repeat-purchase model.
    public let purchases: Purchases
    /// The spend model; without one, each customer's own mean repeat spend is used.
    public let spend: FittedGammaGamma?
    /// The horizon and discounting.
    public let calculator: LifetimeValueCalculator
    /// The time unit the models were fitted in.
    public let unit: CustomerSummary.TimeUnit

    private var index: [String: Int] = [:]
    private var ids: [String] = []
    private var histories: [History] = []

    /// A customer's distinct purchase days (ascending) with each day's spend.
    private struct History: Sendable {
        var days: [Int32] = []
        var spend: [Double] = []

        mutating func add(day: Int32, amount: Double) {
            var low = 0, high = days.count
            while low < high {
                let mid = (low + high) / 2
                if days[mid] < day { low = mid + 1 } else { high = mid }
            }
            if low < days.count, days[low] == day {
                spend[low] += amount
            } else {
                days.insert(day, at: low)
                spend.insert(amount, at: low)
            }
        }
    }

    /// Creates an empty tracker.
    public init(
        purchases: Purchases, spend: FittedGammaGamma?, calculator: LifetimeValueCalculator,
        unit: CustomerSummary.TimeUnit
    ) {
        self.purchases = purchases
        self.spend = spend
        self.calculator = calculator
        self.unit = unit
    }

    /// Customers tracked.
    public var customerCount: Int { ids.count }

    /// Adds every order of `snapshot` up to and including `through`.
    /// - Complexity: O(orders + lines).
    public mutating func load(_ snapshot: CustomerSnapshot, through: CalendarDay) {
        var minorPerUnit = 1.0
        for _ in 0..<snapshot.currency.minorUnitDigits { minorPerUnit *= 10 }
        for c in 0..<snapshot.customerCount {
            for o in snapshot.orders(ofCustomer: c) where snapshot.orderDays[o] <= through.dayNumber {
                var minor = 0.0
                for l in snapshot.lines(ofOrder: o) { minor += Double(snapshot.lineAmounts[l]) }
                add(snapshot.customerID(at: c).rawValue, day: snapshot.orderDays[o], amount: minor / minorPerUnit)
            }
        }
    }

    private mutating func add(_ customerID: String, day: Int32, amount: Double) {
        let i: Int
        if let known = index[customerID] {
            i = known
        } else {
            i = ids.count
            index[customerID] = i
            ids.append(customerID)
            histories.append(History())
        }
        histories[i].add(day: day, amount: amount)
    }

    /// Records `newPurchases` and returns the rescored customers they touched, in the order
    /// each first appears.
    /// - Throws: ``ScoringError`` `.invalidParameter` for a non-finite or negative amount or
    ///   a purchase after `asOf` (nothing is recorded then); the models' errors.
    /// - Complexity: O(purchases · days per customer) plus one scoring per touched customer.
    public mutating func record(_ newPurchases: [Purchase], asOf: CalendarDay) throws(ScoringError) -> [CustomerValue] {
        for (row, purchase) in newPurchases.enumerated() {
            guard purchase.amount.isFinite, purchase.amount >= 0 else {
                throw ScoringError(.invalidParameter, "purchase \(row) of \(purchase.customerID): amount \(purchase.amount) is not a non-negative number")
            }
            guard purchase.day < asOf else {
                throw ScoringError(.invalidParameter, "purchase \(row) of \(purchase.customerID) on \(purchase.day) is not before the as-of date \(asOf)")
            }
        }
        var touched: [String] = []
        var seen: Set<String> = []
        for purchase in newPurchases {
            add(purchase.customerID, day: purchase.day.dayNumber, amount: purchase.amount)
            if seen.insert(purchase.customerID).inserted { touched.append(purchase.customerID) }
        }
        var values: [CustomerValue] = []
        for id in touched {
            if let value = try value(of: id, asOf: asOf) { values.append(value) }
        }
        return values
    }

    /// A customer's scores at `asOf` from the purchases before it, or nil for an unknown
    /// customer or one whose first purchase is not before `asOf`.
    /// - Throws: the models' errors.
    /// - Complexity: O(days of the customer) plus one scoring.
    public func value(of customerID: String, asOf: CalendarDay) throws(ScoringError) -> CustomerValue? {
        guard let i = index[customerID], let row = row(histories[i], before: asOf.dayNumber) else { return nil }
        let alive = purchases.probabilityAlive(frequency: row.x, recency: row.tx, age: row.t)
        let horizon: Double
        switch calculator.discounting.kind {
        case let .continuous(h, _): horizon = h
        case let .monthly(months, _): horizon = Double(months) * LifetimeValueDiscounting.monthLength(in: unit)
        }
        let expected = try purchases.expectedPurchasesIfAlive(within: horizon, frequency: row.x, age: row.t) * alive
        let perPurchase = try spend?.conditionalExpectedAverageSpend(frequency: row.x, monetaryValue: row.m) ?? row.m
        let value = try calculator.value(
            frequency: row.x, recency: row.tx, age: row.t, expectedSpend: perPurchase, unit: unit, purchases: purchases)
        return CustomerValue(customerID: customerID, probabilityAlive: alive, expectedPurchases: expected, lifetimeValue: value)
    }

    /// Every tracked customer's summary at `asOf` (purchases strictly before it; T runs to
    /// the day before), in the order customers were first seen; customers whose first
    /// purchase is not before `asOf` are left out. Equal to the snapshot summary with
    /// calibration end `asOf − 1 day`.
    /// - Throws: ``ScoringError`` `.degenerateInput` when no customer has a purchase before `asOf`.
    /// - Complexity: O(total purchase days).
    public func summary(asOf: CalendarDay) throws(ScoringError) -> CustomerSummary {
        var kept: [String] = [], x: [Double] = [], tx: [Double] = [], t: [Double] = [], m: [Double] = []
        for i in ids.indices {
            guard let row = row(histories[i], before: asOf.dayNumber) else { continue }
            kept.append(ids[i])
            x.append(row.x)
            tx.append(row.tx)
            t.append(row.t)
            m.append(row.m)
        }
        guard !kept.isEmpty else { throw ScoringError(.degenerateInput, "no customer has a purchase before \(asOf)") }
        return CustomerSummary(
            unchecked: kept, frequency: x, recency: tx, age: t, monetaryValue: m, holdoutFrequency: nil,
            holdoutDuration: nil, unit: unit)
    }

    /// (x, tₓ, T, mean repeat spend) from the purchase days before `end`, T to `end − 1`.
    private func row(_ history: History, before end: Int32) -> (x: Double, tx: Double, t: Double, m: Double)? {
        guard let first = history.days.first, first < end else { return nil }
        var count = 0, repeatSpend = 0.0, last = first
        for (k, day) in history.days.enumerated() where day < end {
            count += 1
            last = day
            if k > 0 { repeatSpend += history.spend[k] }
        }
        let perUnit = 1 / unit.days
        let x = Double(count - 1)
        return (x, Double(last - first) * perUnit, Double(end - 1 - first) * perUnit, x > 0 ? repeatSpend / x : 0)
    }
}
