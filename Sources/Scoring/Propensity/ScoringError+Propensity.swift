extension ScoringError.Code {
    /// A feature or input value is NaN or infinite.
    public static let nonFiniteInput = ScoringError.Code("nonFiniteInput")
    /// Features are linearly dependent (or constant) and no penalty makes the fit unique.
    public static let collinearFeatures = ScoringError.Code("collinearFeatures")
}
