/// A fitted ``LogisticRegression``: p = σ(intercept + Σⱼ coefficientⱼ · xⱼ) on raw features.
public struct FittedLogisticRegression: FittedPropensityModel, Hashable {
    /// The mean of each training feature.
    public let featureMeans: [Double]
    /// The population standard deviation of each training feature (1 for a constant one).
    public let featureScales: [Double]
    /// The intercept on the standardised scale.
    public let standardizedIntercept: Double
    /// The coefficients on the standardised scale (the penalised ones).
    public let standardizedCoefficients: [Double]
    /// The penalty λ used.
    public let penalty: Double
    /// How the fit ended.
    public let report: LogisticRegressionReport

    /// The coefficients on the raw feature scale, β̃ⱼ / sⱼ.
    public let coefficients: [Double]
    /// The intercept on the raw scale, β̃₀ − Σⱼ β̃ⱼ mⱼ / sⱼ.
    public let intercept: Double

    init(
        featureMeans: [Double], featureScales: [Double], standardizedIntercept: Double,
        standardizedCoefficients: [Double], penalty: Double, report: LogisticRegressionReport
    ) {
        self.featureMeans = featureMeans
        self.featureScales = featureScales
        self.standardizedIntercept = standardizedIntercept
        self.standardizedCoefficients = standardizedCoefficients
        self.penalty = penalty
        self.report = report
        var raw = [Double](repeating: 0, count: featureMeans.count)
        var shift = standardizedIntercept
        for j in 0..<raw.count {
            raw[j] = standardizedCoefficients[j] / featureScales[j]
            shift -= raw[j] * featureMeans[j]
        }
        self.coefficients = raw
        self.intercept = shift
    }

    /// The number of features.
    public var featureCount: Int { coefficients.count }

    /// The linear predictor (log-odds) for one row.
    /// - Complexity: O(features).
    public func logOdds(of row: ArraySlice<Double>) -> Double {
        var z = intercept
        var j = 0
        for x in row.prefix(coefficients.count) {
            z += coefficients[j] * x
            j += 1
        }
        return z
    }

    /// The probability of the event for one row.
    /// - Complexity: O(features).
    public func probability(of row: ArraySlice<Double>) -> Double { LogisticRegression.sigmoid(logOdds(of: row)) }
}

/// Solves symmetric positive-definite systems in place by Cholesky factorisation.
enum CholeskySolver {
    /// Overwrites `rhs` with A⁻¹·rhs for the row-major `size × size` matrix `a`; false when a
    /// pivot is not positive relative to the largest diagonal (singular or indefinite).
    /// - Complexity: O(size³).
    static func solve(_ a: inout [Double], _ rhs: inout [Double], size k: Int) -> Bool {
        var largest = 0.0
        for i in 0..<k { largest = max(largest, a[i * k + i]) }
        let floor = 1e-13 * max(largest, .leastNormalMagnitude)
        for j in 0..<k {
            var d = a[j * k + j]
            for m in 0..<j { d -= a[j * k + m] * a[j * k + m] }
            guard d > floor, d.isFinite else { return false }
            let l = d.squareRoot()
            a[j * k + j] = l
            for i in (j + 1)..<k {
                var s = a[i * k + j]
                for m in 0..<j { s -= a[i * k + m] * a[j * k + m] }
                a[i * k + j] = s / l
            }
        }
        for i in 0..<k {
            var s = rhs[i]
            for m in 0..<i { s -= a[i * k + m] * rhs[m] }
            rhs[i] = s / a[i * k + i]
        }
        for i in stride(from: k - 1, through: 0, by: -1) {
            var s = rhs[i]
            for m in (i + 1)..<k { s -= a[m * k + i] * rhs[m] }
            rhs[i] = s / a[i * k + i]
        }
        return true
    }
}
