#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PrecisionMarketing

/// What `precision demo` prints, in both formats. JSON keys are the snake-case forms of
/// these property names; lists of counts are `[{"name": …, "count": …}]`, most first.
struct DemoSummary: Encodable {
    struct Setup: Encodable {
        var customers: Int
        var seed: UInt64
        var periodStart: CalendarDay
        var periodEnd: CalendarDay
        var currency: String
        var catalogueItems: Int
    }

    struct ImportSummary: Encodable {
        var csvBytes: Int
        var rowsRead: Int
        var rowsKept: Int
        var rowsRejected: Int
        var customers: Int
        var orders: Int
        var items: Int
    }

    struct NamedCount: Encodable {
        var name: String
        var count: Int
    }

    struct SourceSummary: Encodable {
        var source: String
        var customers: Int
        var attributes: Int
        var score: Double
    }

    struct QualitySummary: Encodable {
        var customers: Int
        var orders: Int
        var averageCompleteness: Double
        var averageAccuracy: Double
        var averageTimeliness: Double
        var averageOverall: Double
        var completeProfiles: Int
        var profilesWithoutIssues: Int
        var missingByField: [NamedCount]
        var issuesByKind: [NamedCount]
        var sources: [SourceSummary]
        var integrationIndex: Double?
        var duplicateGroups: Int
        var duplicateCustomers: Int
        /// The report's own plain-text summary (what the table format prints).
        var description: String

        init(_ report: DataQualityReport) {
            func round(_ x: Double) -> Double { DemoNumber.rounded(x, decimals: 4) }
            customers = report.customerCount
            orders = report.orderCount
            averageCompleteness = round(report.averageCompleteness)
            averageAccuracy = round(report.averageAccuracy)
            averageTimeliness = round(report.averageTimeliness)
            averageOverall = round(report.averageOverall)
            completeProfiles = report.completeCustomerCount
            profilesWithoutIssues = report.cleanCustomerCount
            missingByField = report.missingByField.map { NamedCount(name: $0.field.name, count: $0.count) }
            issuesByKind = report.issuesByKind.map { NamedCount(name: $0.kind.name, count: $0.count) }
            sources = report.sources.map {
                SourceSummary(
                    source: $0.source?.rawValue ?? "(none)", customers: $0.customerCount,
                    attributes: $0.attributeCount, score: round($0.score))
            }
            integrationIndex = report.integrationIndex.map(round)
            duplicateGroups = report.duplicateGroups.count
            duplicateCustomers = report.duplicateCustomerCount
            description = report.description
        }
    }

    struct ResolutionSummary: Encodable {
        var profilesBefore: Int
        var profilesAfter: Int
        /// Groups of two or more profiles found to be one person (one merge each).
        var duplicateGroups: Int
        var profilesMergedAway: Int
        var largestGroup: Int
        /// Shared keys that linked the groups, by key kind.
        var matchedKeysByKind: [NamedCount]
        /// Duplicates the generator planted (its answer key), and how many were merged
        /// with the customer they copy.
        var plantedDuplicates: Int
        var plantedDuplicatesFound: Int
        /// The first merge in one line, as an example.
        var firstMerge: String?

        init(_ resolution: IdentityResolution, profileCount: Int, planted: [CustomerID: CustomerID]) {
            profilesBefore = profileCount
            profilesAfter = resolution.profiles.count
            duplicateGroups = resolution.merges.count
            profilesMergedAway = resolution.merges.reduce(0) { $0 + $1.mergedIDs.count }
            largestGroup = resolution.merges.map { $0.mergedIDs.count + 1 }.max() ?? 0
            var kinds: [String: Int] = [:]
            for merge in resolution.merges {
                for matched in merge.matchedKeys { kinds[matched.key.kind.rawValue, default: 0] += 1 }
            }
            matchedKeysByKind = kinds.map { NamedCount(name: $0.key, count: $0.value) }
                .sorted { ($1.count, $0.name) < ($0.count, $1.name) }
            plantedDuplicates = planted.count
            plantedDuplicatesFound = planted.reduce(0) { found, pair in
                found + (resolution.survivor(of: pair.key) == resolution.survivor(of: pair.value) ? 1 : 0)
            }
            firstMerge = resolution.merges.first.map { merge in
                "\(merge.id): \(merge.mergedIDs.map(\.rawValue).joined(separator: ", ")) into \(merge.survivorID) on "
                    + merge.matchedKeys.map { "\($0.key.kind) \($0.key.value)" }.joined(separator: ", ")
            }
        }
    }

    struct SegmentRow: Encodable {
        var segment: String
        var customers: Int
        var share: Double
        var averageRecencyDays: Double
        var averageFrequency: Double
        var averageMonetary: Double
    }

    struct RFMSummary: Encodable {
        var asOf: CalendarDay
        var customers: Int
        var totalMonetary: Double
        var segments: [SegmentRow]
        /// Exact texts for the table (minor units formatted, not through `Double`).
        var totalMonetaryText: String
        var averageMonetaryTexts: [String]

        private enum CodingKeys: String, CodingKey {
            case asOf, customers, totalMonetary, segments
        }

        init(_ result: RFMResult) {
            let segmentCount = RFMSegment.allCases.count
            var position: [RFMSegment: Int] = [:]
            for (index, segment) in RFMSegment.allCases.enumerated() { position[segment] = index }
            var customers = [Int](repeating: 0, count: segmentCount)
            var recency = [Int](repeating: 0, count: segmentCount)
            var frequency = [Int](repeating: 0, count: segmentCount)
            var monetary = [Int64](repeating: 0, count: segmentCount)
            var total: Int64 = 0
            for i in 0..<result.count {
                let s = result.segments.isEmpty ? 0 : position[result.segments[i]] ?? 0
                customers[s] += 1
                recency[s] += Int(result.recencyDays[i])
                frequency[s] += Int(result.frequency[i])
                monetary[s] &+= result.monetaryMinorUnits[i]
                total &+= result.monetaryMinorUnits[i]
            }
            let digits = result.currency.minorUnitDigits
            let perMajor = Double(result.currency.minorUnitsPerMajor)
            asOf = result.asOf
            self.customers = result.count
            totalMonetary = Double(total) / perMajor
            totalMonetaryText = DecimalParser.format(minorUnits: total, digits: digits)
            segments = []
            averageMonetaryTexts = []
            for (index, segment) in RFMSegment.allCases.enumerated() {
                let n = customers[index]
                let divisor = Double(max(n, 1))
                let averageMinor = n == 0 ? 0 : Int64((Double(monetary[index]) / divisor).rounded())
                segments.append(SegmentRow(
                    segment: segment.rawValue, customers: n,
                    share: DemoNumber.rounded(Double(n) / Double(max(result.count, 1)), decimals: 4),
                    averageRecencyDays: DemoNumber.rounded(Double(recency[index]) / divisor, decimals: 1),
                    averageFrequency: DemoNumber.rounded(Double(frequency[index]) / divisor, decimals: 2),
                    averageMonetary: Double(averageMinor) / perMajor))
                averageMonetaryTexts.append(DecimalParser.format(minorUnits: averageMinor, digits: digits))
            }
        }
    }

    var setup: Setup
    var asOf: CalendarDay
    var importReport: ImportSummary
    var dataQuality: QualitySummary
    var identityResolution: ResolutionSummary
    var rfm: RFMSummary
    var valueTiers: ValueTierSummary
    var lifetimeValue: LifetimeValueSummary
    var segmentSchemes: [SchemeSummary]
    var recommendations: [RecommendationSummary]
    var social: SocialDemo
    var campaign: CampaignSummary
}
