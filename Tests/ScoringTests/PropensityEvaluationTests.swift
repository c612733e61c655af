import Foundation
import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("Propensity: evaluation")
struct PropensityEvaluationTests {
    @Test func aucWithoutTies() throws {
        let auc = try PropensityEvaluation.rocAUC(scores: [0.1, 0.4, 0.35, 0.8], labels: [false, false, true, true])
        #expect(isApproximatelyEqual(auc, 0.75, absoluteTolerance: 1e-15))
    }

    /// Positives {0.5, 0.9}, negatives {0.5, 0.5}: pairs 0.5/0.5 count ½ twice, 0.9 wins
    /// twice, so AUC = 3/4. All tied gives ½.
    @Test func aucWithTiesUsesAverageRanks() throws {
        let auc = try PropensityEvaluation.rocAUC(scores: [0.5, 0.5, 0.5, 0.9], labels: [false, true, false, true])
        #expect(isApproximatelyEqual(auc, 0.75, absoluteTolerance: 1e-15))
        let flat = try PropensityEvaluation.rocAUC(scores: [2, 2, 2], labels: [true, false, false])
        #expect(isApproximatelyEqual(flat, 0.5, absoluteTolerance: 1e-15))
        let reversed = try PropensityEvaluation.rocAUC(scores: [3, 1, 2, 2], labels: [false, true, true, false])
        #expect(isApproximatelyEqual(reversed, 0.125, absoluteTolerance: 1e-15))
    }

    @Test func logLossIsClipped() throws {
        let loss = try PropensityEvaluation.logLoss(probabilities: [0.8, 0.3], labels: [true, false])
        #expect(isApproximatelyEqual(loss, -(log(0.8) + log(0.7)) / 2, relativeTolerance: 1e-14))
        let wrong = try PropensityEvaluation.logLoss(probabilities: [0], labels: [true])
        #expect(isApproximatelyEqual(wrong, -log(1e-15), relativeTolerance: 1e-12))
        let right = try PropensityEvaluation.logLoss(probabilities: [1, 0], labels: [true, false])
        #expect(right < 1e-14)
    }

    @Test func calibrationDeciles() throws {
        let p = (0..<20).map { Double($0) / 20 }
        let y = (0..<20).map { $0 % 4 == 3 }
        let table = try PropensityEvaluation.calibrationTable(probabilities: p.reversed(), labels: y.reversed())
        #expect(table.count == 10)
        #expect(table.allSatisfy { $0.count == 2 })
        #expect(isApproximatelyEqual(table[0].meanPrediction, 0.025, absoluteTolerance: 1e-15))
        #expect(table[0].lowestPrediction == 0 && table[0].highestPrediction == 0.05)
        #expect(table.map(\.positives) == [0, 1, 0, 1, 0, 1, 0, 1, 0, 1])
        #expect(table[1].observedRate == 0.5)
        let small = try PropensityEvaluation.calibrationTable(probabilities: [0.2, 0.9, 0.4], labels: [false, true, true])
        #expect(small.map(\.index) == [3, 6, 9] && small.map(\.count) == [1, 1, 1])
    }

    @Test func degenerateInputsAreTypedErrors() {
        func code(_ body: () throws -> Void) -> ScoringError.Code? {
            do { try body() } catch { return (error as? ScoringError)?.code }
            return nil
        }
        #expect(code { _ = try PropensityEvaluation.rocAUC(scores: [1, 2], labels: [true, true]) } == .degenerateInput)
        #expect(code { _ = try PropensityEvaluation.rocAUC(scores: [1, .nan], labels: [true, false]) } == .nonFiniteInput)
        #expect(code { _ = try PropensityEvaluation.rocAUC(scores: [1], labels: [true, false]) } == .invalidParameter)
        #expect(code { _ = try PropensityEvaluation.logLoss(probabilities: [], labels: []) } == .degenerateInput)
        #expect(code { _ = try PropensityEvaluation.logLoss(probabilities: [1.5], labels: [true]) } == .invalidParameter)
        #expect(code { _ = try PropensityEvaluation.calibrationTable(probabilities: [0.5], labels: [true], bins: 0) }
            == .invalidParameter)
    }
}
