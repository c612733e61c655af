/// The data-integration index of SEEDS.md §2: how good the integrated customer view is,
/// as the importance-weighted mean of the quality of its sources.
///
/// `I = Σ D_i·Q_i / Σ Q_i` over the n sources, with D_i the data-quality score of source i
/// (``SourceQuality/score``) and Q_i its importance weight. The source text defines I over
/// D_i and a second per-source factor Q_i whose definition is cut off; reading Q_i as the
/// source's importance is **our interpretation**, chosen because it makes I a weighted
/// mean in 0...1 when every D_i is. With all Q_i equal, I is the plain mean of the D_i.
public struct DataIntegrationIndex: Hashable, Sendable, Codable {
    /// Importance Q_i per source.
    public let importance: [SourceID: Double]
    /// Importance of sources not listed, and of attributes without a source.
    public let defaultImportance: Double

    /// Creates the index's weights.
    ///
    /// - Throws: ``DataQualityError`` `.invalidWeight` for a negative or non-finite weight.
    public init(importance: [SourceID: Double] = [:], defaultImportance: Double = 1) throws(DataQualityError) {
        for (source, weight) in importance where !weight.isFinite || weight < 0 {
            throw DataQualityError(.invalidWeight, "importance \(weight) of source '\(source)' is not finite and non-negative")
        }
        guard defaultImportance.isFinite, defaultImportance >= 0 else {
            throw DataQualityError(.invalidWeight, "default importance \(defaultImportance) is not finite and non-negative")
        }
        self.importance = importance
        self.defaultImportance = defaultImportance
    }

    private init() {
        importance = [:]
        defaultImportance = 1
    }

    /// Every source weighs 1: I is the plain mean of the source scores.
    public static let equalImportance = DataIntegrationIndex()

    /// Q_i of a source.
    public func importance(of source: SourceID?) -> Double {
        source.flatMap { importance[$0] } ?? defaultImportance
    }

    /// I over the given sources; nil when there is none or Σ Q_i is 0.
    /// - Complexity: O(n) in the number of sources.
    public func value(of sources: [SourceQuality]) -> Double? {
        var weighted = 0.0
        var total = 0.0
        for source in sources {
            let q = importance(of: source.source)
            weighted += source.score * q
            total += q
        }
        return total > 0 ? weighted / total : nil
    }

    /// I from parallel lists of scores D_i and importances Q_i; nil when Σ Q_i is 0.
    ///
    /// - Throws: ``DataQualityError`` `.lengthMismatch` when the lists differ in length,
    ///   `.invalidWeight` for a non-finite score or a negative or non-finite weight.
    /// - Complexity: O(n).
    public static func value(scores: [Double], importances: [Double]) throws(DataQualityError) -> Double? {
        guard scores.count == importances.count else {
            throw DataQualityError(.lengthMismatch, "\(scores.count) scores but \(importances.count) importances")
        }
        var weighted = 0.0
        var total = 0.0
        for (d, q) in zip(scores, importances) {
            guard d.isFinite, q.isFinite, q >= 0 else {
                throw DataQualityError(.invalidWeight, "score \(d) with importance \(q) is not usable")
            }
            weighted += d * q
            total += q
        }
        return total > 0 ? weighted / total : nil
    }
}
