import CustomerModel
import Scoring

extension SegmentPopulation {
    /// Builds the population of `snapshot` and the customers of `inputs` at `asOf`.
    ///
    /// - Parameters:
    ///   - asOf: Windows end the day before; default the day after the last order.
    /// - Throws: ``ScoringError`` from the RFM or value-score analyses (invalid parameters, a
    ///   monetary overflow, a dwell time that is not finite); `.invalidParameter` for a
    ///   supplied score named like a computed one or that is not finite. A population with no
    ///   order before `asOf` simply has no RFM or value scores.
    /// - Complexity: O(orders + lines + events + profiles + supplied entries), the per-order
    ///   and per-event work in parallel; events are sorted by day within each customer.
    public init(snapshot: CustomerSnapshot, asOf: CalendarDay? = nil, inputs: SegmentInputs = SegmentInputs()) throws(ScoringError) {
        let asOf = asOf ?? (snapshot.dayRange?.upperBound.adding(days: 1) ?? CalendarDay(dayNumber: 0))
        self.asOf = asOf
        self.currency = snapshot.currency
        self.snapshot = snapshot

        // The customer universe.
        let needsIndex = !inputs.profiles.isEmpty || !inputs.interactions.isEmpty || !inputs.scores.isEmpty || !inputs.consents.isEmpty
        var index: [CustomerID: Int] = needsIndex ? snapshot.makeCustomerIndex() : [:]
        var additional: [CustomerID] = []
        func intern(_ id: CustomerID) -> Int {
            if let c = index[id] { return c }
            let c = snapshot.customerCount + additional.count
            index[id] = c
            additional.append(id)
            return c
        }
        let profileCustomers = inputs.profiles.map { intern($0.id) }
        let eventCustomers = inputs.interactions.map { intern($0.customerID) }
        for name in inputs.scores.keys.sorted() {
            for id in inputs.scores[name, default: [:]].keys.sorted() { _ = intern(id) }
        }
        for purpose in inputs.consents.keys.sorted() {
            for id in inputs.consents[purpose, default: []].sorted() { _ = intern(id) }
        }
        additionalCustomerIDs = additional
        let n = snapshot.customerCount + additional.count

        // Orders: the snapshot's, with per-order totals; extra customers have none.
        var orderOffsets = snapshot.customerOrderOffsets
        if orderOffsets.isEmpty { orderOffsets = [0] }
        orderOffsets += repeatElement(orderOffsets[orderOffsets.count - 1], count: additional.count)
        customerOrderOffsets = orderOffsets
        var totals = [Int64](repeating: 0, count: snapshot.orderCount)
        ParallelLoop.fill(&totals) { o in
            var sum: Int64 = 0
            for l in snapshot.lines(ofOrder: o) { sum &+= snapshot.lineAmounts[l] }
            return sum
        }
        orderTotals = totals

        // Lines by customer with categories, when categories are known.
        var categoryCodes: [CategoryID: Int32] = [:]
        func categoryCode(_ id: CategoryID) -> Int32 {
            if let code = categoryCodes[id] { return code }
            let code = Int32(categoryCodes.count)
            categoryCodes[id] = code
            return code
        }
        hasCategories = !inputs.itemCategories.isEmpty
        var lineOffsets = [0]
        var lineDays: [Int32] = []
        var lineCategories: [Int32] = []
        var lineAmounts: [Int64] = []
        if hasCategories {
            var itemCategory = [Int32](repeating: -1, count: snapshot.itemCount)
            for item in inputs.itemCategories.keys.sorted() {
                if let category = inputs.itemCategories[item] { _ = categoryCode(category) }
            }
            for i in 0..<snapshot.itemCount {
                if let category = inputs.itemCategories[snapshot.itemID(at: i)] { itemCategory[i] = categoryCodes[category] ?? -1 }
            }
            lineOffsets.reserveCapacity(n + 1)
            lineDays.reserveCapacity(snapshot.lineCount)
            lineCategories.reserveCapacity(snapshot.lineCount)
            lineAmounts.reserveCapacity(snapshot.lineCount)
            for c in 0..<snapshot.customerCount {
                for o in snapshot.orders(ofCustomer: c) {
                    for l in snapshot.lines(ofOrder: o) {
                        lineDays.append(snapshot.orderDays[o])
                        lineCategories.append(itemCategory[Int(snapshot.lineItems[l])])
                        lineAmounts.append(snapshot.lineAmounts[l])
                    }
                }
                lineOffsets.append(lineDays.count)
            }
            lineOffsets += repeatElement(lineDays.count, count: additional.count)
        } else {
            lineOffsets = [Int](repeating: 0, count: n + 1)
        }
        customerLineOffsets = lineOffsets
        self.lineDays = lineDays
        self.lineCategories = lineCategories
        self.lineAmounts = lineAmounts

        // Events grouped by customer (counting sort), then by day within each customer.
        hasInteractions = !inputs.interactions.isEmpty
        var kindCodes: [InteractionKind: Int32] = [:]
        for kind in Set(inputs.interactions.map(\.kind)).sorted() { kindCodes[kind] = Int32(kindCodes.count) }
        for category in Set(inputs.interactions.compactMap(\.details.categoryID)).sorted() { _ = categoryCode(category) }
        var eventOffsets = [Int](repeating: 0, count: n + 1)
        for c in eventCustomers { eventOffsets[c + 1] += 1 }
        for c in 0..<n { eventOffsets[c + 1] += eventOffsets[c] }
        var next = eventOffsets
        let eventCount = inputs.interactions.count
        var order = [Int](repeating: 0, count: eventCount)
        for (e, c) in eventCustomers.enumerated() {
            order[next[c]] = e
            next[c] += 1
        }
        let eventDayOf = inputs.interactions.map { $0.occurredAt.calendarDayUTC.dayNumber }
        for c in 0..<n where eventOffsets[c + 1] - eventOffsets[c] > 1 {
            // Stable insertion sort by day: a customer's events are few and usually in order.
            for i in (eventOffsets[c] + 1)..<eventOffsets[c + 1] {
                let e = order[i]
                var j = i
                while j > eventOffsets[c], eventDayOf[order[j - 1]] > eventDayOf[e] {
                    order[j] = order[j - 1]
                    j -= 1
                }
                order[j] = e
            }
        }
        customerEventOffsets = eventOffsets
        eventDays = order.map { eventDayOf[$0] }
        eventKinds = order.map { kindCodes[inputs.interactions[$0].kind] ?? -1 }
        eventCategories = order.map { e in inputs.interactions[e].details.categoryID.flatMap { categoryCodes[$0] } ?? -1 }
        self.kindCodes = kindCodes
        self.categoryCodes = categoryCodes

        // Profiles: the last given profile of a customer wins.
        var profiles = [CustomerProfile?](repeating: nil, count: inputs.profiles.isEmpty ? 0 : n)
        for (k, profile) in inputs.profiles.enumerated() { profiles[profileCustomers[k]] = profile }
        self.profiles = profiles

        // Computed scores.
        var scores: [String: [Double]] = [:]
        var rfmSegments = [UInt8](repeating: 255, count: n)
        var valueTiers = [UInt8](repeating: 255, count: n)
        let hasOrdersBefore = snapshot.orderDays.contains { $0 < asOf.dayNumber }
        if let analysis = inputs.rfm, hasOrdersBefore {
            let result = try analysis.run(on: snapshot, asOf: asOf)
            var r = [Double](repeating: .nan, count: n), f = r, m = r
            let segmentIndex = Dictionary(uniqueKeysWithValues: RFMSegment.allCases.enumerated().map { ($1, UInt8($0)) })
            for i in 0..<result.count {
                let c = Int(result.customers[i])
                r[c] = Double(result.r[i])
                f[c] = Double(result.f[i])
                m[c] = Double(result.m[i])
                if !result.segments.isEmpty { rfmSegments[c] = segmentIndex[result.segments[i]] ?? 255 }
            }
            scores["rfm.r"] = r
            scores["rfm.f"] = f
            scores["rfm.m"] = m
        }
        if let analysis = inputs.valueScore, hasOrdersBefore {
            var valueInputs = ValueIndicatorInputs()
            if hasInteractions {
                let derived = try InteractionIndicators.derive(from: inputs.interactions, snapshot: snapshot, asOf: asOf)
                valueInputs = ValueIndicatorInputs(derived)
            }
            let result = try analysis.run(on: snapshot, asOf: asOf, inputs: valueInputs)
            var value = [Double](repeating: .nan, count: n)
            for i in 0..<result.count {
                let c = Int(result.customers[i])
                value[c] = result.scores[i]
                valueTiers[c] = UInt8(ValueTier.allCases.firstIndex(of: result.tiers[i]) ?? 255)
            }
            scores["value"] = value
        }
        for name in inputs.scores.keys.sorted() {
            guard !SegmentPopulation.computedScoreNames.contains(name) else {
                throw ScoringError(.invalidParameter, "the score '\(name)' is computed by the population and cannot be supplied")
            }
            var column = [Double](repeating: .nan, count: n)
            for (id, value) in inputs.scores[name, default: [:]] {
                guard value.isFinite else {
                    throw ScoringError(.invalidParameter, "score '\(name)' of customer \(id) is \(value); scores are finite")
                }
                if let c = index[id] { column[c] = value }
            }
            scores[name] = column
        }
        scoreColumns = scores
        self.rfmSegments = rfmSegments
        self.valueTiers = valueTiers

        var consents: [String: [Bool]] = [:]
        for (purpose, granted) in inputs.consents {
            var column = [Bool](repeating: false, count: n)
            for id in granted { if let c = index[id] { column[c] = true } }
            consents[purpose] = column
        }
        consentColumns = consents
    }

    /// Scores the population computes itself.
    public static let computedScoreNames: Set<String> = ["value", "rfm.r", "rfm.f", "rfm.m"]
}
