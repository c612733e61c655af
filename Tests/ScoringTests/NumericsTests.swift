import Foundation
import PrecisionMarketingTesting
@testable import Scoring
import Testing

@Suite("Numerics: special functions, 2F1, BFGS, Hessian")
struct NumericsTests {
    @Test func digammaMatchesKnownValues() {
        #expect(isApproximatelyEqual(SpecialFunctions.digamma(1), -0.5772156649015329, relativeTolerance: 1e-13))
        #expect(isApproximatelyEqual(SpecialFunctions.digamma(0.5), -1.9635100260214235, relativeTolerance: 1e-13))
        #expect(isApproximatelyEqual(SpecialFunctions.digamma(100), 4.600161852738087, relativeTolerance: 1e-13))
    }

    @Test func hypergeometricSeriesAndTransformations() throws {
        // 2F1(1, 1; 2; z) = −ln(1 − z) / z, on both sides of zero (Pfaff for z < 0).
        for z in [0.5, 0.9, -3.0, -50.0] {
            let f = try Hypergeometric2F1(a: 1, b: 1, c: 2, z: z)
            #expect(isApproximatelyEqual(f.value, -log1p(-z) / z, relativeTolerance: 1e-12))
        }
        // 2F1(a, b; b; z) = (1 − z)^(−a): huge values stay finite in log form (Euler path).
        let big = try Hypergeometric2F1(a: 1500.5, b: 1502, c: 1502, z: 0.3)
        #expect(isApproximatelyEqual(big.logMagnitude, -1500.5 * log(0.7), relativeTolerance: 1e-12))
        // A negative value (c < 0) keeps its sign: 2F1(1, 1; −0.5; 0.2) by direct summation.
        var sum = 1.0, term = 1.0
        for n in 0..<200 {
            term *= (1 + Double(n)) * (1 + Double(n)) / ((-0.5 + Double(n)) * Double(n + 1)) * 0.2
            sum += term
        }
        #expect(isApproximatelyEqual(try Hypergeometric2F1(a: 1, b: 1, c: -0.5, z: 0.2).value, sum, relativeTolerance: 1e-12))
    }

    @Test func hypergeometricRefusesWhatItCannotDo() {
        #expect(throws: ScoringError.self) { try Hypergeometric2F1(a: 1, b: 1, c: 2, z: 1) }
        #expect(throws: ScoringError.self) { try Hypergeometric2F1(a: 1, b: 1, c: -2, z: 0.5) }
        #expect(throws: ScoringError.self) { try Hypergeometric2F1(a: .nan, b: 1, c: 2, z: 0.5) }
        do {
            _ = try Hypergeometric2F1(a: 1, b: 1, c: 2, z: 1 - 1e-9)
            Issue.record("expected didNotConverge")
        } catch {
            #expect(error.code == .didNotConverge)
        }
    }

    @Test func bfgsMinimisesRosenbrock() throws {
        var minimizer = BFGSMinimizer()
        minimizer.gradientTolerance = 1e-9
        let result = try minimizer.minimize(from: [-1.2, 1]) { p in
            let (x, y) = (p[0], p[1])
            let value = 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x)
            return (value, [-400 * x * (y - x * x) - 2 * (1 - x), 200 * (y - x * x)])
        }
        #expect(result.report.converged)
        #expect(isApproximatelyEqual(result.point, [1, 1], relativeTolerance: 1e-6))
    }

    @Test func hessianAndItsInverse() throws {
        let hessian = NumericHessian.centralDifferences(at: [0.7, -0.3]) { p in
            [2 * p[0] + 3 * p[1], 3 * p[0] + 10 * p[1]]
        }
        #expect(isApproximatelyEqual(hessian, [2, 3, 3, 10], relativeTolerance: 1e-8))
        let inverse = try #require(NumericHessian.inverseOfPositiveDefinite(hessian, size: 2))
        let expected: [Double] = [10.0 / 11, -3.0 / 11, -3.0 / 11, 2.0 / 11]
        #expect(isApproximatelyEqual(inverse, expected, relativeTolerance: 1e-7))
        #expect(NumericHessian.inverseOfPositiveDefinite([1, 2, 2, 1], size: 2) == nil)
    }
}
