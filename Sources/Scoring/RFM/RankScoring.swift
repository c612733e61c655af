import CustomerModel

/// Scores by n-tiles of rank: `score = 1 + floor(tiles·(k − 1)/n)`, k = 1 + the number of
/// values strictly smaller (larger is better here; callers negate "smaller is better" metrics).
enum RankScoring {
    /// - Complexity: O(n) with a counting pass when the value range is small, otherwise a radix sort.
    static func scores(_ values: [Int64], tiles: Int) -> [UInt8] {
        let n = values.count
        guard n > 0 else { return [] }
        var low = values[0]
        var high = values[0]
        for v in values {
            low = min(low, v)
            high = max(high, v)
        }
        var scores = [UInt8](repeating: 0, count: n)
        @inline(__always) func score(smaller: Int) -> UInt8 {
            UInt8(1 + (tiles * smaller) / n)
        }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        if !overflow && span < 4_000_000 && span < Int64(n) * 4 {
            // Counting: how many values are strictly below each distinct value.
            var below = [Int](repeating: 0, count: Int(span) + 1)
            for v in values { below[Int(v - low)] += 1 }
            var running = 0
            for i in 0..<below.count {
                let c = below[i]
                below[i] = running
                running += c
            }
            for i in 0..<n { scores[i] = score(smaller: below[Int(values[i] - low)]) }
        } else {
            let order = RadixSort.ascendingPermutation(of: values.map(RadixSort.orderedKey))
            var position = 0
            while position < n {
                let value = values[Int(order[position])]
                var end = position
                while end < n && values[Int(order[end])] == value { end += 1 }
                let s = score(smaller: position)
                for p in position..<end { scores[Int(order[p])] = s }
                position = end
            }
        }
        return scores
    }

    /// Scores by cut-points: 1 + the number of cut-points `value` reaches (`value >= cut`).
    static func scores(_ values: [Int64], cuts: [Int64]) -> [UInt8] {
        values.map { value in UInt8(1 + cuts.reduce(0) { $0 + (value >= $1 ? 1 : 0) }) }
    }
}
