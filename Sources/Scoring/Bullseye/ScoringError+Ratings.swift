extension ScoringError.Code {
    /// A rating is outside its scale, names an unknown criterion, or a required rating is
    /// missing (Bullseye scorecards, survey ratings). The message names the criterion or response.
    public static let invalidRating = ScoringError.Code("invalidRating")
}
