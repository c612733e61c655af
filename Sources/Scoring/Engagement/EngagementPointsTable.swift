import CustomerModel

/// Points per interaction kind for lead scoring, with per-response points for campaign responses.
///
/// Defaults (our choice, tune them to your funnel):
///
/// | kind | points | | kind | points |
/// |---|---|---|---|---|
/// | browse | 1 | | serviceContact | 2 |
/// | search | 2 | | complaint | 0 |
/// | click | 3 | | campaignResponse | 3 (or by response) |
/// | like | 2 | | surveyAnswer | 3 |
/// | comment | 4 | | satisfactionRating | 2 |
/// | share | 6 | | review | 5 |
/// | appUse | 3 | | any other kind | ``defaultPoints`` (0) |
///
/// Campaign responses with a `details.response` listed in ``responsePoints`` use it instead:
/// `opened` 2, `clicked` 5, `converted` 20, `unsubscribed` −10. Points may be negative.
public struct EngagementPointsTable: Hashable, Sendable, Codable {
    /// Points by interaction kind name.
    public var points: [String: Double]
    /// Points by campaign response (`details.response`), overriding the kind's points.
    public var responsePoints: [String: Double]
    /// Points of a kind not in ``points``.
    public var defaultPoints: Double

    /// Creates a table.
    public init(points: [InteractionKindPoints], responsePoints: [String: Double] = [:], defaultPoints: Double = 0) {
        self.points = Dictionary(points.map { ($0.kind.name, $0.points) }, uniquingKeysWith: { _, last in last })
        self.responsePoints = responsePoints
        self.defaultPoints = defaultPoints
    }

    /// The defaults in the table above.
    public static let standard = EngagementPointsTable(
        points: [
            .init(.browse, 1), .init(.search, 2), .init(.click, 3), .init(.like, 2), .init(.comment, 4),
            .init(.share, 6), .init(.appUse, 3), .init(.serviceContact, 2), .init(.complaint, 0),
            .init(.campaignResponse, 3), .init(.surveyAnswer, 3), .init(.satisfactionRating, 2), .init(.review, 5),
        ],
        responsePoints: ["opened": 2, "clicked": 5, "converted": 20, "unsubscribed": -10])

    /// The points of one event before decay.
    public func points(for event: InteractionEvent) -> Double {
        if event.kind == .campaignResponse, let response = event.details.response, let p = responsePoints[response] {
            return p
        }
        return points[event.kind.name] ?? defaultPoints
    }

    /// Checks every number is finite.
    /// - Throws: ``ScoringError`` `.invalidParameter` naming the entry.
    public func validate() throws(ScoringError) {
        for (name, p) in points.sorted(by: { $0.key < $1.key }) where !p.isFinite {
            throw ScoringError(.invalidParameter, "points of kind '\(name)' are \(p)")
        }
        for (name, p) in responsePoints.sorted(by: { $0.key < $1.key }) where !p.isFinite {
            throw ScoringError(.invalidParameter, "points of response '\(name)' are \(p)")
        }
        guard defaultPoints.isFinite else {
            throw ScoringError(.invalidParameter, "default points are \(defaultPoints)")
        }
    }
}

/// A kind and its points, for building an ``EngagementPointsTable``.
public struct InteractionKindPoints: Hashable, Sendable {
    /// The kind.
    public var kind: InteractionKind
    /// Its points.
    public var points: Double
    /// Creates an entry.
    public init(_ kind: InteractionKind, _ points: Double) {
        self.kind = kind
        self.points = points
    }
}
