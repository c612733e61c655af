import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("Propensity: decision tree and random forest")
struct PropensityTreeTests {
    /// Feature 1 is feature 0 reversed, so every split on one has an equal-gain twin on the
    /// other; ties go to feature 0. Root (W 6, P 3, impurity 3): x0 ≤ 2.5 leaves {F, F} and
    /// {T, T, T, F} (impurity 0 + 1.5, gain 1.5, best). The right node then splits at
    /// x0 ≤ 5.5 into {T, T, T} and {F} (gain 1.5).
    static let rows: [[Double]] = [[1, 6], [2, 5], [3, 4], [4, 3], [5, 2], [6, 1]]
    static let labels = [false, false, true, true, true, false]

    @Test func splitsOfAToyDataSet() throws {
        let x = try FeatureMatrix(rows: Self.rows)
        let tree = try DecisionTree(maxDepth: 2).fit(features: x, labels: Self.labels, weights: nil)
        #expect(tree.splitFeatures == [0, -1, 0, -1, -1])
        #expect(tree.thresholds == [2.5, 0, 5.5, 0, 0])
        #expect(tree.leftChildren == [1, -1, 3, -1, -1] && tree.rightChildren == [2, -1, 4, -1, -1])
        #expect(tree.nodeProbabilities == [0.5, 0, 0.75, 1, 0])
        #expect(tree.nodeRowCounts == [6, 2, 4, 3, 1])
        #expect(tree.probabilities(for: x) == [0, 0, 1, 1, 1, 0])
    }

    @Test func depthAndLeafSizeLimits() throws {
        let x = try FeatureMatrix(rows: Self.rows)
        let stump = try DecisionTree(maxDepth: 1).fit(features: x, labels: Self.labels, weights: nil)
        #expect(stump.splitFeatures == [0, -1, -1] && stump.nodeProbabilities == [0.5, 0, 0.75])
        // Two rows per leaf: x0 ≤ 5.5 would leave one row, so x0 ≤ 4.5 (gain 0.5, tied with x1 ≤ 2.5).
        let wide = try DecisionTree(maxDepth: 3, minSamplesLeaf: 2).fit(features: x, labels: Self.labels, weights: nil)
        #expect(wide.splitFeatures == [0, -1, 0, -1, -1])
        #expect(wide.thresholds == [2.5, 0, 4.5, 0, 0])
        #expect(wide.nodeProbabilities == [0.5, 0, 0.75, 1, 0.5])
    }

    @Test func weightsMoveTheLeafProbabilities() throws {
        let x = try FeatureMatrix(rows: [[0], [0], [1]])
        let tree = try DecisionTree().fit(features: x, labels: [true, false, true], weights: [3, 1, 1])
        #expect(tree.splitFeatures == [0, -1, -1] && tree.thresholds[0] == 0.5)
        #expect(tree.nodeProbabilities == [0.8, 0.75, 1])
    }

    @Test func invalidTreeParameters() throws {
        let x = try FeatureMatrix(rows: Self.rows)
        for model in [DecisionTree(maxDepth: 0), DecisionTree(minSamplesLeaf: 0)] {
            do {
                _ = try model.fit(features: x, labels: Self.labels, weights: nil)
                Issue.record("expected an error")
            } catch { #expect(error.code == .invalidParameter) }
        }
        do {
            _ = try RandomForest(featuresPerSplit: 0).fit(features: x, labels: Self.labels, weights: nil)
            Issue.record("expected an error")
        } catch { #expect(error.code == .invalidParameter) }
    }

    @Test func forestIsDeterministicForASeed() throws {
        let x = try FeatureMatrix(rows: PropensityLogisticTests.rows)
        let y = PropensityLogisticTests.labels
        let forest = RandomForest(treeCount: 40, maxDepth: 4, featuresPerSplit: 2)
        var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 7), c = SeededGenerator(seed: 8)
        let first = try forest.fit(features: x, labels: y, weights: nil, using: &a)
        let second = try forest.fit(features: x, labels: y, weights: nil, using: &b)
        let other = try forest.fit(features: x, labels: y, weights: nil, using: &c)
        #expect(first == second)
        #expect(first != other)
        #expect(a == b)
        #expect(first.trees.count == 40)
        let p = first.probabilities(for: x)
        #expect(p.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(try PropensityEvaluation.rocAUC(scores: p, labels: y) > 0.8)
        let seeded = RandomForest(treeCount: 10, seed: 3)
        #expect(try seeded.fit(features: x, labels: y, weights: nil) == seeded.fit(features: x, labels: y, weights: nil))
    }
}
