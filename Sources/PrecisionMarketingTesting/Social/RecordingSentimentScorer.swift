import Social
import Synchronization

/// A ``Social/SentimentScorer`` for tests: returns fixed scores by text (or a default) and
/// records every batch it was asked to score, in order.
public final class RecordingSentimentScorer: SentimentScorer {
    private let scoresByText: [String: Double]
    private let defaultScore: Double
    private let recorded = Mutex<[[String]]>([])

    /// Creates a scorer that answers `scores[text] ?? defaultScore`.
    public init(scores: [String: Double] = [:], defaultScore: Double = 0) {
        self.scoresByText = scores
        self.defaultScore = defaultScore
    }

    public func scores(for texts: [String]) async throws -> [Double] {
        recorded.withLock { $0.append(texts) }
        return texts.map { scoresByText[$0] ?? defaultScore }
    }

    /// Every batch scored so far.
    public var batches: [[String]] { recorded.withLock { $0 } }

    /// Every text scored so far, in order.
    public var texts: [String] { recorded.withLock { $0.flatMap { $0 } } }
}
