/// Evaluation of many customers at once, a clause at a time: each clause filters the
/// customers still in question (a selection vector), so `all` only asks later clauses about
/// customers the earlier ones kept, and every dispatch on the clause's kind happens once per
/// batch instead of once per customer. The result equals ``ProgramEvaluation/holds(_:_:)``
/// customer by customer (the tests check this).
extension ProgramEvaluation {
    /// The customers of `input` (ascending) for whom node `n` holds, ascending.
    func select(_ n: Int, _ input: [Int32]) -> [Int32] {
        guard !input.isEmpty else { return input }
        switch program.nodes[n] {
        case .all(let range):
            var selection = input
            for i in range {
                selection = select(program.children[i], selection)
                if selection.isEmpty { break }
            }
            return selection
        case .any(let range):
            var remaining = input
            var held: [Int32] = []
            for i in range {
                let now = select(program.children[i], remaining)
                guard !now.isEmpty else { continue }
                held = ProgramEvaluation.merge(held, now)
                remaining = ProgramEvaluation.subtract(remaining, now)
                if remaining.isEmpty { break }
            }
            return held
        case .not(let child):
            return ProgramEvaluation.subtract(input, select(child, input))
        case .reference(_, let child):
            return select(child, input)
        case .metric(let metric, let test):
            let t = minorUnitTests[n] ?? test
            switch metric {
            case .orders(let days):
                let from = since(days)
                return ProgramEvaluation.filter(input) { t.holds(Double(orderWindow($0, since: from).count)) }
            case .spend(let days, let category) where category == SegmentProgram.anyCategory:
                let from = since(days)
                return ProgramEvaluation.filter(input) { c in
                    var total: Int64 = 0
                    for o in orderWindow(c, since: from) { total &+= facts.orderTotal(o) }
                    return t.holds(Double(total))
                }
            case .daysSinceLastPurchase:
                let asOf = facts.asOfDay
                return ProgramEvaluation.filter(input) { c in
                    guard let last = orderWindow(c, since: Int32.min).last else { return false }
                    return t.holds(Double(asOf - facts.orderDay(last)))
                }
            default:
                return ProgramEvaluation.filter(input) { t.holds(value(metric, $0)) }
            }
        case .tier(let mask):
            return ProgramEvaluation.filter(input) { c in
                let tier = facts.valueTier(c)
                return tier < 8 && mask & (1 << tier) != 0
            }
        case .consent(let slot):
            return ProgramEvaluation.filter(input) { facts.hasConsent(slot, $0) }
        default:
            return ProgramEvaluation.filter(input) { holds(n, $0) }
        }
    }

    @inline(__always)
    static func filter(_ input: [Int32], _ keep: (Int) -> Bool) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(input.count)
        for c in input where keep(Int(c)) { out.append(c) }
        return out
    }

    /// The union of two ascending, disjoint lists, ascending.
    static func merge(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        if a.isEmpty { return b }
        var out: [Int32] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] {
                out.append(a[i])
                i += 1
            } else {
                out.append(b[j])
                j += 1
            }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }

    /// The elements of ascending `a` not in ascending `b` (a subset of `a`), ascending.
    static func subtract(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        if b.isEmpty { return a }
        var out: [Int32] = []
        out.reserveCapacity(a.count - b.count)
        var j = 0
        for x in a {
            while j < b.count && b[j] < x { j += 1 }
            if j < b.count && b[j] == x { continue }
            out.append(x)
        }
        return out
    }
}
