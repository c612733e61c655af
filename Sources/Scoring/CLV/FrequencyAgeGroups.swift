import CustomerModel

/// Customers grouped by their (x, T).
///
/// For a customer known to be alive, the expected future purchases (and so the CLV) depend
/// on x and T only, not on tₓ: ``RepeatPurchaseModel/expectedPurchasesIfAlive(within:frequency:age:)``.
/// A million customers share a few thousand (x, T) pairs, so bulk scoring evaluates the
/// expensive series once per group and multiplies by each customer's cheap P(alive).
package struct FrequencyAgeGroups: Sendable {
    /// The group of each customer.
    package private(set) var groupOfCustomer: [Int32]
    /// x of each group.
    package private(set) var frequency: [Double] = []
    /// T of each group.
    package private(set) var age: [Double] = []
    /// The first customer of each group (the smallest index), for error messages.
    package private(set) var firstCustomer: [Int] = []

    /// Number of groups.
    package var count: Int { frequency.count }

    /// Groups `summary`'s customers. Ages that are whole days index a dense table; other
    /// ages fall back to hashing the exact values.
    /// - Complexity: O(n) (plus O(max x · max T days) for the dense table).
    package init(_ summary: CustomerSummary) {
        let n = summary.count
        groupOfCustomer = [Int32](repeating: 0, count: n)
        let days = summary.unit.days
        var maxX = 0.0, maxDays = 0.0, wholeDays = true
        for i in 0..<n {
            let d = summary.age[i] * days
            maxX = max(maxX, summary.frequency[i])
            maxDays = max(maxDays, d)
            if d != d.rounded() { wholeDays = false }
        }
        let cells = (maxX + 1) * (maxDays + 1)
        if wholeDays, cells <= 16_000_000 {
            let width = Int(maxDays) + 1
            var slot = [Int32](repeating: -1, count: Int(cells))
            for i in 0..<n {
                let cell = Int(summary.frequency[i]) * width + Int((summary.age[i] * days).rounded())
                if slot[cell] < 0 {
                    slot[cell] = Int32(count)
                    append(summary, customer: i)
                }
                groupOfCustomer[i] = slot[cell]
            }
        } else {
            var slot: [Pair: Int32] = [:]
            for i in 0..<n {
                let key = Pair(x: summary.frequency[i].bitPattern, t: summary.age[i].bitPattern)
                if let group = slot[key] {
                    groupOfCustomer[i] = group
                } else {
                    slot[key] = Int32(count)
                    groupOfCustomer[i] = Int32(count)
                    append(summary, customer: i)
                }
            }
        }
    }

    private mutating func append(_ summary: CustomerSummary, customer i: Int) {
        frequency.append(summary.frequency[i])
        age.append(summary.age[i])
        firstCustomer.append(i)
    }

    private struct Pair: Hashable {
        let x: UInt64
        let t: UInt64
    }

    /// `value(x, T)` for every group, on both cores, then `aliveFactor(i) · value` for every
    /// customer i.
    /// - Throws: the error of the smallest customer index whose group failed, naming the customer.
    /// - Complexity: O(groups · cost of value + n).
    package func perCustomer(
        _ summary: CustomerSummary, value: (Double, Double) throws(ScoringError) -> Double,
        times aliveFactor: (Int) -> Double
    ) throws(ScoringError) -> [Double] {
        var perGroup = [Double](repeating: 0, count: count)
        let errors = ErrorSlots(count: count)
        ParallelLoop.fill(&perGroup) { g in
            do throws(ScoringError) {
                return try value(frequency[g], age[g])
            } catch {
                errors.record(error, at: firstCustomer[g])
                return 0
            }
        }
        if let failure = errors.first {
            throw ScoringError(failure.code, "customer \(summary.customerIDs[errors.firstIndex]): \(failure.message)")
        }
        var out = [Double](repeating: 0, count: summary.count)
        perGroup.withUnsafeBufferPointer { values in
            groupOfCustomer.withUnsafeBufferPointer { groups in
                ParallelLoop.fill(&out) { i in
                    aliveFactor(i) * values[Int(groups[i])]
                }
            }
        }
        return out
    }
}
