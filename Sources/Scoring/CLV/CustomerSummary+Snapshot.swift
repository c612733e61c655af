import CustomerModel

extension CustomerSummary {
    /// Summarises a snapshot for the CLV models, with an optional holdout window.
    ///
    /// This is lifetimes' `calibration_and_holdout_data` with `freq='D'` (and
    /// `freq_multiplier=7` for weeks): the purchase periods are distinct order days.
    /// Orders on or before `calibrationEnd` form the calibration window; a customer whose
    /// first order is later is left out. Per customer:
    /// - x = distinct order days − 1;
    /// - tₓ = (last order day − first order day) / unit, T = (calibrationEnd − first day) / unit;
    /// - monetary value = the mean, over the repeat order days, of the day's total spend in
    ///   currency units (0 when x = 0);
    /// - holdout frequency = distinct order days in (calibrationEnd, holdoutEnd].
    ///
    /// Customers are in snapshot order.
    /// - Throws: ``ScoringError`` `.invalidParameter` when `holdoutEnd` is not after
    ///   `calibrationEnd`; `.degenerateInput` when no customer has an order by `calibrationEnd`.
    /// - Complexity: O(orders + lines), on both cores.
    public init(
        snapshot: CustomerSnapshot, calibrationEnd: CalendarDay, holdoutEnd: CalendarDay? = nil, unit: TimeUnit
    ) throws(ScoringError) {
        if let holdoutEnd, holdoutEnd <= calibrationEnd {
            throw ScoringError(.invalidParameter, "the holdout end \(holdoutEnd) is not after the calibration end \(calibrationEnd)")
        }
        let n = snapshot.customerCount
        let pieces = n < 20_000 ? 1 : 2
        let bounds = (0...pieces).map { n * $0 / pieces }
        let end = calibrationEnd.dayNumber
        let holdout = holdoutEnd?.dayNumber ?? end
        let perUnit = 1 / unit.days
        var minorPerUnit = 1.0
        for _ in 0..<snapshot.currency.minorUnitDigits { minorPerUnit *= 10 }
        let parts: [SummaryColumns] = ParallelLoop.map(pieces) { piece in
            var part = SummaryColumns()
            part.reserve(bounds[piece + 1] - bounds[piece])
            for c in bounds[piece]..<bounds[piece + 1] {
                let orders = snapshot.orders(ofCustomer: c)
                guard let firstOrder = orders.first, snapshot.orderDays[firstOrder] <= end else { continue }
                let first = snapshot.orderDays[firstOrder]
                var last = first
                var days = 0
                var holdoutDays = 0
                var previous = Int32.min
                var daySpend = 0.0
                var repeatTotal = 0.0
                for o in orders {
                    let day = snapshot.orderDays[o]
                    if day > holdout { break }
                    let newDay = day != previous
                    if day > end {
                        if newDay { holdoutDays += 1 }
                    } else {
                        if newDay {
                            if days > 1 { repeatTotal += daySpend }
                            daySpend = 0
                            days += 1
                            last = day
                        }
                        for l in snapshot.lines(ofOrder: o) {
                            daySpend += Double(snapshot.lineAmounts[l])
                        }
                    }
                    previous = day
                }
                if days > 1 { repeatTotal += daySpend }
                let x = days - 1
                part.ids.append(snapshot.customerID(at: c).rawValue)
                part.frequency.append(Double(x))
                part.recency.append(Double(last - first) * perUnit)
                part.age.append(Double(end - first) * perUnit)
                part.monetary.append(x > 0 ? repeatTotal / Double(x) / minorPerUnit : 0)
                part.holdout.append(Double(holdoutDays))
            }
            return part
        }
        var all = SummaryColumns()
        for part in parts { all.append(part) }
        guard !all.ids.isEmpty else {
            throw ScoringError(.degenerateInput, "no customer has an order on or before \(calibrationEnd)")
        }
        self.init(
            unchecked: all.ids, frequency: all.frequency, recency: all.recency, age: all.age,
            monetaryValue: all.monetary, holdoutFrequency: holdoutEnd == nil ? nil : all.holdout,
            holdoutDuration: holdoutEnd.map { Double($0.dayNumber - end) * perUnit }, unit: unit)
    }
}

/// Summary columns of a chunk of customers.
private struct SummaryColumns {
    var ids: [String] = []
    var frequency: [Double] = []
    var recency: [Double] = []
    var age: [Double] = []
    var monetary: [Double] = []
    var holdout: [Double] = []

    mutating func reserve(_ n: Int) {
        ids.reserveCapacity(n)
        frequency.reserveCapacity(n)
        recency.reserveCapacity(n)
        age.reserveCapacity(n)
        monetary.reserveCapacity(n)
        holdout.reserveCapacity(n)
    }

    mutating func append(_ other: SummaryColumns) {
        ids.append(contentsOf: other.ids)
        frequency.append(contentsOf: other.frequency)
        recency.append(contentsOf: other.recency)
        age.append(contentsOf: other.age)
        monetary.append(contentsOf: other.monetary)
        holdout.append(contentsOf: other.holdout)
    }
}
