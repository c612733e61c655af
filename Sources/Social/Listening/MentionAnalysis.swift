#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Social listening over the mention stream: volume and mean sentiment per topic per day,
/// and spikes in volume (see ``SpikeRule``), which become alert events.
///
/// Mentions are the ``SocialEventKind/mention`` events in `[from, through]` (days at UTC);
/// a mention without a topic counts under ``untaggedTopic``. Each topic's series runs over
/// every day of the range, with zero-count days, so that baselines see quiet days.
public struct MentionAnalysis: Sendable {
    /// The topic of mentions that carry none.
    public static let untaggedTopic = "untagged"

    /// When a day is a spike.
    public var spikeRule: SpikeRule

    /// Creates an analysis.
    public init(spikeRule: SpikeRule = SpikeRule()) {
        self.spikeRule = spikeRule
    }

    /// Scores the mentions in the range with `scorer` (one batch) and builds the series.
    /// - Throws: ``SocialError`` `.invalidParameter` for an invalid rule or an empty range,
    ///   `.invalidInput` when the scorer returns the wrong number of scores or a score outside
    ///   [-1, 1]; and whatever the scorer throws.
    /// - Complexity: O(m log m + topics · days) for m mentions, plus the scorer.
    public func run(
        events: [SocialEvent], from: CalendarDay, through: CalendarDay, scorer: some SentimentScorer
    ) async throws -> ListeningReport {
        try spikeRule.validate()
        guard from <= through else { throw SocialError(.invalidParameter, "the range \(from)...\(through) is empty") }
        let mentions = events.filter {
            $0.kind == .mention && (from...through).contains($0.occurredAt.calendarDayUTC)
        }.sorted { $0.occurredAt != $1.occurredAt ? $0.occurredAt < $1.occurredAt : $0.id < $1.id }
        let scores = try await scorer.scores(for: mentions.map { $0.text ?? "" })
        guard scores.count == mentions.count else {
            throw SocialError(.invalidInput, "the scorer returned \(scores.count) scores for \(mentions.count) texts")
        }
        if let bad = scores.firstIndex(where: { !$0.isFinite || $0 < -1 || $0 > 1 }) {
            throw SocialError(.invalidInput, "the scorer returned \(scores[bad]) for mention \(mentions[bad].id); scores must be in [-1, 1]")
        }
        let days = from.days(to: through) + 1
        var counts: [String: [Int]] = [:]
        var sums: [String: [Double]] = [:]
        for (mention, score) in zip(mentions, scores) {
            let topic = mention.topic ?? Self.untaggedTopic
            let d = from.days(to: mention.occurredAt.calendarDayUTC)
            counts[topic, default: [Int](repeating: 0, count: days)][d] += 1
            sums[topic, default: [Double](repeating: 0, count: days)][d] += score
        }
        var series: [TopicDayVolume] = []
        var spikes: [MentionSpike] = []
        for topic in counts.keys.sorted() {
            let c = counts[topic] ?? []
            let s = sums[topic] ?? []
            for d in 0..<days {
                series.append(TopicDayVolume(topic: topic, day: from.adding(days: d), mentions: c[d],
                                             meanSentiment: c[d] > 0 ? s[d] / Double(c[d]) : nil))
            }
            for spike in spikeRule.spikes(in: c) {
                spikes.append(MentionSpike(
                    topic: topic, day: from.adding(days: spike.index), mentions: c[spike.index], baselineMean: spike.mean,
                    baselineStandardDeviation: spike.standardDeviation,
                    threshold: spike.mean + spikeRule.z * spike.standardDeviation))
            }
        }
        return ListeningReport(series: series, spikes: spikes, mentions: mentions.count)
    }
}

/// Mentions of one topic on one day.
public struct TopicDayVolume: Hashable, Sendable, Codable {
    /// The topic.
    public var topic: String
    /// The day (UTC).
    public var day: CalendarDay
    /// Mentions that day.
    public var mentions: Int
    /// Their mean sentiment, nil without mentions.
    public var meanSentiment: Double?
}

/// A day whose mention count is a spike under the ``SpikeRule``.
public struct MentionSpike: Hashable, Sendable, Codable {
    /// The topic.
    public var topic: String
    /// The day.
    public var day: CalendarDay
    /// Mentions that day.
    public var mentions: Int
    /// μ of the trailing window.
    public var baselineMean: Double
    /// σ of the trailing window.
    public var baselineStandardDeviation: Double
    /// μ + z·σ, which the count exceeded.
    public var threshold: Double

    /// The alert as a domain event, dated at the end of the spike day.
    public var alertEvent: DomainEvent {
        DomainEvent(kind: .socialMentionSpike, occurredAt: day.adding(days: 1).startUTC, details: [
            "topic": topic, "day": day.description, "mentions": String(mentions),
            "baseline_mean": String(baselineMean), "threshold": String(threshold),
        ])
    }
}

/// Per-topic daily series (topics in order, days in order) and the spikes found.
public struct ListeningReport: Hashable, Sendable, Codable {
    /// One entry per topic and day of the range.
    public var series: [TopicDayVolume]
    /// Spikes, by topic then day.
    public var spikes: [MentionSpike]
    /// Mentions in the range.
    public var mentions: Int

    /// Sends one ``CustomerModel/DomainEventKind/socialMentionSpike`` event per spike to `sink`, in order.
    public func emitAlerts(to sink: some EventSink) async {
        guard !spikes.isEmpty else { return }
        await sink.record(spikes.map(\.alertEvent))
    }
}

extension DomainEventKind {
    /// Social listening found a spike in mentions of a topic (details: topic, day, mentions,
    /// baseline_mean, threshold).
    public static let socialMentionSpike = DomainEventKind("socialMentionSpike")
}
