import PrecisionMarketingTesting
import Scoring
import Testing

@Suite("CLV robustness and degenerate input")
struct CLVRobustnessTests {
    static let extremes: [(x: Double, tx: Double, t: Double)] = [
        (0, 0, 0), (0, 0, 78), (300, 70, 78), (300, 78, 78), (1000, 1, 1000), (5, 38.86, 38.86), (1, 0, 0),
    ]

    static func models() throws -> [any RepeatPurchaseModel] {
        [
            try FittedBGNBD(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426),
            try FittedBGNBD(r: 0.243, alpha: 4.414, a: 0.3, b: 0.5),  // a + b < 1
            try FittedBGNBD(r: 2, alpha: 1e6, a: 1, b: 50),  // a = 1, very large alpha
            try FittedMBGNBD(r: 0.5248, alpha: 6.1830, a: 0.8914, b: 1.6140),
            try FittedMBGNBD(r: 0.5, alpha: 6, a: 0.2, b: 0.4),
        ]
    }

    @Test func extremeCustomersGiveFiniteValues() throws {
        for model in try Self.models() {
            for (x, tx, t) in Self.extremes {
                let alive = model.probabilityAlive(frequency: x, recency: tx, age: t)
                #expect(alive.isFinite && alive >= 0 && alive <= 1, "\(model) \(x) \(tx) \(t)")
                for horizon in [0.0, 1, 39, 520] {
                    let e = try model.conditionalExpectedPurchases(within: horizon, frequency: x, recency: tx, age: t)
                    #expect(e.isFinite && e >= 0, "\(model) \(x) \(tx) \(t) \(horizon): \(e)")
                }
            }
            for horizon in [0.0, 39, 520] {
                let e = try model.expectedPurchases(within: horizon)
                #expect(e.isFinite && e >= 0)
                let p = model.probabilityOfPurchases(300, within: horizon)
                #expect(p.isFinite && p >= 0 && p <= 1)
            }
        }
    }

    @Test func degenerateInputsSayWhy() throws {
        let noRepeats = try CustomerSummary(
            customerIDs: ["a", "b"], frequency: [0, 0], recency: [0, 0], age: [5, 6], monetaryValue: [0, 0], unit: .week)
        let one = try CustomerSummary(customerIDs: ["a"], frequency: [2], recency: [3], age: [5], monetaryValue: [4], unit: .week)
        for summary in [noRepeats, one] {
            #expect { try BGNBDModel().fit(summary) } throws: { ($0 as? ScoringError)?.code == .degenerateInput }
            #expect { try MBGNBDModel().fit(summary) } throws: { ($0 as? ScoringError)?.code == .degenerateInput }
            #expect { try GammaGammaModel().fit(summary) } throws: { ($0 as? ScoringError)?.code == .degenerateInput }
        }
        #expect(throws: ScoringError.self) {
            try CustomerSummary(customerIDs: ["a"], frequency: [1], recency: [4], age: [3], unit: .week)
        }
        #expect(throws: ScoringError.self) { try FittedBGNBD(r: 0, alpha: 1, a: 1, b: 1) }
    }
}
