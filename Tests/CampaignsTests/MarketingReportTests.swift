import Foundation
import Testing

@testable import Campaigns
import CustomerModel
import Scoring

/// The report is checked structurally: it must be well-formed XML (so every browser and
/// XML tool reads it), self-contained (no scripts, nothing fetched), and each chart must
/// carry the numbers it was given.
@Suite("MarketingReport and SVG charts")
struct MarketingReportTests {
    /// Element names in document order, after checking that every tag is closed in order.
    static func wellFormedElements(_ text: String) throws -> [String] {
        var stack: [String] = []
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { throw ReportShapeError("unclosed tag") }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") { continue }
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                guard stack.popLast() == name else { throw ReportShapeError("</\(name)> closes something else") }
                continue
            }
            let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" })
            names.append(name)
            if !tag.hasSuffix("/") { stack.append(name) }
        }
        guard stack.isEmpty else { throw ReportShapeError("unclosed elements \(stack)") }
        return names
    }

    struct ReportShapeError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    @Test func numbersAreShortAndStable() {
        #expect(SVGChart.number(12.345) == "12.35")
        #expect(SVGChart.number(-0.5) == "-0.5")
        #expect(SVGChart.number(3) == "3")
        #expect(SVGChart.number(0.07) == "0.07")
        #expect(SVGChart.number(.nan) == "0")
        #expect(SVGChart.escape("<a & 'b'>") == "&lt;a &amp; &#39;b&#39;&gt;")
    }

    @Test func barsAreProportionalToValues() throws {
        let svg = SVGChart.bars(title: "t", bars: [("a", 10), ("b", 5), ("c", 0)])
        let names = try Self.wellFormedElements(svg)
        #expect(names.filter { $0 == "rect" }.count == 3)
        let widths = svg.matches(of: /class="bar" x="[0-9.]+" y="[0-9.]+" width="([0-9.]+)"/).map { Double($0.1) ?? -1 }
        #expect(widths.count == 3)
        #expect(abs(widths[1] * 2 - widths[0]) < 0.02 && widths[2] == 0)
    }

    @Test func heatMapHasOneCellPerScorePairWithItsCount() throws {
        let svg = SVGChart.heatMap(
            title: "h", rowLabels: ["R2", "R1"], columnLabels: ["F1", "F2"], values: [[1, 2], [3, 40]], rowAxis: "r",
            columnAxis: "f")
        let names = try Self.wellFormedElements(svg)
        #expect(names.filter { $0 == "rect" }.count == 4)
        #expect(svg.contains("<title>r R1, f F2: 40</title>"))
    }

    @Test func reportIsSelfContainedWellFormedAndCarriesEveryChart() throws {
        // Six customers: RFM scores from the snapshot, value tiers, a CLV histogram, an uplift evaluation.
        var orders: [Order] = []
        for c in 0..<6 {
            for k in 0...c {
                orders.append(Order(
                    id: OrderID("o\(c)-\(k)"), customerID: CustomerID("c\(c)"), date: CalendarDay(dayNumber: Int32(19_000 + 10 * k + c)),
                    lines: [OrderLine(itemID: "i", quantity: 1, amount: Money(minorUnits: Int64(1_000 * (c + 1)), currency: .usd))]))
            }
        }
        let snapshot = try CustomerSnapshot(orders: orders, currency: .usd)
        let asOf = CalendarDay(dayNumber: 19_100)
        let rfm = try RFMAnalysis().run(on: snapshot, asOf: asOf)
        let value = try ValueScoreAnalysis().run(on: snapshot, asOf: asOf)
        let uplift = try UpliftEvaluation(
            predictedUplift: (0..<40).map { Double($0) / 40 }, responded: (0..<40).map { $0 % 3 == 0 },
            treated: (0..<40).map { $0 % 2 == 0 })
        var report = MarketingReport(title: "Report <test>")
        report.addRFMHeatMap(rfm)
        report.addValueTiers(value)
        report.addDistribution(title: "CLV", values: [1, 2, 2, 3, 50], axisLabel: "USD", bins: 5)
        report.addCounts(title: "Segments", counts: [("a", 3), ("b", 1)])
        report.addCampaign(title: "Winter", evaluation: uplift)
        let html = report.html()

        let names = try Self.wellFormedElements(html)
        #expect(!names.contains("script"))
        // Nothing is fetched: the only addresses are the XML namespace names.
        #expect(html.matches(of: /http:\/\//).count == html.matches(of: /xmlns="http:/).count)
        #expect(html.matches(of: /(src|href)=/).isEmpty)
        #expect(names.filter { $0 == "svg" }.count == 6)  // heat map, tiers, CLV, segments, gain, Qini
        #expect(names.filter { $0 == "section" }.count == 5)
        #expect(html.contains("<title>Report &lt;test&gt;</title>"))
        // The heat map's cells hold all six customers.
        let cellCounts = html.matches(of: /<title>recency score R\d, frequency score F\d: (\d+)<\/title>/).map { Int($0.1) ?? 0 }
        #expect(cellCounts.reduce(0, +) == 6)
        // The value-tier bars count all six customers as well.
        let tierLabels = html.matches(of: /font-size="12">(\d+)<\/text>/).map { Int($0.1) ?? 0 }
        #expect(tierLabels.reduce(0, +) >= 6)
        // The histogram's bins hold all five values.
        let bins = html.matches(of: /<title>[-0-9.e]+: (\d+)<\/title>/).map { Int($0.1) ?? 0 }
        #expect(bins.reduce(0, +) == 5)
        // One decile row per decile of the evaluation, and the Qini coefficient in its title.
        #expect(html.matches(of: /<tr><td>\d+<\/td>/).count == uplift.deciles.count)
        #expect(html.contains("Qini coefficient \(SVGChart.number(uplift.qiniCoefficient))"))
    }
}
