/// How a numerical optimisation ended: iterations, the final gradient norm and why it stopped.
public struct OptimizationReport: Sendable, Hashable, CustomStringConvertible {
    /// Why an optimisation stopped. New reasons may be added; compare with the static members.
    public struct Reason: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        init(_ name: String) { self.name = name }
        public var description: String { name }
        /// The largest gradient component fell below the tolerance (converged).
        public static let gradientTolerance = Reason("gradientTolerance")
        /// The objective stopped changing relative to its size (converged).
        public static let functionTolerance = Reason("functionTolerance")
        /// The iteration limit was reached first (not converged).
        public static let maximumIterations = Reason("maximumIterations")
        /// No step along the search direction decreased the objective (not converged
        /// unless the gradient is already small).
        public static let lineSearchFailed = Reason("lineSearchFailed")
    }

    /// Quasi-Newton iterations taken.
    public var iterations: Int
    /// Objective and gradient evaluations.
    public var evaluations: Int
    /// The largest absolute gradient component at the end, in the optimiser's coordinates
    /// (log-parameters for the CLV models).
    public var gradientNorm: Double
    /// Whether a convergence criterion was met.
    public var converged: Bool
    /// Why the optimisation stopped.
    public var reason: Reason

    /// Creates a report.
    public init(iterations: Int, evaluations: Int, gradientNorm: Double, converged: Bool, reason: Reason) {
        self.iterations = iterations
        self.evaluations = evaluations
        self.gradientNorm = gradientNorm
        self.converged = converged
        self.reason = reason
    }

    public var description: String {
        "\(converged ? "converged" : "not converged") (\(reason)) after \(iterations) iterations, |g|∞ = \(gradientNorm)"
    }
}
