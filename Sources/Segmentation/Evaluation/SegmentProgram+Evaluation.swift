import CustomerModel

/// Evaluates a compiled program against facts, for one customer at a time.
struct ProgramEvaluation<Facts: CustomerFacts & Sendable>: Sendable {
    let program: SegmentProgram
    let facts: Facts
    /// Spend tests in minor units, per node (nil for other nodes).
    let minorUnitTests: [NumericTest?]

    init(program: SegmentProgram, facts: Facts) {
        self.init(program: program, facts: facts,
                  minorUnitTests: ProgramEvaluation.minorUnitTests(program, scale: facts.minorUnitsPerUnit))
    }

    init(program: SegmentProgram, facts: Facts, minorUnitTests: [NumericTest?]) {
        self.program = program
        self.facts = facts
        self.minorUnitTests = minorUnitTests
    }

    /// The spend tests of `program` in minor units, per node.
    static func minorUnitTests(_ program: SegmentProgram, scale: Double) -> [NumericTest?] {
        program.nodes.map { node in
            if case .metric(.spend, let test) = node { return minorUnits(test, scale: scale) }
            return nil
        }
    }

    /// Scales currency-unit bounds to minor units, snapping to whole minor units when the
    /// bound was one up to rounding (19.99 × 100 is 1998.9999999999998).
    static func minorUnits(_ test: NumericTest, scale: Double) -> NumericTest {
        func snap(_ v: Double) -> Double {
            let scaled = v * scale
            let whole = scaled.rounded()
            return abs(scaled - whole) <= 1e-9 * max(1, abs(scaled)) ? whole : scaled
        }
        switch test {
        case .equal(let v): return .equal(snap(v))
        case .notEqual(let v): return .notEqual(snap(v))
        case .less(let v): return .less(snap(v))
        case .lessOrEqual(let v): return .lessOrEqual(snap(v))
        case .greater(let v): return .greater(snap(v))
        case .greaterOrEqual(let v): return .greaterOrEqual(snap(v))
        case .between(let a, let b): return .between(snap(a), snap(b))
        }
    }

    /// Whether node `n` holds for customer `c`, short-circuiting `all` and `any`.
    func holds(_ n: Int, _ c: Int) -> Bool {
        switch program.nodes[n] {
        case .all(let range):
            for i in range where !holds(program.children[i], c) { return false }
            return true
        case .any(let range):
            for i in range where holds(program.children[i], c) { return true }
            return false
        case .not(let child): return !holds(child, c)
        case .reference(_, let child): return holds(child, c)
        case .tag(let slot): return facts.hasTag(slot, c)
        case .consent(let slot): return facts.hasConsent(slot, c)
        case .tier(let mask):
            let t = facts.valueTier(c)
            return t < 8 && mask & (1 << t) != 0
        case .rfm(let mask):
            let s = facts.rfmSegment(c)
            return s < 16 && mask & (1 << s) != 0
        case .attribute(let slot, let test):
            if let options = program.attributeOptionSets[test] {
                guard let value = facts.attribute(slot, c) else { return false }
                if options.contains(value) { return true }
                if case .day(let day) = value { return options.contains(.string(day.description)) }
                return false
            }
            return ProgramEvaluation.attributeHolds(facts.attribute(slot, c), program.attributeTests[test])
        case .age(let test): return test.holds(age(c))
        case .score(let slot, let test): return test.holds(facts.score(slot, c))
        case .metric(let metric, let test):
            return (minorUnitTests[n] ?? test).holds(value(metric, c))
        }
    }

    /// Age in whole years at the as-of day, NaN without a birth date.
    func age(_ c: Int) -> Double {
        guard let birth = facts.birthDay(c) else { return .nan }
        let b = CalendarDay(dayNumber: birth).components
        let now = CalendarDay(dayNumber: facts.asOfDay).components
        var years = now.year - b.year
        if (now.month, now.day) < (b.month, b.day) { years -= 1 }
        return Double(years)
    }

    static func attributeHolds(_ value: AttributeValue?, _ test: AttributeTest) -> Bool {
        guard let value else { return false }
        switch test {
        case .exists: return !value.isEmpty
        case .equals(let expected): return matches(value, expected)
        case .notEquals(let expected): return !matches(value, expected)
        case .oneOf(let options): return options.contains { matches(value, $0) }
        case .contains(let element):
            switch value {
            case .list(let list): return list.contains(element)
            case .string(let s): return s == element
            default: return false
            }
        case .numeric(let test):
            guard case .number(let n) = value else { return false }
            return test.holds(n)
        }
    }

    /// Equality across the JSON types: a day attribute equals its `YYYY-MM-DD` text.
    static func matches(_ value: AttributeValue, _ expected: AttributeValue) -> Bool {
        switch (value, expected) {
        case (.day(let d), .string(let s)): return d.description == s
        default: return value == expected
        }
    }

    // The windows: the trailing part of a customer's day-ordered range with days in
    // [since, asOf), found by scanning back from the end (recent data is what windows ask for).
    @inline(__always)
    func orderWindow(_ c: Int, since: Int32) -> Range<Int> {
        let range = facts.orderRange(c)
        let asOf = facts.asOfDay
        var end = range.upperBound
        while end > range.lowerBound, facts.orderDay(end - 1) >= asOf { end -= 1 }
        var start = end
        while start > range.lowerBound, facts.orderDay(start - 1) >= since { start -= 1 }
        return start..<end
    }

    @inline(__always)
    func lineWindow(_ c: Int, since: Int32) -> Range<Int> {
        let range = facts.lineRange(c)
        let asOf = facts.asOfDay
        var end = range.upperBound
        while end > range.lowerBound, facts.lineDay(end - 1) >= asOf { end -= 1 }
        var start = end
        while start > range.lowerBound, facts.lineDay(start - 1) >= since { start -= 1 }
        return start..<end
    }

    @inline(__always)
    func eventWindow(_ c: Int, since: Int32) -> Range<Int> {
        let range = facts.eventRange(c)
        let asOf = facts.asOfDay
        var end = range.upperBound
        while end > range.lowerBound, facts.eventDay(end - 1) >= asOf { end -= 1 }
        var start = end
        while start > range.lowerBound, facts.eventDay(start - 1) >= since { start -= 1 }
        return start..<end
    }

    func since(_ days: Int32) -> Int32 { days == 0 ? Int32.min : facts.asOfDay &- days }

    /// The metric's value for customer `c` (NaN when missing); spend in minor units.
    func value(_ metric: SegmentProgram.Metric, _ c: Int) -> Double {
        switch metric {
        case .orders(let days):
            return Double(orderWindow(c, since: since(days)).count)
        case .spend(let days, let category):
            if category == SegmentProgram.anyCategory {
                var total: Int64 = 0
                for o in orderWindow(c, since: since(days)) { total &+= facts.orderTotal(o) }
                return Double(total)
            }
            let code = facts.categoryCode(category)
            guard code >= 0 else { return 0 }
            var total: Int64 = 0
            for l in lineWindow(c, since: since(days)) where facts.lineCategory(l) == code {
                total &+= facts.lineAmount(l)
            }
            return Double(total)
        case .events(let kind, let days, let category):
            let kindCode = facts.kindCode(kind)
            guard kindCode >= 0 else { return 0 }
            let categoryCode = category == SegmentProgram.anyCategory ? -1 : facts.categoryCode(category)
            if category != SegmentProgram.anyCategory, categoryCode < 0 { return 0 }
            var count = 0
            for e in eventWindow(c, since: since(days))
            where facts.eventKind(e) == kindCode && (categoryCode < 0 || facts.eventCategory(e) == categoryCode) {
                count += 1
            }
            return Double(count)
        case .daysSinceLastPurchase:
            let orders = orderWindow(c, since: Int32.min)
            guard let last = orders.last else { return .nan }
            return Double(facts.asOfDay - facts.orderDay(last))
        case .daysSinceFirstPurchase:
            let orders = orderWindow(c, since: Int32.min)
            guard let first = orders.first else { return .nan }
            return Double(facts.asOfDay - facts.orderDay(first))
        case .distinctCategoriesBrowsed(let days):
            return Double(distinctBrowsedCategories(c, since: since(days)))
        case .browsesWithoutOrder(let days, let category):
            let from = since(days)
            let categoryCode = category == SegmentProgram.anyCategory ? -1 : facts.categoryCode(category)
            if category == SegmentProgram.anyCategory {
                if !orderWindow(c, since: from).isEmpty { return 0 }
            } else if categoryCode >= 0 {
                for l in lineWindow(c, since: from) where facts.lineCategory(l) == categoryCode {
                    return 0
                }
            } else {
                return 0  // no event can be in a category nothing has
            }
            let browse = facts.browseKind
            guard browse >= 0 else { return 0 }
            var count = 0
            for e in eventWindow(c, since: from)
            where facts.eventKind(e) == browse && (categoryCode < 0 || facts.eventCategory(e) == categoryCode) {
                count += 1
            }
            return Double(count)
        }
    }

    /// Distinct categories of browse events in the window: a quadratic scan without
    /// allocation for the usual handful of events, a set beyond 256.
    func distinctBrowsedCategories(_ c: Int, since: Int32) -> Int {
        let browse = facts.browseKind
        guard browse >= 0 else { return 0 }
        let events = eventWindow(c, since: since)
        if events.count > 256 {
            var seen: Set<Int32> = []
            for e in events where facts.eventKind(e) == browse && facts.eventCategory(e) >= 0 { seen.insert(facts.eventCategory(e)) }
            return seen.count
        }
        var distinct = 0
        for e in events where facts.eventKind(e) == browse {
            let category = facts.eventCategory(e)
            guard category >= 0 else { continue }
            var earlier = false
            for f in events.lowerBound..<e where facts.eventKind(f) == browse && facts.eventCategory(f) == category {
                earlier = true
                break
            }
            if !earlier { distinct += 1 }
        }
        return distinct
    }
}
