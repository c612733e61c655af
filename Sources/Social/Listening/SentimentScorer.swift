/// Scores the sentiment of texts: what social listening plugs in.
///
/// A score is in [-1, 1]: below 0 negative, 0 neutral or unknown, above 0 positive. The
/// library ships ``LexiconSentimentScorer`` (a documented baseline for English and
/// Chinese); a model served elsewhere implements this protocol, batch by batch. Tests use
/// `RecordingSentimentScorer` from PrecisionMarketingTesting.
public protocol SentimentScorer: Sendable {
    /// One score per text, in order.
    func scores(for texts: [String]) async throws -> [Double]
}
