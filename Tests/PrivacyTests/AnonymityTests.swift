import Testing
import Privacy
import PrecisionMarketingTesting

@Suite struct KAnonymityTests {
    /// Seven people: three women in their twenties around postcode 1234x, three men in their
    /// thirties around 1235x, and one outlier.
    static let rows = [
        QuasiIdentifiers(age: 23, gender: "F", postcode: "12345", region: "N"),
        QuasiIdentifiers(age: 27, gender: "F", postcode: "12346", region: "N"),
        QuasiIdentifiers(age: 24, gender: "F", postcode: "12347", region: "N"),
        QuasiIdentifiers(age: 36, gender: "M", postcode: "12355", region: "N"),
        QuasiIdentifiers(age: 38, gender: "M", postcode: "12356", region: "N"),
        QuasiIdentifiers(age: 31, gender: "M", postcode: "12357", region: "N"),
        QuasiIdentifiers(age: 52, gender: "F", postcode: "98001", region: "S"),
    ]
    static let diagnosis = ["A", "B", "A", "C", "C", "C", "B"]

    @Test func generalisedValues() {
        #expect(Generalisation.age(37, level: 0) == "37")
        #expect(Generalisation.age(37, level: 1) == "35-39")
        #expect(Generalisation.age(37, level: 2) == "30-39")
        #expect(Generalisation.age(37, level: 3) == "20-39")
        #expect(Generalisation.age(37, level: 4) == "*")
        #expect(Generalisation.postcode("SW1A 1AA", level: 2) == "SW1A 1*")
        #expect(Generalisation.postcode("123", level: 3) == "*")
    }

    @Test func checkCountsClassesAndRowsBelowK() throws {
        let raw = try KAnonymity.check(Self.rows, k: 2)
        #expect(raw == KAnonymityReport(smallestClass: 1, classCount: 7, rowsBelowK: 7, distinctSensitiveMinimum: nil))
        let banded = try KAnonymity.check(Self.rows, k: 2, generalisation: Generalisation(ageLevel: 2, postcodeLevel: 1), sensitive: Self.diagnosis)
        #expect(banded == KAnonymityReport(smallestClass: 1, classCount: 3, rowsBelowK: 1, distinctSensitiveMinimum: 1))
    }

    @Test func anonymiseFindsTheLeastLossyGeneralisation() throws {
        let release = try KAnonymity.anonymise(Self.rows, k: 2, maximumSuppression: 0.15)
        #expect(release.generalisation == Generalisation(ageLevel: 2, postcodeLevel: 1))
        #expect(release.suppressed == [6])
        #expect(release.rows[0] == ["20-29", "1234*", "F", "N"])
        #expect(release.rows[6] == nil)
        // Loss: 6 released rows at (2/4 + 1/5) / 4 each, 1 suppressed row at 1, over 7 rows.
        let expectedLoss: Double = (6.0 * 0.7 / 4.0 + 1.0) / 7.0
        #expect(isApproximatelyEqual(release.informationLoss, expectedLoss, relativeTolerance: 1e-12))
        #expect(release.discernibility == 9 + 9 + 7)
        #expect(release.report.smallestClass == 3)
    }

    @Test func lDiversityForcesMixingTheSensitiveValues() throws {
        let release = try KAnonymity.anonymise(Self.rows, k: 2, l: 2, sensitive: Self.diagnosis, maximumSuppression: 0.15)
        #expect(release.generalisation == Generalisation(ageLevel: 3, postcodeLevel: 2, genderLevel: 1))
        #expect(release.report.distinctSensitiveMinimum == 3)
        let share: Double = 0.75 + 0.4 + 1.0
        let expectedLoss: Double = (6.0 * share / 4.0 + 1.0) / 7.0
        #expect(isApproximatelyEqual(release.informationLoss, expectedLoss, relativeTolerance: 1e-12))
    }

    @Test func impossibleRequestsAreRefused() {
        #expect(throws: PrivacyError.self) { try KAnonymity.anonymise(Self.rows, k: 8, maximumSuppression: 0) }
        #expect(throws: PrivacyError.self) { try KAnonymity.check(Self.rows, k: 0) }
        #expect(throws: PrivacyError.self) { try KAnonymity.anonymise(Self.rows, k: 2, l: 2, sensitive: ["A"]) }
    }
}

@Suite struct DifferentialPrivacyTests {
    @Test func mechanismParameters() throws {
        #expect(try LaplaceMechanism.scale(sensitivity: 3, epsilon: 0.5) == 6)
        #expect(isApproximatelyEqual(try GaussianMechanism.standardDeviation(sensitivity: 1, epsilon: 0.5, delta: 1e-5),
                                     9.689610525210778, relativeTolerance: 1e-12))
        #expect(throws: PrivacyError.self) { try LaplaceMechanism.scale(sensitivity: 1, epsilon: 0) }
        #expect(throws: PrivacyError.self) { try GaussianMechanism.standardDeviation(sensitivity: 1, epsilon: 1.5, delta: 1e-5) }
    }

    @Test func noiseHasTheStatedDistribution() {
        var rng = SeededGenerator(seed: 2024)
        let n = 40_000
        let laplace = (0..<n).map { _ in LaplaceMechanism.noise(scale: 2, using: &rng) }
        // Laplace(0, b): mean 0, mean absolute deviation b, variance 2b².
        #expect(abs(laplace.reduce(0, +) / Double(n)) < 0.05)
        #expect(isApproximatelyEqual(laplace.map(abs).reduce(0, +) / Double(n), 2, relativeTolerance: 0.03))
        #expect(isApproximatelyEqual(laplace.map { $0 * $0 }.reduce(0, +) / Double(n), 8, relativeTolerance: 0.06))
        let gaussian = (0..<n).map { _ in GaussianMechanism.noise(standardDeviation: 3, using: &rng) }
        #expect(isApproximatelyEqual((gaussian.map { $0 * $0 }.reduce(0, +) / Double(n)).squareRoot(), 3, relativeTolerance: 0.03))
    }

    @Test func overBudgetQueriesAreRefusedWithATypedError() throws {
        let accountant = try PrivacyBudgetAccountant(budgets: ["orders-2024": PrivacyBudget(epsilon: 1.0)])
        let aggregates = PrivateAggregates(accountant: accountant)
        var rng = SeededGenerator(seed: 1)
        _ = try aggregates.count(1_000, dataset: "orders-2024", epsilon: 0.5, using: &rng)
        _ = try aggregates.histogram(["a", "b", "a"], segments: ["a", "b"], dataset: "orders-2024", epsilon: 0.4, using: &rng)
        do {
            _ = try aggregates.mean([1, 2, 3], bounds: 0...10, dataset: "orders-2024", epsilon: 0.2, using: &rng)
            Issue.record("a query over budget was answered")
        } catch let error as PrivacyError {
            #expect(error.code == .budgetExceeded)
            #expect(error.message.contains("orders-2024"))
        }
        // The refused query spent nothing; what is left can still be spent.
        #expect(isApproximatelyEqual(try #require(accountant.remaining("orders-2024")).epsilon, 0.1, absoluteTolerance: 1e-12))
        _ = try aggregates.count(10, dataset: "orders-2024", epsilon: 0.1, using: &rng)
        #expect(throws: PrivacyError.self) { try aggregates.count(10, dataset: "orders-2024", epsilon: 0.01, using: &rng) }
        #expect(throws: PrivacyError.self) { try aggregates.count(10, dataset: "unknown", epsilon: 0.1, using: &rng) }
    }

    @Test func seededAnswersAreReproducibleAndSecureDefaultIsNoisy() throws {
        func answers() throws -> [Double] {
            let aggregates = PrivateAggregates(accountant: try PrivacyBudgetAccountant(budgets: ["d": PrivacyBudget(epsilon: 10, delta: 1e-4)]))
            var rng = SeededGenerator(seed: 99)
            let histogram = try aggregates.histogram(["x", "y", "y"], segments: ["y", "x", "z"], dataset: "d", epsilon: 1, using: &rng)
            return [try aggregates.count(100, dataset: "d", epsilon: 1, using: &rng),
                    try aggregates.sum([5, 50, -3], bounds: 0...10, dataset: "d", epsilon: 1, using: &rng),
                    try aggregates.gaussianCount(100, dataset: "d", epsilon: 0.5, delta: 1e-5, using: &rng),
                    histogram["x"] ?? .nan, histogram["y"] ?? .nan, histogram["z"] ?? .nan]
        }
        let first = try answers()
        let second = try answers()
        #expect(first == second)
        #expect(first.allSatisfy { $0.isFinite })
        #expect(first[0] != 100)  // noise was added
        let secure = PrivateAggregates(accountant: try PrivacyBudgetAccountant(budgets: ["d": PrivacyBudget(epsilon: 2)]))
        let a = try secure.count(100, dataset: "d", epsilon: 1)
        let b = try secure.count(100, dataset: "d", epsilon: 1)
        #expect(a != b)
        #expect(a.isFinite && b.isFinite)
    }
}
