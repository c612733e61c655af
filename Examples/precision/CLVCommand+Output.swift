import PrecisionMarketing

extension CLVCommand {
    /// One JSON object: the fits, the CLV rule, the holdout totals, and `results`, one record
    /// per line (formatted on all cores). Numbers are written in full (shortest round-trip).
    static func writeJSON(_ report: Report) {
        var head = ByteOutput()
        head.append("{\"model\":\"\(report.model)\",\"unit\":\"\(report.unit.rawValue)\",\"customers\":")
        head.append(report.summary.count)
        head.append(",\"calibration_end\":")
        head.appendJSONOptional(report.calibrationEnd?.description)
        head.append(",\"holdout_end\":")
        head.appendJSONOptional(report.holdoutEnd?.description)
        head.append(",\"horizon\":")
        head.appendJSONNumber(report.horizon)
        head.append(",\"purchase_model\":")
        head.appendFit(report.purchaseFit)
        if let spendFit = report.spendFit {
            head.append(",\"spend_model\":")
            head.appendFit(spendFit)
            head.append(",\"spend_model_excluded_zero_spend\":")
            head.append(report.spendExcluded)
        }
        if let discounting = report.discounting {
            head.append(",\"clv_rule\":")
            head.appendJSONString(discounting)
        }
        if let holdout = report.holdout {
            head.append(",\"holdout\":{\"duration\":")
            head.appendJSONNumber(holdout.holdoutDuration)
            head.append(",\"actual_purchases\":")
            head.appendJSONNumber(holdout.totalActual)
            head.append(",\"expected_purchases\":")
            head.appendJSONNumber(holdout.totalPredicted)
            head.append(",\"mae\":")
            head.appendJSONNumber(holdout.meanAbsoluteError)
            head.append(",\"rmse\":")
            head.appendJSONNumber(holdout.rootMeanSquaredError)
            head.append(",\"by_frequency\":[")
            for (k, row) in holdout.rows.enumerated() {
                head.append(k == 0 ? "{\"frequency\":" : ",{\"frequency\":")
                head.append(row.frequency)
                head.append(",\"or_more\":\(row.includesHigherFrequencies),\"customers\":")
                head.append(row.customers)
                head.append(",\"mean_actual\":")
                head.appendJSONNumber(row.meanActual)
                head.append(",\"mean_expected\":")
                head.appendJSONNumber(row.meanPredicted)
                head.append("}")
            }
            head.append("]}")
        }
        head.append(",\"results\":[\n")
        StandardStreams.write(head.bytes)

        let s = report.summary
        let n = s.count
        let pieces = n < 20_000 ? 1 : 4
        let bounds = (0...pieces).map { n * $0 / pieces }
        let parts = ParallelLoop.map(pieces) { piece in
            var out = ByteOutput(capacity: (bounds[piece + 1] - bounds[piece]) * 200)
            for i in bounds[piece]..<bounds[piece + 1] {
                out.append("{\"customer_id\":")
                out.appendJSONString(s.customerIDs[i])
                out.append(",\"frequency\":")
                out.appendJSONNumber(s.frequency[i])
                out.append(",\"recency\":")
                out.appendJSONNumber(s.recency[i])
                out.append(",\"T\":")
                out.appendJSONNumber(s.age[i])
                out.append(",\"p_alive\":")
                out.appendJSONNumber(report.pAlive[i])
                out.append(",\"expected_purchases\":")
                out.appendJSONNumber(report.expectedPurchases[i])
                if let holdout = s.holdoutFrequency {
                    out.append(",\"holdout_purchases\":")
                    out.appendJSONNumber(holdout[i])
                }
                if let spend = report.expectedSpend, let clv = report.lifetimeValue {
                    out.append(",\"expected_average_spend\":")
                    out.appendJSONNumber(spend[i])
                    out.append(",\"clv\":")
                    out.appendJSONNumber(clv[i])
                }
                out.append(i + 1 == n ? "}\n" : "},\n")
            }
            return out.bytes
        }
        for part in parts { StandardStreams.write(part) }
        StandardStreams.write(Array("]}\n".utf8))
    }

    /// The fits and totals, then one aligned row per customer.
    static func writeTable(_ report: Report) {
        var out = ByteOutput()
        let s = report.summary
        out.append("\(["mbgnbd": "MBG/NBD", "paretonbd": "Pareto/NBD"][report.model] ?? "BG/NBD") on \(s.count) customers, times in \(report.unit.rawValue)s")
        if let end = report.calibrationEnd { out.append(", calibration to \(end)") }
        if let end = report.holdoutEnd { out.append(", holdout to \(end)") }
        out.append("\n\n")
        out.appendFitTable("purchase model", report.purchaseFit)
        if let spendFit = report.spendFit {
            let note = report.spendExcluded > 0 ? ", \(report.spendExcluded) zero-spend repeat buyers left out of the fit" : ""
            out.appendFitTable("spend model (Gamma-Gamma\(note))", spendFit)
        }
        if let holdout = report.holdout {
            out.append("holdout (\(DemoNumber.fixed(holdout.holdoutDuration, decimals: 2)) \(report.unit.rawValue)s): ")
            out.append("actual purchases \(DemoNumber.fixed(holdout.totalActual, decimals: 0)), ")
            out.append("expected \(DemoNumber.fixed(holdout.totalPredicted, decimals: 1)), ")
            out.append("per customer MAE \(DemoNumber.fixed(holdout.meanAbsoluteError, decimals: 4)), ")
            out.append("RMSE \(DemoNumber.fixed(holdout.rootMeanSquaredError, decimals: 4))\n")
            out.appendCell("  calibration frequency", width: 24)
            for title in ["customers", "mean actual", "mean expected"] { out.appendCell(title, width: 15, rightAligned: true) }
            out.append("\n")
            for row in holdout.rows {
                out.appendCell("  \(row.frequency)\(row.includesHigherFrequencies ? "+" : "")", width: 24)
                out.appendCell(String(row.customers), width: 15, rightAligned: true)
                out.appendCell(DemoNumber.fixed(row.meanActual, decimals: 3), width: 15, rightAligned: true)
                out.appendCell(DemoNumber.fixed(row.meanPredicted, decimals: 3), width: 15, rightAligned: true)
                out.append("\n")
            }
        }
        out.append("expected_purchases over the next \(DemoNumber.fixed(report.horizon, decimals: 2)) \(report.unit.rawValue)s\n")
        if let rule = report.discounting { out.append("clv: \(rule)\n") }
        out.append("\n")

        let idWidth = max(11, s.customerIDs.prefix(1000).map(\.utf8.count).max() ?? 0)
        var columns: [(String, Int)] = [("frequency", 10), ("recency", 10), ("T", 10), ("p_alive", 9), ("expected_purchases", 19)]
        if s.holdoutFrequency != nil { columns.append(("holdout_purchases", 18)) }
        if report.lifetimeValue != nil { columns += [("expected_average_spend", 23), ("clv", 12)] }
        out.appendCell("customer_id", width: idWidth)
        for (title, width) in columns { out.appendCell(title, width: width, rightAligned: true) }
        out.append("\n")
        StandardStreams.write(out.bytes)

        var chunk = ByteOutput(capacity: 1 << 20)
        for i in 0..<s.count {
            chunk.appendCell(s.customerIDs[i], width: idWidth)
            var cells = [
                DemoNumber.fixed(s.frequency[i], decimals: 0), DemoNumber.fixed(s.recency[i], decimals: 2),
                DemoNumber.fixed(s.age[i], decimals: 2), DemoNumber.fixed(report.pAlive[i], decimals: 4),
                DemoNumber.fixed(report.expectedPurchases[i], decimals: 4),
            ]
            if let holdout = s.holdoutFrequency { cells.append(DemoNumber.fixed(holdout[i], decimals: 0)) }
            if let spend = report.expectedSpend, let clv = report.lifetimeValue {
                cells += [DemoNumber.fixed(spend[i], decimals: 2), DemoNumber.fixed(clv[i], decimals: 2)]
            }
            for (k, cell) in cells.enumerated() { chunk.appendCell(cell, width: columns[k].1, rightAligned: true) }
            chunk.append("\n")
            if chunk.bytes.count > 1 << 20 {
                StandardStreams.write(chunk.bytes)
                chunk.bytes.removeAll(keepingCapacity: true)
            }
        }
        StandardStreams.write(chunk.bytes)
    }
}

extension ByteOutput {
    /// A JSON number in Swift's shortest round-trip form (`0.1`, `1e-05`); `null` when not finite.
    mutating func appendJSONNumber(_ value: Double) {
        if value.isFinite { append(value.description) } else { append("null") }
    }

    /// A JSON string, or `null`.
    mutating func appendJSONOptional(_ text: String?) {
        if let text { appendJSONString(text) } else { append("null") }
    }

    /// `{"parameters":{"r":{"value":…,"standard_error":…},…},"log_likelihood":…,…}`.
    mutating func appendFit(_ fit: ParameterEstimates?) {
        guard let fit else { return append("null") }
        append("{\"parameters\":{")
        for (k, name) in fit.names.enumerated() {
            if k > 0 { append(",") }
            appendJSONString(name)
            append(":{\"value\":")
            appendJSONNumber(fit.values[k])
            append(",\"standard_error\":")
            if let errors = fit.standardErrors { appendJSONNumber(errors[k]) } else { append("null") }
            append("}")
        }
        append("},\"log_likelihood\":")
        appendJSONNumber(fit.logLikelihood)
        append(",\"customers\":")
        append(fit.customerCount)
        append(",\"converged\":\(fit.convergence.converged),\"stop_reason\":\"\(fit.convergence.reason)\",\"iterations\":")
        append(fit.convergence.iterations)
        append(",\"gradient_norm\":")
        appendJSONNumber(fit.convergence.gradientNorm)
        append("}")
    }

    /// The parameters with standard errors, the log-likelihood and the convergence, as text.
    mutating func appendFitTable(_ title: String, _ fit: ParameterEstimates?) {
        guard let fit else { return }
        append("\(title): log-likelihood \(DemoNumber.fixed(fit.logLikelihood, decimals: 4)), \(fit.customerCount) customers, \(fit.convergence)\n")
        appendCell("parameter", width: 10)
        appendCell("estimate", width: 16, rightAligned: true)
        appendCell("std. error", width: 16, rightAligned: true)
        append("\n")
        for (k, name) in fit.names.enumerated() {
            appendCell(name, width: 10)
            appendCell(DemoNumber.fixed(fit.values[k], decimals: 6), width: 16, rightAligned: true)
            appendCell(fit.standardErrors.map { DemoNumber.fixed($0[k], decimals: 6) } ?? "n/a", width: 16, rightAligned: true)
            append("\n")
        }
        append("\n")
    }
}
