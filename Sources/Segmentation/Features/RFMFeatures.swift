#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Scoring

/// Recency, frequency and monetary value of an ``RFMResult`` as feature matrices for
/// clustering: the raw values (for profiles, in days, orders and currency units) and their
/// logarithms log(1 + x), which tame the long tails of frequency and spend before
/// standardising, as the reference k-means script does.
///
/// ```swift
/// let rfm = try RFMAnalysis().run(on: snapshot)
/// let raw = try RFMFeatures.raw(rfm)
/// let points = try FeatureStandardization(fitting: RFMFeatures.logarithmic(rfm)).transform(RFMFeatures.logarithmic(rfm))
/// ```
public enum RFMFeatures {
    /// The column names: `recency_days`, `frequency`, `monetary`.
    public static let names = ["recency_days", "frequency", "monetary"]

    /// One row per RFM entry (in `order`, default the result's order): recency in days,
    /// distinct orders, spend in currency units.
    /// - Throws: ``ClusteringError`` `.invalidParameter` for an entry index outside the result.
    /// - Complexity: O(rows).
    public static func raw(_ rfm: RFMResult, order: [Int]? = nil) throws(ClusteringError) -> FeatureMatrix {
        try matrix(rfm, order: order) { $0 }
    }

    /// One row per RFM entry: log(1 + recency), log(1 + frequency), log(1 + spend in currency units).
    /// - Throws: ``ClusteringError`` `.invalidParameter` for an entry index outside the
    ///   result, `.nonFiniteInput` for a negative spend at or below −1 unit.
    /// - Complexity: O(rows).
    public static func logarithmic(_ rfm: RFMResult, order: [Int]? = nil) throws(ClusteringError) -> FeatureMatrix {
        try matrix(rfm, order: order) { log1p($0) }
    }

    private static func matrix(_ rfm: RFMResult, order: [Int]?, _ transform: (Double) -> Double)
        throws(ClusteringError) -> FeatureMatrix
    {
        let rows = order ?? Array(0..<rfm.count)
        if let bad = rows.first(where: { $0 < 0 || $0 >= rfm.count }) {
            throw ClusteringError(.invalidParameter, "RFM entry \(bad) is outside 0..<\(rfm.count)")
        }
        var unit = 1.0
        for _ in 0..<rfm.currency.minorUnitDigits { unit *= 10 }
        var values: [Double] = []
        values.reserveCapacity(rows.count * 3)
        for i in rows {
            values.append(transform(Double(rfm.recencyDays[i])))
            values.append(transform(Double(rfm.frequency[i])))
            values.append(transform(Double(rfm.monetaryMinorUnits[i]) / unit))
        }
        return try FeatureMatrix.checked(rowCount: rows.count, columnCount: 3, values: values)
    }
}
