import CustomerModel

/// A way to learn the probability that a customer does something (buys within a horizon)
/// from a feature matrix and 0/1 labels.
///
/// A conformer is a configuration (penalty, depth, tree count); ``fit(features:labels:weights:)``
/// returns an immutable ``FittedPropensityModel``. Shipped: ``LogisticRegression``,
/// ``DecisionTree`` and ``RandomForest``.
///
/// ```swift
/// let model = try LogisticRegression(penalty: 1).fit(features: x, labels: y, weights: nil)
/// let p = model.probabilities(for: x)
/// ```
public protocol PropensityModel: Sendable {
    /// The fitted model this configuration produces.
    associatedtype Fitted: FittedPropensityModel

    /// Fits the model.
    /// - Parameters:
    ///   - features: one row per example.
    ///   - labels: the outcome of each row (`true` = the event happened).
    ///   - weights: a non-negative weight per row, or nil for all 1.
    /// - Throws: ``ScoringError``: `.invalidParameter` for mismatched lengths or invalid
    ///   weights, `.degenerateInput` for no rows or one class only.
    func fit(features: FeatureMatrix, labels: [Bool], weights: [Double]?) throws(ScoringError) -> Fitted
}

/// A fitted propensity model: the probability of the event for a row of features.
public protocol FittedPropensityModel: Sendable {
    /// The number of features a row must have.
    var featureCount: Int { get }

    /// The probability of the event for one row of ``featureCount`` values.
    /// - Complexity: O(features) for linear models, O(depth · trees) for trees.
    func probability(of row: ArraySlice<Double>) -> Double

    /// The probability for every row of `features` (same columns as the training matrix).
    /// - Complexity: rows times the cost of ``probability(of:)``, on all cores.
    func probabilities(for features: FeatureMatrix) -> [Double]
}

extension FittedPropensityModel {
    /// The probability for every row, on all cores (rows beyond ``featureCount`` columns are
    /// read up to ``featureCount``; callers pass the training layout).
    /// - Complexity: rows times the cost of ``probability(of:)``.
    public func probabilities(for features: FeatureMatrix) -> [Double] {
        var out = [Double](repeating: 0, count: features.rowCount)
        ParallelLoop.fill(&out) { r in probability(of: features.row(r)) }
        return out
    }

    /// The probability of the event for one row given as an array.
    /// - Complexity: as ``probability(of:)``.
    public func probability(of row: [Double]) -> Double { probability(of: row[...]) }
}

/// Validated training input shared by the fitters.
struct PropensityTrainingSet {
    let features: FeatureMatrix
    let labels: [Bool]
    let weights: [Double]

    /// Checks lengths, weights and that both classes carry positive weight.
    init(features: FeatureMatrix, labels: [Bool], weights: [Double]?) throws(ScoringError) {
        guard features.rowCount > 0 else { throw ScoringError(.degenerateInput, "no training rows") }
        guard features.columnCount > 0 else { throw ScoringError(.degenerateInput, "no features") }
        guard labels.count == features.rowCount else {
            throw ScoringError(.invalidParameter, "\(labels.count) labels for \(features.rowCount) rows")
        }
        let w = weights ?? [Double](repeating: 1, count: labels.count)
        guard w.count == labels.count else {
            throw ScoringError(.invalidParameter, "\(w.count) weights for \(labels.count) rows")
        }
        if let bad = w.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
            throw ScoringError(.invalidParameter, "the weight of row \(bad) is \(w[bad]); weights must be finite and ≥ 0")
        }
        var positive = 0.0, negative = 0.0
        for i in 0..<labels.count {
            if labels[i] { positive += w[i] } else { negative += w[i] }
        }
        guard positive > 0, negative > 0 else {
            throw ScoringError(
                .degenerateInput, "the labels have one class only (\(positive > 0 ? "all true" : "all false")); nothing to learn")
        }
        self.features = features
        self.labels = labels
        self.weights = w
    }
}
