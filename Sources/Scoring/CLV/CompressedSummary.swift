import CustomerModel

/// Distinct (x, tₓ, T) rows of a ``CustomerSummary`` with how many customers share each,
/// which is what the likelihoods are evaluated on (fewer rows, the same likelihood).
package struct CompressedSummary: Sendable {
    package var frequency: [Double] = []
    package var recency: [Double] = []
    package var age: [Double] = []
    package var weight: [Double] = []
    /// The distinct frequencies, ascending. Likelihood terms that depend on x alone (the
    /// lgamma and digamma of r + x, b + x, …) are computed once per entry, not per row.
    package var distinctFrequencies: [Double] = []
    /// Each row's index into ``distinctFrequencies``.
    package var frequencyGroup: [Int32] = []
    /// The distinct recencies and ages (a few hundred when times are whole days), so that
    /// log(α + tₓ) and log(α + T) are computed once per value and looked up per row.
    package var distinctTimes: [Double] = []
    /// Each row's index of tₓ into ``distinctTimes``.
    package var recencyGroup: [Int32] = []
    /// Each row's index of T into ``distinctTimes``.
    package var ageGroup: [Int32] = []

    /// Number of distinct rows.
    package var count: Int { weight.count }
    /// Customers represented (the sum of the weights).
    package var customerCount: Int { Int(weight.reduce(0, +)) }

    /// Groups identical rows; deterministic (rows come out sorted by x, then tₓ, then T).
    /// - Complexity: O(n log n).
    package init(_ summary: CustomerSummary) {
        let order = (0..<summary.count).sorted {
            (summary.frequency[$0], summary.recency[$0], summary.age[$0])
                < (summary.frequency[$1], summary.recency[$1], summary.age[$1])
        }
        frequency.reserveCapacity(order.count)
        for i in order {
            let x = summary.frequency[i], tx = summary.recency[i], t = summary.age[i]
            if let last = weight.indices.last, frequency[last] == x, recency[last] == tx, age[last] == t {
                weight[last] += 1
            } else {
                if distinctFrequencies.last != x { distinctFrequencies.append(x) }
                frequency.append(x)
                recency.append(tx)
                age.append(t)
                weight.append(1)
                frequencyGroup.append(Int32(distinctFrequencies.count - 1))
            }
        }
        var timeIndex: [Double: Int32] = [:]
        func group(_ value: Double) -> Int32 {
            if let known = timeIndex[value] { return known }
            let next = Int32(distinctTimes.count)
            timeIndex[value] = next
            distinctTimes.append(value)
            return next
        }
        recencyGroup = recency.map(group)
        ageGroup = age.map(group)
    }

    /// Sums `term(i)` over rows, on both cores for large inputs, in a fixed order so the
    /// result is the same on every run.
    /// - Complexity: O(rows · cost of term).
    package func sum(components: Int, _ term: (Int, inout [Double]) -> Void) -> [Double] {
        let pieces = count < 4096 ? 1 : 2
        let bounds = (0...pieces).map { count * $0 / pieces }
        let parts: [[Double]] = ParallelLoop.map(pieces) { piece in
            var total = [Double](repeating: 0, count: components)
            for i in bounds[piece]..<bounds[piece + 1] { term(i, &total) }
            return total
        }
        var total = [Double](repeating: 0, count: components)
        for part in parts { for k in 0..<components { total[k] += part[k] } }
        return total
    }
}
