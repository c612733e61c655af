/// A dense matrix of features, one row per example, stored row-major in one contiguous
/// `[Double]`: element (row r, column c) is `values[r * columnCount + c]`.
///
/// Every value is finite (checked once, here), so fitting and scoring never meet NaN.
///
/// ```swift
/// let x = try FeatureMatrix(rowCount: 2, columnCount: 3, values: [1, 2, 3, 4, 5, 6])
/// x[1, 2]  // 6
/// ```
public struct FeatureMatrix: Sendable, Hashable {
    /// The number of rows (examples).
    public let rowCount: Int
    /// The number of columns (features).
    public let columnCount: Int
    /// The values, row-major.
    public let values: [Double]

    /// Wraps row-major values.
    /// - Throws: ``ScoringError`` `.invalidParameter` when `values.count != rowCount · columnCount`
    ///   or a dimension is negative; `.nonFiniteInput` naming the first NaN or infinite value.
    /// - Complexity: O(rowCount · columnCount).
    public init(rowCount: Int, columnCount: Int, values: [Double]) throws(ScoringError) {
        guard rowCount >= 0, columnCount >= 0, rowCount.multipliedReportingOverflow(by: columnCount).partialValue == values.count
        else {
            throw ScoringError(
                .invalidParameter, "\(values.count) values do not make \(rowCount) rows of \(columnCount) columns")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw ScoringError(
                .nonFiniteInput,
                "feature \(bad % max(columnCount, 1)) of row \(bad / max(columnCount, 1)) is \(values[bad])")
        }
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.values = values
    }

    /// Builds a matrix from rows of equal length.
    /// - Throws: ``ScoringError`` as ``init(rowCount:columnCount:values:)``, and
    ///   `.invalidParameter` when the rows differ in length.
    /// - Complexity: O(rows · columns).
    public init(rows: [[Double]]) throws(ScoringError) {
        let columns = rows.first?.count ?? 0
        var values: [Double] = []
        values.reserveCapacity(rows.count * columns)
        for (r, row) in rows.enumerated() {
            guard row.count == columns else {
                throw ScoringError(.invalidParameter, "row \(r) has \(row.count) features, row 0 has \(columns)")
            }
            values.append(contentsOf: row)
        }
        try self.init(rowCount: rows.count, columnCount: columns, values: values)
    }

    /// The value at (row, column).
    /// - Complexity: O(1).
    public subscript(row: Int, column: Int) -> Double { values[row * columnCount + column] }

    /// Row `index` as a slice of ``values`` (no copy).
    /// - Complexity: O(1).
    public func row(_ index: Int) -> ArraySlice<Double> {
        values[(index * columnCount)..<((index + 1) * columnCount)]
    }
}
