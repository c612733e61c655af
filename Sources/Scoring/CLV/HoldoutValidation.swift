/// How well a fitted repeat-purchase model predicted a holdout period it did not see.
///
/// For a summary with a holdout window (``CustomerSummary/holdoutFrequency`` and
/// ``CustomerSummary/holdoutDuration``), each customer's prediction is the conditional
/// expected purchases over the holdout given the calibration history. The table groups
/// customers by calibration frequency (0, 1, …, with the last row collecting everyone at or
/// above ``maximumFrequency``) and compares the mean actual and predicted purchases, as in
/// Fader, Hardie & Lee (2005), figure 4, and lifetimes'
/// `plot_calibration_purchases_vs_holdout_purchases`.
///
/// ```swift
/// let summary = try CustomerSummary(snapshot: snapshot, calibrationEnd: cut, holdoutEnd: end, unit: .week)
/// let check = try HoldoutValidation(model: BGNBDModel().fit(summary), summary: summary)
/// print(check.rows, check.meanAbsoluteError)
/// ```
public struct HoldoutValidation: Sendable, Hashable, Codable {
    /// Customers of one calibration frequency (or, for the last row, of at least that frequency).
    public struct Row: Sendable, Hashable, Codable {
        /// The calibration frequency x of the row (the lower bound for the last row).
        public var frequency: Int
        /// True for the last row, which collects every x ≥ ``frequency``.
        public var includesHigherFrequencies: Bool
        /// Customers in the row.
        public var customers: Int
        /// Mean actual purchases in the holdout.
        public var meanActual: Double
        /// Mean predicted purchases in the holdout.
        public var meanPredicted: Double
    }

    /// The highest frequency with a row of its own; the last row collects x ≥ this.
    public let maximumFrequency: Int
    /// The holdout length, in the summary's unit.
    public let holdoutDuration: Double
    /// Rows for x = 0 … maximumFrequency (rows with no customers are left out).
    public let rows: [Row]
    /// Actual holdout purchases of all customers.
    public let totalActual: Double
    /// Predicted holdout purchases of all customers.
    public let totalPredicted: Double
    /// Mean over customers of |predicted − actual|.
    public let meanAbsoluteError: Double
    /// Square root of the mean over customers of (predicted − actual)².
    public let rootMeanSquaredError: Double

    /// Predicts every customer's holdout purchases with `model` and compares them with the actual ones.
    /// - Parameters:
    ///   - model: a model fitted on the calibration part of `summary`.
    ///   - summary: a summary built with a holdout window.
    ///   - maximumFrequency: the last frequency with a row of its own (default 7, the paper's "7+").
    /// - Throws: ``ScoringError`` `.invalidParameter` when the summary has no holdout or
    ///   `maximumFrequency` is negative; the model's error when a prediction fails.
    /// - Complexity: O(n) plus one series evaluation per distinct (x, T).
    public init(model: some RepeatPurchaseModel, summary: CustomerSummary, maximumFrequency: Int = 7)
        throws(ScoringError)
    {
        guard let actual = summary.holdoutFrequency, let duration = summary.holdoutDuration else {
            throw ScoringError(
                .invalidParameter, "the summary has no holdout window; build it with a holdout end to validate")
        }
        guard maximumFrequency >= 0 else {
            throw ScoringError(.invalidParameter, "maximumFrequency \(maximumFrequency) is negative")
        }
        let predicted = try model.conditionalExpectedPurchases(within: duration, for: summary)
        var count = [Int](repeating: 0, count: maximumFrequency + 1)
        var actualSum = [Double](repeating: 0, count: maximumFrequency + 1)
        var predictedSum = [Double](repeating: 0, count: maximumFrequency + 1)
        var absolute = 0.0, squared = 0.0
        for i in 0..<summary.count {
            let row = Int(min(summary.frequency[i], Double(maximumFrequency)))
            count[row] += 1
            actualSum[row] += actual[i]
            predictedSum[row] += predicted[i]
            let error = predicted[i] - actual[i]
            absolute += abs(error)
            squared += error * error
        }
        let n = Double(max(summary.count, 1))
        self.maximumFrequency = maximumFrequency
        holdoutDuration = duration
        rows = (0...maximumFrequency).filter { count[$0] > 0 }.map { k in
            Row(
                frequency: k, includesHigherFrequencies: k == maximumFrequency, customers: count[k],
                meanActual: actualSum[k] / Double(count[k]), meanPredicted: predictedSum[k] / Double(count[k]))
        }
        totalActual = actualSum.reduce(0, +)
        totalPredicted = predictedSum.reduce(0, +)
        meanAbsoluteError = absolute / n
        rootMeanSquaredError = (squared / n).squareRoot()
    }
}
