#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PrecisionMarketing

/// `precision report --input FILE --output report.html [--as-of D] [--campaign FILE.csv]
/// [--currency CODE]`: a self-contained HTML report (inline SVG, no scripts) with the RFM
/// heat map, value tiers, the 12-month CLV distribution and segment sizes; with
/// `--campaign` (header `customer_id,treated,responded,predicted_uplift`, flags as 0/1)
/// also the campaign's gain and Qini curves and uplift by decile.
enum ReportCommand {
    static func run(_ arguments: inout CommandLineArguments) throws {
        let path = try arguments.required("input")
        let output = try arguments.required("output")
        let asOfOption = try arguments.day("as-of")
        let campaignPath = arguments.string("campaign")
        let currency = try SnapshotLoading.currency(&arguments)
        try arguments.rejectUnknown()

        let (snapshot, importReport) = try SnapshotLoading.load(path: path, currency: currency)
        SnapshotLoading.warn(about: importReport)
        guard let dayRange = snapshot.dayRange else { throw UsageError("\(path): no orders") }
        let asOf = asOfOption ?? dayRange.upperBound.adding(days: 1)
        var report = MarketingReport(title: "Customers of \(path) as of \(asOf)")
        do {
            let rfm = try RFMAnalysis().run(on: snapshot, asOf: asOf)
            let value = try ValueScoreAnalysis().run(on: snapshot, asOf: asOf)
            report.addParagraph(
                title: "Data", text: "\(importReport.rowsKept) order lines kept of \(importReport.rowsRead) read; "
                    + "\(snapshot.customerCount) customers, \(snapshot.orderCount) orders, \(snapshot.itemCount) items, "
                    + "\(dayRange.lowerBound) to \(dayRange.upperBound).")
            report.addRFMHeatMap(rfm)
            report.addValueTiers(value)
            let clv = try DemoSummary.LifetimeValueSummary.fit(snapshot: snapshot, calibrationEnd: asOf.adding(days: -1)).values
            report.addDistribution(
                title: "12-month CLV (BG/NBD + Gamma-Gamma, 1% a month)", values: clv, axisLabel: "CLV (\(currency.code))")
            var segments: [RFMSegment: Int] = [:]
            for segment in rfm.segments { segments[segment, default: 0] += 1 }
            report.addCounts(
                title: "RFM segments", counts: RFMSegment.allCases.map { (name: $0.rawValue, count: segments[$0] ?? 0) })
            let population = try SegmentPopulation(snapshot: snapshot, asOf: asOf)
            let importance = try SegmentScheme.importance().evaluate(on: population)
            report.addCounts(title: "Customer importance", counts: importance.counts.map { (name: $0.segment, count: $0.customers) })
        } catch let error as ScoringError {
            throw UsageError(error.message)
        }
        if let campaignPath {
            let rows = try campaignRows(try FileInput.readAll(path: campaignPath), path: campaignPath)
            do {
                let evaluation = try UpliftEvaluation(
                    predictedUplift: rows.map(\.uplift), responded: rows.map(\.responded), treated: rows.map(\.treated))
                report.addCampaign(title: "Campaign \(campaignPath)", evaluation: evaluation)
            } catch {
                throw UsageError("\(campaignPath): \(error.message)")
            }
        }
        do {
            try Data(report.html().utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            throw UsageError("cannot write \(output): \(error)")
        }
        StandardStreams.error("wrote \(output): \(report.sections.count) sections")
    }

    /// The campaign file's rows; a malformed row is an error naming its line.
    static func campaignRows(_ bytes: [UInt8], path: String) throws(UsageError) -> [(treated: Bool, responded: Bool, uplift: Double)] {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.first, header.trimmingCharacters(in: .whitespaces) == "customer_id,treated,responded,predicted_uplift" else {
            throw UsageError("\(path): the header must be customer_id,treated,responded,predicted_uplift")
        }
        func flag(_ text: Substring, line: Int, column: String) throws(UsageError) -> Bool {
            switch text {
            case "1", "true": return true
            case "0", "false": return false
            default: throw UsageError("\(path) line \(line): \(column) must be 0 or 1, not '\(text)'")
            }
        }
        var rows: [(treated: Bool, responded: Bool, uplift: Double)] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 4 else { throw UsageError("\(path) line \(index + 1): 4 fields expected, found \(fields.count)") }
            guard let uplift = Double(fields[3]), uplift.isFinite else {
                throw UsageError("\(path) line \(index + 1): predicted_uplift '\(fields[3])' is not a finite number")
            }
            rows.append((
                try flag(fields[1], line: index + 1, column: "treated"), try flag(fields[2], line: index + 1, column: "responded"),
                uplift))
        }
        return rows
    }
}
