#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Measures of how well predicted probabilities match 0/1 outcomes.
///
/// ```swift
/// let auc = try PropensityEvaluation.rocAUC(scores: p, labels: y)
/// let loss = try PropensityEvaluation.logLoss(probabilities: p, labels: y)
/// let table = try PropensityEvaluation.calibrationTable(probabilities: p, labels: y)
/// ```
public enum PropensityEvaluation {
    /// The area under the ROC curve: the probability that a random positive scores above a
    /// random negative, ties counting one half.
    ///
    /// Computed as Mann–Whitney: rank the scores (tied scores get their average rank), then
    /// `AUC = (Σ ranks of positives − n₊(n₊ + 1)/2) / (n₊ · n₋)`.
    /// - Throws: ``ScoringError`` `.invalidParameter` for different lengths, `.nonFiniteInput`
    ///   for a NaN score, `.degenerateInput` when the labels have one class only.
    /// - Complexity: O(n log n).
    public static func rocAUC(scores: [Double], labels: [Bool]) throws(ScoringError) -> Double {
        try check(scores, labels, what: "score")
        let positives = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
        let negatives = labels.count - positives
        guard positives > 0, negatives > 0 else {
            throw ScoringError(.degenerateInput, "AUC needs both classes (got \(positives) positive, \(negatives) negative)")
        }
        let order = (0..<scores.count).sorted { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        var rankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, scores[order[end]] == scores[order[start]] { end += 1 }
            let averageRank = Double(start + 1 + end) / 2  // ranks start+1 … end
            for k in start..<end where labels[order[k]] { rankSum += averageRank }
            start = end
        }
        let p = Double(positives)
        return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
    }

    /// The mean negative log-likelihood `−(1/n) Σ [y log p + (1 − y) log(1 − p)]`, with each p
    /// clipped to `[epsilon, 1 − epsilon]` so a confident mistake costs at most −log ε.
    /// - Parameter epsilon: the clip (default 1e-15, in (0, 0.5)).
    /// - Throws: ``ScoringError`` `.invalidParameter` for different lengths, no rows, a bad
    ///   epsilon or a probability outside [0, 1]; `.nonFiniteInput` for NaN.
    /// - Complexity: O(n).
    public static func logLoss(probabilities: [Double], labels: [Bool], epsilon: Double = 1e-15) throws(ScoringError)
        -> Double
    {
        try check(probabilities, labels, what: "probability")
        guard !labels.isEmpty else { throw ScoringError(.degenerateInput, "log loss of no rows") }
        guard epsilon > 0, epsilon < 0.5 else { throw ScoringError(.invalidParameter, "epsilon must be in (0, 0.5), got \(epsilon)") }
        var total = 0.0
        for i in 0..<labels.count {
            let p = min(max(probabilities[i], epsilon), 1 - epsilon)
            total -= labels[i] ? log(p) : log1p(-p)
        }
        return total / Double(labels.count)
    }

    /// The calibration (decile) table: rows sorted by predicted probability (ties by row
    /// index) and cut into `bins` groups of equal count (group g holds sorted positions
    /// `⌊n·g/bins⌋ ..< ⌊n·(g+1)/bins⌋`); each group reports its mean prediction and its
    /// observed positive rate. Empty groups (n < bins) are left out. Group 0 is the lowest.
    /// - Throws: ``ScoringError`` as ``logLoss(probabilities:labels:epsilon:)``, and
    ///   `.invalidParameter` for bins < 1.
    /// - Complexity: O(n log n).
    public static func calibrationTable(probabilities: [Double], labels: [Bool], bins: Int = 10) throws(ScoringError)
        -> [CalibrationBin]
    {
        try check(probabilities, labels, what: "probability")
        guard !labels.isEmpty else { throw ScoringError(.degenerateInput, "calibration of no rows") }
        guard bins >= 1 else { throw ScoringError(.invalidParameter, "bins must be ≥ 1, got \(bins)") }
        let n = labels.count
        let order = (0..<n).sorted {
            probabilities[$0] < probabilities[$1] || (probabilities[$0] == probabilities[$1] && $0 < $1)
        }
        var table: [CalibrationBin] = []
        for g in 0..<bins {
            let range = (n * g / bins)..<(n * (g + 1) / bins)
            guard !range.isEmpty else { continue }
            var predicted = 0.0, observed = 0
            for k in range {
                predicted += probabilities[order[k]]
                if labels[order[k]] { observed += 1 }
            }
            table.append(CalibrationBin(
                index: g, count: range.count,
                lowestPrediction: probabilities[order[range.lowerBound]],
                highestPrediction: probabilities[order[range.upperBound - 1]],
                meanPrediction: predicted / Double(range.count), positives: observed))
        }
        return table
    }

    static func check(_ values: [Double], _ labels: [Bool], what: String) throws(ScoringError) {
        guard values.count == labels.count else {
            throw ScoringError(.invalidParameter, "\(values.count) \(what) values for \(labels.count) labels")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw ScoringError(.nonFiniteInput, "the \(what) of row \(bad) is \(values[bad])")
        }
        if what == "probability", let bad = values.firstIndex(where: { $0 < 0 || $0 > 1 }) {
            throw ScoringError(.invalidParameter, "the probability of row \(bad) is \(values[bad]), outside [0, 1]")
        }
    }
}

/// One group of a calibration table.
public struct CalibrationBin: Hashable, Sendable {
    /// The group number (0 = lowest predictions).
    public let index: Int
    /// Rows in the group.
    public let count: Int
    /// The smallest prediction in the group.
    public let lowestPrediction: Double
    /// The largest prediction in the group.
    public let highestPrediction: Double
    /// The mean prediction.
    public let meanPrediction: Double
    /// Rows whose label is true.
    public let positives: Int

    /// The observed share of positives, `positives / count`.
    public var observedRate: Double { Double(positives) / Double(count) }
}
