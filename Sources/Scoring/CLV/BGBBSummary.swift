/// Discrete-time repeat-transaction data for BG/BB: per distinct pattern, the number of
/// transactions x, the period of the last one tₓ (0 when x = 0), the number of
/// opportunities n, and how many customers share it.
///
/// Lifetimes' `donations.csv` is this form (`frequency,recency,periods,weights`).
public struct BGBBSummary: Sendable, Hashable {
    /// Transactions x in the n opportunities.
    public let frequency: [Double]
    /// The opportunity of the last transaction, tₓ (0 when x = 0).
    public let recency: [Double]
    /// Transaction opportunities n.
    public let periods: [Double]
    /// Customers with this pattern.
    public let weight: [Double]

    /// Number of rows (patterns).
    public var count: Int { weight.count }
    /// Customers represented (the sum of the weights).
    public var customerCount: Int { Int(weight.reduce(0, +)) }

    /// Creates a summary, validating every row.
    /// - Throws: ``ScoringError`` `.invalidParameter` when the columns differ in length or a
    ///   row is not whole numbers with 0 ≤ x ≤ tₓ ≤ n (tₓ = 0 exactly when x = 0) and a
    ///   positive finite weight.
    /// - Complexity: O(rows).
    public init(frequency: [Double], recency: [Double], periods: [Double], weight: [Double]? = nil) throws(ScoringError) {
        let weight = weight ?? [Double](repeating: 1, count: frequency.count)
        guard recency.count == frequency.count, periods.count == frequency.count, weight.count == frequency.count else {
            throw ScoringError(.invalidParameter, "the BG/BB columns have different lengths")
        }
        for i in frequency.indices {
            let x = frequency[i], tx = recency[i], n = periods[i], w = weight[i]
            let whole = [x, tx, n].allSatisfy { $0.isFinite && $0 >= 0 && $0 == $0.rounded() }
            guard whole, x <= tx, tx <= n, (x == 0) == (tx == 0), w.isFinite, w > 0 else {
                throw ScoringError(
                    .invalidParameter,
                    "BG/BB row \(i + 1): frequency \(x), recency \(tx), periods \(n), weight \(w) is not a valid pattern")
            }
        }
        self.frequency = frequency
        self.recency = recency
        self.periods = periods
        self.weight = weight
    }

    /// Reads `frequency,recency,periods[,weights]` CSV (the header names these columns in
    /// any order; `weight` is accepted for `weights`).
    /// - Throws: ``ScoringError`` `.invalidParameter` for a missing column, a field that is
    ///   not a number or an invalid row (with its line number).
    /// - Complexity: O(bytes).
    public static func parse(csv bytes: [UInt8]) throws(ScoringError) -> BGBBSummary {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).makeIterator()
        guard let header = lines.next() else { throw ScoringError(.invalidParameter, "the BG/BB CSV is empty") }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingSpaces().lowercased()
        }
        func column(_ candidates: [String]) -> Int? { names.firstIndex { candidates.contains($0) } }
        guard let fx = column(["frequency", "x"]), let rx = column(["recency", "t_x"]), let nx = column(["periods", "n"])
        else {
            throw ScoringError(.invalidParameter, "the BG/BB header needs frequency, recency and periods; found \(names)")
        }
        let wx = column(["weights", "weight"])
        var columns: [[Double]] = [[], [], [], []]
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == names.count else {
                throw ScoringError(.invalidParameter, "line \(lineNumber): \(fields.count) fields, the header has \(names.count)")
            }
            for (k, index) in [fx, rx, nx, wx].enumerated() {
                guard let index else { columns[k].append(1); continue }
                guard let value = Double(fields[index].trimmingSpaces()) else {
                    throw ScoringError(.invalidParameter, "line \(lineNumber): \(names[index]) is not a number")
                }
                columns[k].append(value)
            }
        }
        return try BGBBSummary(frequency: columns[0], recency: columns[1], periods: columns[2], weight: columns[3])
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\"" }).reversed().drop(while: { $0 == " " || $0 == "\"" }).reversed())
    }
}
