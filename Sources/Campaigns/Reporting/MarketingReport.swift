import CustomerModel
import Scoring

/// A self-contained HTML report: inline SVG charts and tables, one inline style sheet, no
/// scripts and nothing loaded from the network, so it can be mailed or archived as one
/// file. The library builds the text; writing it to a file is the caller's job.
///
/// ```swift
/// var report = MarketingReport(title: "Customers as of 2025-01-01")
/// report.addRFMHeatMap(rfm)
/// report.addValueTiers(value)
/// report.addDistribution(title: "12-month CLV", values: clv, axisLabel: "CLV (USD)")
/// report.addCampaign(title: "Winter campaign", evaluation: uplift)
/// let html = report.html()
/// ```
public struct MarketingReport: Sendable {
    /// A titled part of the report: a chart, a table, or a paragraph, as XHTML.
    public struct Section: Sendable, Hashable {
        /// The heading.
        public var title: String
        /// The body (well-formed XHTML; SVG inline).
        public var body: String
    }

    /// The report title.
    public var title: String
    /// The sections in order.
    public private(set) var sections: [Section] = []

    /// Creates an empty report.
    public init(title: String) { self.title = title }

    /// Adds a section with a trusted XHTML body.
    public mutating func addSection(title: String, body: String) {
        sections.append(Section(title: title, body: body))
    }

    /// Adds a paragraph of text (escaped).
    public mutating func addParagraph(title: String, text: String) {
        addSection(title: title, body: "<p>\(SVGChart.escape(text))</p>")
    }

    /// The RFM heat map: customers by recency score (rows, best on top) and frequency
    /// score (columns), with the average monetary value per cell in its tooltip table below.
    public mutating func addRFMHeatMap(_ rfm: RFMResult) {
        let levels = Int(max(rfm.r.max() ?? 1, rfm.f.max() ?? 1, 1))
        var counts = [[Double]](repeating: [Double](repeating: 0, count: levels), count: levels)
        for i in 0..<rfm.count {
            let r = Int(rfm.r[i]), f = Int(rfm.f[i])
            guard r >= 1, f >= 1, r <= levels, f <= levels else { continue }
            counts[levels - r][f - 1] += 1
        }
        let svg = SVGChart.heatMap(
            title: "RFM: customers by recency and frequency score", rowLabels: (1...levels).reversed().map { "R\($0)" },
            columnLabels: (1...levels).map { "F\($0)" }, values: counts, rowAxis: "recency score", columnAxis: "frequency score")
        addSection(title: "RFM heat map", body: svg)
    }

    /// Customers per value tier, with their share.
    public mutating func addValueTiers(_ value: ValueScoreResult) {
        var counts: [ValueTier: Int] = [:]
        for tier in value.tiers { counts[tier, default: 0] += 1 }
        let bars = ValueTier.allCases.reversed().map { (label: "\($0.rawValue)", value: Double(counts[$0] ?? 0)) }
        addSection(title: "Value tiers", body: SVGChart.bars(title: "Customers per value tier", bars: bars))
    }

    /// A histogram of per-customer values (CLV, spend, scores).
    public mutating func addDistribution(title: String, values: [Double], axisLabel: String, bins: Int = 20) {
        addSection(title: title, body: SVGChart.histogram(title: title, values: values, bins: bins, axisLabel: axisLabel))
    }

    /// Named counts as bars (segment sizes), in the given order.
    public mutating func addCounts(title: String, counts: [(name: String, count: Int)]) {
        addSection(title: title, body: SVGChart.bars(title: title, bars: counts.map { (label: $0.name, value: Double($0.count)) }))
    }

    /// A campaign's uplift evaluation: the cumulative gain (uplift) curve and the Qini
    /// curve against random targeting, and the uplift by decile as a table.
    public mutating func addCampaign(title: String, evaluation: UpliftEvaluation) {
        func series(_ curve: [UpliftEvaluation.Point], label: String, color: String) -> [SVGChart.Series] {
            let points = curve.map { (x: Double($0.targeted), y: $0.value) }
            let last = points.last ?? (x: 0, y: 0)
            return [
                SVGChart.Series(label: label, points: points, color: color),
                SVGChart.Series(label: "random targeting", points: [(x: 0, y: 0), last], color: "#999999", dashed: true),
            ]
        }
        let gain = SVGChart.lines(
            title: "\(title): cumulative gain (uplift curve)", series: series(evaluation.upliftCurve, label: "model", color: "#4472c4"),
            xLabel: "customers targeted, by predicted uplift", yLabel: "incremental responses")
        let qini = SVGChart.lines(
            title: "\(title): Qini curve (Qini coefficient \(SVGChart.number(evaluation.qiniCoefficient)))",
            series: series(evaluation.qiniCurve, label: "model", color: "#ed7d31"),
            xLabel: "customers targeted, by predicted uplift", yLabel: "Qini")
        var table = "<table><tr><th>decile</th><th>treated</th><th>control</th><th>treated rate</th><th>control rate</th><th>uplift</th></tr>"
        func rate(_ x: Double?) -> String { x.map { SVGChart.number($0 * 100) + "%" } ?? "n/a" }
        for (i, decile) in evaluation.deciles.enumerated() {
            table += "<tr><td>\(i + 1)</td><td>\(decile.treated)</td><td>\(decile.control)</td><td>\(rate(decile.treatedRate))</td>"
                + "<td>\(rate(decile.controlRate))</td><td>\(rate(decile.observedUplift))</td></tr>"
        }
        table += "</table>"
        addSection(title: title, body: gain + qini + table)
    }

    /// The whole document (XHTML-compatible HTML5).
    public func html() -> String {
        var out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>"
        out += "<title>\(SVGChart.escape(title))</title><style>"
        out += "body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}"
        out += "section{margin:2em 0}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}"
        out += "</style></head><body><h1>\(SVGChart.escape(title))</h1>"
        for section in sections {
            out += "<section><h2>\(SVGChart.escape(section.title))</h2>\(section.body)</section>"
        }
        return out + "</body></html>\n"
    }
}
