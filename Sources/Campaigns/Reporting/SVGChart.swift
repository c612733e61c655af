/// Inline SVG charts for self-contained reports: no scripts, no fonts or styles from the
/// network, well-formed XML (every chart parses as XML on its own).
///
/// Numbers are written with at most two decimals through ``SVGChart/number(_:)`` so the
/// same data gives the same bytes on every platform.
public enum SVGChart {
    /// A series of a line chart.
    public struct Series: Sendable {
        /// The legend label.
        public var label: String
        /// Points in data coordinates.
        public var points: [(x: Double, y: Double)]
        /// A CSS colour.
        public var color: String
        /// Dashed (for baselines).
        public var dashed: Bool

        /// Creates a series.
        public init(label: String, points: [(x: Double, y: Double)], color: String, dashed: Bool = false) {
            self.label = label
            self.points = points
            self.color = color
            self.dashed = dashed
        }
    }

    static let width = 640.0, height = 320.0
    static let left = 70.0, right = 20.0, top = 30.0, bottom = 50.0

    /// Horizontal bars, one per label, with the value printed at the end of each bar.
    /// - Complexity: O(bars).
    public static func bars(title: String, bars: [(label: String, value: Double)], color: String = "#4472c4") -> String {
        let rowHeight = 26.0
        let chartHeight = top + Double(bars.count) * rowHeight + 20
        let labelWidth = 170.0
        let maxValue = max(bars.map(\.value).max() ?? 0, 1e-12)
        var svg = open(width: width, height: chartHeight, title: title)
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * rowHeight
            let length = max(0, bar.value) / maxValue * (width - labelWidth - 90)
            svg += "<text x=\"\(number(labelWidth - 8))\" y=\"\(number(y + 17))\" text-anchor=\"end\" font-size=\"12\">\(escape(bar.label))</text>"
            svg += "<rect class=\"bar\" x=\"\(number(labelWidth))\" y=\"\(number(y + 4))\" width=\"\(number(length))\" height=\"\(number(rowHeight - 8))\" fill=\"\(escape(color))\"/>"
            svg += "<text x=\"\(number(labelWidth + length + 6))\" y=\"\(number(y + 17))\" font-size=\"12\">\(escape(label(bar.value)))</text>"
        }
        return svg + "</svg>"
    }

    /// A histogram of `values` in `bins` equal-width bins between the minimum and the
    /// `clipQuantile` quantile (values above it go to the last bin, which says so).
    /// - Complexity: O(n log n) for the quantile.
    public static func histogram(title: String, values: [Double], bins: Int = 20, clipQuantile: Double = 0.99, axisLabel: String) -> String {
        let finite = values.filter(\.isFinite).sorted()
        guard let low = finite.first, bins >= 1 else { return open(width: width, height: 60, title: title) + "<text x=\"10\" y=\"45\" font-size=\"12\">no data</text></svg>" }
        let high = max(finite[min(finite.count - 1, Int(Double(finite.count - 1) * clipQuantile))], low + 1e-9)
        var counts = [Int](repeating: 0, count: bins)
        for v in finite { counts[min(bins - 1, max(0, Int((v - low) / (high - low) * Double(bins))))] += 1 }
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maxCount = Double(max(counts.max() ?? 1, 1))
        var svg = open(width: width, height: height, title: title) + axes(xLabel: axisLabel, yLabel: "customers")
        let barWidth = plotWidth / Double(bins)
        for (i, count) in counts.enumerated() {
            let h = Double(count) / maxCount * plotHeight
            svg += "<rect class=\"bar\" x=\"\(number(left + Double(i) * barWidth + 1))\" y=\"\(number(top + plotHeight - h))\" width=\"\(number(barWidth - 2))\" height=\"\(number(h))\" fill=\"#70ad47\"><title>\(escape(label(low + Double(i) * (high - low) / Double(bins)))): \(count)</title></rect>"
        }
        svg += tick(x: left, text: label(low)) + tick(x: left + plotWidth, text: label(high) + (high < finite[finite.count - 1] ? "+" : ""))
        svg += "<text x=\"\(number(left - 6))\" y=\"\(number(top + 4))\" text-anchor=\"end\" font-size=\"11\">\(Int(maxCount))</text>"
        return svg + "</svg>"
    }

    /// Lines over a shared x range (for gain, uplift and Qini curves).
    /// - Complexity: O(points).
    public static func lines(title: String, series: [Series], xLabel: String, yLabel: String) -> String {
        let all = series.flatMap(\.points)
        let xs = all.map(\.x), ys = all.map(\.y) + [0]
        let minX = xs.min() ?? 0, maxX = max(xs.max() ?? 1, (xs.min() ?? 0) + 1e-9)
        let minY = ys.min() ?? 0, maxY = max(ys.max() ?? 1, minY + 1e-9)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func px(_ x: Double) -> Double { left + (x - minX) / (maxX - minX) * plotWidth }
        func py(_ y: Double) -> Double { top + plotHeight - (y - minY) / (maxY - minY) * plotHeight }
        var svg = open(width: width, height: height, title: title) + axes(xLabel: xLabel, yLabel: yLabel)
        for (i, s) in series.enumerated() {
            let path = s.points.map { "\(number(px($0.x))),\(number(py($0.y)))" }.joined(separator: " ")
            svg += "<polyline class=\"series\" fill=\"none\" stroke=\"\(escape(s.color))\" stroke-width=\"2\"\(s.dashed ? " stroke-dasharray=\"6 4\"" : "") points=\"\(path)\"/>"
            let y = top + 14 + Double(i) * 16
            svg += "<line x1=\"\(number(left + 10))\" y1=\"\(number(y - 4))\" x2=\"\(number(left + 30))\" y2=\"\(number(y - 4))\" stroke=\"\(escape(s.color))\" stroke-width=\"2\"/>"
            svg += "<text x=\"\(number(left + 36))\" y=\"\(number(y))\" font-size=\"11\">\(escape(s.label))</text>"
        }
        svg += tick(x: left, text: label(minX)) + tick(x: left + plotWidth, text: label(maxX))
        svg += "<text x=\"\(number(left - 6))\" y=\"\(number(top + 4))\" text-anchor=\"end\" font-size=\"11\">\(escape(label(maxY)))</text>"
        svg += "<text x=\"\(number(left - 6))\" y=\"\(number(top + plotHeight))\" text-anchor=\"end\" font-size=\"11\">\(escape(label(minY)))</text>"
        return svg + "</svg>"
    }

    /// A grid of cells shaded by value: `values[row][column]`, rows top to bottom. Each
    /// cell shows its value and, in its tooltip, the row and column labels.
    /// - Complexity: O(rows × columns).
    public static func heatMap(
        title: String, rowLabels: [String], columnLabels: [String], values: [[Double]], rowAxis: String, columnAxis: String
    ) -> String {
        let cell = 56.0
        let originX = left + 30, originY = top + 10
        let chartWidth = originX + Double(columnLabels.count) * cell + 20
        let chartHeight = originY + Double(rowLabels.count) * cell + 50
        let maxValue = max(values.flatMap { $0 }.max() ?? 0, 1e-12)
        var svg = open(width: chartWidth, height: chartHeight, title: title)
        for (r, rowLabel) in rowLabels.enumerated() {
            svg += "<text x=\"\(number(originX - 8))\" y=\"\(number(originY + Double(r) * cell + cell / 2 + 4))\" text-anchor=\"end\" font-size=\"12\">\(escape(rowLabel))</text>"
            for (c, columnLabel) in columnLabels.enumerated() {
                let v = r < values.count && c < values[r].count ? values[r][c] : 0
                let shade = Int((1 - max(0, v) / maxValue) * 200) + 30
                let x = originX + Double(c) * cell, y = originY + Double(r) * cell
                svg += "<rect class=\"cell\" x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(cell - 2))\" height=\"\(number(cell - 2))\" fill=\"rgb(\(shade),\(shade + 10 > 255 ? 255 : shade + 10),255)\"><title>\(escape("\(rowAxis) \(rowLabel), \(columnAxis) \(columnLabel): \(label(v))"))</title></rect>"
                svg += "<text x=\"\(number(x + cell / 2 - 1))\" y=\"\(number(y + cell / 2 + 4))\" text-anchor=\"middle\" font-size=\"11\">\(escape(label(v)))</text>"
            }
        }
        for (c, columnLabel) in columnLabels.enumerated() {
            svg += "<text x=\"\(number(originX + Double(c) * cell + cell / 2 - 1))\" y=\"\(number(originY + Double(rowLabels.count) * cell + 16))\" text-anchor=\"middle\" font-size=\"12\">\(escape(columnLabel))</text>"
        }
        svg += "<text x=\"\(number(originX + Double(columnLabels.count) * cell / 2))\" y=\"\(number(chartHeight - 8))\" text-anchor=\"middle\" font-size=\"12\">\(escape(columnAxis))</text>"
        svg += "<text x=\"14\" y=\"\(number(originY + Double(rowLabels.count) * cell / 2))\" font-size=\"12\" transform=\"rotate(-90 14 \(number(originY + Double(rowLabels.count) * cell / 2)))\" text-anchor=\"middle\">\(escape(rowAxis))</text>"
        return svg + "</svg>"
    }

    // MARK: Pieces

    static func open(width: Double, height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(number(width))\" height=\"\(number(height))\" viewBox=\"0 0 \(number(width)) \(number(height))\" font-family=\"sans-serif\">"
            + "<title>\(escape(title))</title>"
            + "<text x=\"10\" y=\"18\" font-size=\"14\" font-weight=\"bold\">\(escape(title))</text>"
    }

    static func axes(xLabel: String, yLabel: String) -> String {
        let x0 = left, y0 = height - bottom, x1 = width - right
        return "<line x1=\"\(number(x0))\" y1=\"\(number(y0))\" x2=\"\(number(x1))\" y2=\"\(number(y0))\" stroke=\"#333\"/>"
            + "<line x1=\"\(number(x0))\" y1=\"\(number(top))\" x2=\"\(number(x0))\" y2=\"\(number(y0))\" stroke=\"#333\"/>"
            + "<text x=\"\(number((x0 + x1) / 2))\" y=\"\(number(height - 8))\" text-anchor=\"middle\" font-size=\"12\">\(escape(xLabel))</text>"
            + "<text x=\"14\" y=\"\(number((top + y0) / 2))\" font-size=\"12\" transform=\"rotate(-90 14 \(number((top + y0) / 2)))\" text-anchor=\"middle\">\(escape(yLabel))</text>"
    }

    static func tick(x: Double, text: String) -> String {
        "<text x=\"\(number(x))\" y=\"\(number(height - bottom + 16))\" text-anchor=\"middle\" font-size=\"11\">\(escape(text))</text>"
    }

    /// `value` with at most two decimals, no exponent, no trailing zeros.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int64((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        return sign + String(whole) + "." + (fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction))
    }

    /// A compact label: thousands as `12.3k`, small numbers with up to two decimals.
    static func label(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1_000_000 { return number(value / 1_000_000) + "M" }
        if magnitude >= 10_000 { return number(value / 1_000) + "k" }
        if magnitude >= 100 { return number(value.rounded()) }
        if magnitude < 0.01, magnitude > 0 { return number(value * 1_000) + "e-3" }
        return number(value)
    }

    /// Text safe inside XML elements and attribute values (the HTML escaping of templates).
    public static func escape(_ text: String) -> String { TemplateEscaping.html.apply(text) }
}
