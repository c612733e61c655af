#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PrecisionMarketing

extension DemoSummary {
    /// One JSON object, keys sorted and in snake case (small, so `JSONEncoder` is fine here).
    func writeJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var bytes = Array(try encoder.encode(self))
        bytes.append(UInt8(ascii: "\n"))
        StandardStreams.write(bytes)
    }

    /// Aligned text: the setup, the import report, data quality, identity resolution and
    /// the RFM segment table, the value tiers and the top customers by 12-month CLV.
    func writeTable() {
        var out = ByteOutput()
        out.append("precision demo: \(setup.customers) synthetic customers (seed \(setup.seed)), ")
        out.append("orders \(setup.periodStart) to \(setup.periodEnd), as of \(asOf)\n\n")

        let i = importReport
        out.append("Import: \(i.rowsRead) rows read, \(i.rowsKept) kept, \(i.rowsRejected) rejected")
        out.append(" (\(DemoNumber.fixed(Double(i.csvBytes) / 1_048_576, decimals: 1)) MiB of CSV); ")
        out.append("\(i.customers) customers, \(i.orders) orders, \(i.items) items\n\n")

        out.append(dataQuality.description)
        out.append("\n\n")

        let r = identityResolution
        out.append("Identity resolution: \(r.profilesBefore) profiles, \(r.duplicateGroups) duplicate groups, ")
        out.append("\(r.profilesMergedAway) merged away, \(r.profilesAfter) after resolution\n")
        if !r.matchedKeysByKind.isEmpty {
            out.append("  matched on: " + r.matchedKeysByKind.map { "\($0.name) \($0.count)" }.joined(separator: ", ") + "\n")
        }
        out.append("  largest group \(r.largestGroup); planted duplicates found \(r.plantedDuplicatesFound) of \(r.plantedDuplicates)\n")
        if let first = r.firstMerge { out.append("  first merge: \(first)\n") }
        out.append("\n")

        out.append("RFM segments as of \(rfm.asOf): \(rfm.customers) customers, ")
        out.append("total monetary \(rfm.totalMonetaryText) \(setup.currency)\n")
        let columns: [(title: String, width: Int)] = [
            ("segment", 20), ("customers", 10), ("share", 8), ("avg recency", 13), ("avg frequency", 15), ("avg monetary", 14),
        ]
        for (index, column) in columns.enumerated() {
            out.appendCell(column.title, width: column.width, rightAligned: index > 0)
        }
        out.append("\n")
        for (index, row) in rfm.segments.enumerated() {
            out.appendCell(row.segment, width: columns[0].width)
            out.appendCell(String(row.customers), width: columns[1].width, rightAligned: true)
            out.appendCell(DemoNumber.percent(row.share), width: columns[2].width, rightAligned: true)
            out.appendCell(DemoNumber.fixed(row.averageRecencyDays, decimals: 1), width: columns[3].width, rightAligned: true)
            out.appendCell(DemoNumber.fixed(row.averageFrequency, decimals: 2), width: columns[4].width, rightAligned: true)
            out.appendCell(rfm.averageMonetaryTexts[index], width: columns[5].width, rightAligned: true)
            out.append("\n")
        }
        appendValueTables(to: &out)
        appendSegmentTables(to: &out)
        appendRecommendations(to: &out)
        appendSocial(to: &out)
        appendCampaign(to: &out)
        StandardStreams.write(out.bytes)
    }
}
