/// An error from clustering, dimensionality reduction, standardisation or a lookalike model:
/// an invalid parameter or input the algorithm cannot work on.
///
/// ```swift
/// do {
///     _ = try KMeans(clusterCount: 5).fit(points)
/// } catch let error where error.code == .tooFewDistinctPoints {
///     print(error.message)  // "k = 5 clusters need 5 distinct points; the input has 3"
/// }
/// ```
public struct ClusteringError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        init(_ name: String) { self.name = name }
        public var description: String { name }
        /// A parameter is out of its valid range (k, tolerance, iterations, radius, sample size).
        public static let invalidParameter = Code("invalidParameter")
        /// There are no rows, or no columns, to work on.
        public static let emptyInput = Code("emptyInput")
        /// A value is NaN or infinite.
        public static let nonFiniteInput = Code("nonFiniteInput")
        /// A feature has the same value in every row, so it cannot be standardised.
        public static let constantFeature = Code("constantFeature")
        /// Fewer distinct points than requested clusters (or than initial centroids).
        public static let tooFewDistinctPoints = Code("tooFewDistinctPoints")
        /// Matrices, labels or names of different shapes were combined.
        public static let dimensionMismatch = Code("dimensionMismatch")
        /// A quality measure is undefined for this labelling (silhouette with one cluster).
        public static let undefinedMeasure = Code("undefinedMeasure")
        /// A model inside the computation could not be fitted (a lookalike's logistic
        /// regression did not converge); the message carries the model's own error.
        public static let modelDidNotFit = Code("modelDidNotFit")
    }

    /// What went wrong.
    public let code: Code
    /// What was wrong, naming the row, column or parameter.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
