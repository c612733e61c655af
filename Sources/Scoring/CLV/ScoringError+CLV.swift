extension ScoringError.Code {
    /// An iterative computation (a model fit, a hypergeometric series) did not converge.
    public static let didNotConverge = ScoringError.Code("didNotConverge")
}
