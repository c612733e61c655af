/// The weights that combine completeness, accuracy and timeliness into one quality score.
///
/// `overall = (wC·C + wA·A + wT·T) / (wC + wA + wT)`. The standard weights are
/// completeness 0.4, accuracy 0.4, timeliness 0.2.
public struct QualityWeights: Hashable, Sendable, Codable {
    /// Weight of completeness.
    public let completeness: Double
    /// Weight of accuracy.
    public let accuracy: Double
    /// Weight of timeliness.
    public let timeliness: Double

    /// Creates weights.
    ///
    /// - Throws: ``DataQualityError`` `.invalidWeight` for a negative or non-finite
    ///   weight, `.zeroTotalWeight` when all are zero.
    public init(completeness: Double, accuracy: Double, timeliness: Double) throws(DataQualityError) {
        for (name, weight) in [("completeness", completeness), ("accuracy", accuracy), ("timeliness", timeliness)]
        where !weight.isFinite || weight < 0 {
            throw DataQualityError(.invalidWeight, "\(name) weight \(weight) is not a finite non-negative number")
        }
        guard completeness + accuracy + timeliness > 0 else {
            throw DataQualityError(.zeroTotalWeight, "the quality weights are all zero")
        }
        self.completeness = completeness
        self.accuracy = accuracy
        self.timeliness = timeliness
    }

    private init(checked c: Double, _ a: Double, _ t: Double) {
        completeness = c
        accuracy = a
        timeliness = t
    }

    /// Completeness 0.4, accuracy 0.4, timeliness 0.2.
    public static let standard = QualityWeights(checked: 0.4, 0.4, 0.2)

    /// The weighted mean of the three scores.
    public func combine(completeness c: Double, accuracy a: Double, timeliness t: Double) -> Double {
        (completeness * c + accuracy * a + timeliness * t) / (completeness + accuracy + timeliness)
    }
}
