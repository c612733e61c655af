import PrecisionMarketing

extension DemoSummary {
    /// A ready-made segmentation's sizes.
    struct SchemeSummary: Encodable {
        var scheme: String
        var exclusive: Bool
        var segments: [NamedCount]

        /// Evaluates the importance, loyalty-ladder and case-study schemes on the population.
        static func evaluate(_ snapshot: CustomerSnapshot, asOf: CalendarDay) throws -> [SchemeSummary] {
            let population = try SegmentPopulation(snapshot: snapshot, asOf: asOf)
            return try [SegmentScheme.importance(), .loyalty(), .caseStudy()].map { scheme in
                let result = try scheme.evaluate(on: population)
                return SchemeSummary(
                    scheme: result.scheme, exclusive: result.kind == .exclusive,
                    segments: result.counts.map { NamedCount(name: $0.segment, count: $0.customers) })
            }
        }
    }

    /// The segment-size tables, as text.
    func appendSegmentTables(to out: inout ByteOutput) {
        for scheme in segmentSchemes {
            out.append("\nSegments: \(scheme.scheme) (\(scheme.exclusive ? "each customer in at most one" : "overlapping"))\n")
            for segment in scheme.segments {
                out.appendCell("  " + segment.name, width: 30)
                out.appendCell(String(segment.count), width: 10, rightAligned: true)
                out.append("\n")
            }
        }
    }
}
