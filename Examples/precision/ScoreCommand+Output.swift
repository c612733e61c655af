import PrecisionMarketing

extension ScoreCommand {
    /// `{"as_of":…,"customers":N,"indicators":[{"name":…,"weight":…,"min":…,"max":…}],
    /// "tiers":[…],"results":[{"customer_id":…,"recency":s,…,"score":…,"tier":…}]}`.
    static func writeJSON(_ result: ValueScoreResult, snapshot: CustomerSnapshot) {
        var head = ByteOutput()
        head.append("{\"as_of\":\"\(result.asOf)\",\"customers\":")
        head.append(result.count)
        head.append(",\"note\":")
        head.appendJSONString(note)
        head.append(",\"indicators\":[")
        for (k, indicator) in result.indicators.enumerated() {
            head.append(k == 0 ? "{\"name\":" : ",{\"name\":")
            head.appendJSONString(indicator.name)
            head.append(",\"weight\":")
            head.appendJSONNumber(result.weights[k])
            head.append(",\"min\":")
            head.appendJSONNumber(result.ranges[k].lowerBound)
            head.append(",\"max\":")
            head.appendJSONNumber(result.ranges[k].upperBound)
            head.append("}")
        }
        head.append("],\"tiers\":[")
        for (k, row) in tierRows(result).enumerated() {
            head.append(k == 0 ? "{\"tier\":\"" : ",{\"tier\":\"")
            head.append(row.tier.rawValue)
            head.append("\",\"customers\":")
            head.append(row.customers)
            head.append(",\"share\":")
            head.appendJSONNumber(row.share)
            head.append(",\"mean_score\":")
            head.appendJSONNumber(row.meanScore)
            head.append(",\"actions\":[")
            for (j, action) in (row.treatment?.actions ?? []).enumerated() {
                if j > 0 { head.append(",") }
                head.appendJSONString(action)
            }
            head.append("],\"goal\":")
            head.appendJSONOptional(row.treatment?.goal)
            head.append("}")
        }
        head.append("],\"results\":[\n")
        StandardStreams.write(head.bytes)

        let n = result.count
        let names = result.indicators.map { "\"\($0.name)\":" }
        let pieces = n < 20_000 ? 1 : 4
        let bounds = (0...pieces).map { n * $0 / pieces }
        let parts = ParallelLoop.map(pieces) { piece in
            var out = ByteOutput(capacity: (bounds[piece + 1] - bounds[piece]) * 160)
            snapshot.customerIDs.bytes.withUnsafeBufferPointer { idBytes in
                for i in bounds[piece]..<bounds[piece + 1] {
                    let c = Int(result.customers[i])
                    out.append("{\"customer_id\":")
                    out.appendJSONString(UnsafeBufferPointer(
                        rebasing: idBytes[snapshot.customerIDs.offsets[c]..<snapshot.customerIDs.offsets[c + 1]]))
                    for k in names.indices {
                        out.append(",")
                        out.append(names[k])
                        out.appendJSONNumber(result.subScores[k][i])
                    }
                    out.append(",\"score\":")
                    out.appendJSONNumber(result.scores[i])
                    out.append(",\"tier\":\"")
                    out.append(result.tiers[i].rawValue)
                    out.append(i + 1 == n ? "\"}\n" : "\"},\n")
                }
            }
            return out.bytes
        }
        for part in parts { StandardStreams.write(part) }
        StandardStreams.write(Array("]}\n".utf8))
    }

    /// The weights used, the tier summary with treatments, then one row per customer.
    static func writeTable(_ result: ValueScoreResult, snapshot: CustomerSnapshot) {
        var out = ByteOutput()
        out.append("Value score as of \(result.asOf), \(result.count) customers\n")
        out.append("note: \(note)\n")
        out.append("weights used: ")
        out.append(result.indicators.indices.map {
            "\(result.indicators[$0].name) \(DemoNumber.fixed(result.weights[$0], decimals: 4))"
        }.joined(separator: ", "))
        out.append("\n\n")
        out.appendTierTable(tierRows(result))
        out.append("\n")

        let idWidth = max(11, (0..<min(result.count, 1000)).map { snapshot.customerIDs.byteCount(at: Int(result.customers[$0])) }.max() ?? 0)
        out.appendCell("customer_id", width: idWidth)
        for indicator in result.indicators { out.appendCell(indicator.name, width: 11, rightAligned: true) }
        out.append("   score  tier\n")
        StandardStreams.write(out.bytes)
        var chunk = ByteOutput(capacity: 1 << 20)
        for i in 0..<result.count {
            chunk.appendCell(snapshot.customerIDs[Int(result.customers[i])], width: idWidth)
            for k in result.indicators.indices {
                chunk.appendCell(DemoNumber.fixed(result.subScores[k][i], decimals: 3), width: 11, rightAligned: true)
            }
            chunk.appendCell(DemoNumber.fixed(result.scores[i], decimals: 3), width: 8, rightAligned: true)
            chunk.append("  \(result.tiers[i].rawValue)\n")
            if chunk.bytes.count > 1 << 20 {
                StandardStreams.write(chunk.bytes)
                chunk.bytes.removeAll(keepingCapacity: true)
            }
        }
        StandardStreams.write(chunk.bytes)
    }
}

extension ByteOutput {
    /// Tier, customers, share, mean score and the playbook's actions and goal, aligned.
    mutating func appendTierTable(_ rows: [ScoreCommand.TierRow]) {
        appendCell("tier", width: 8)
        appendCell("customers", width: 10, rightAligned: true)
        appendCell("share", width: 8, rightAligned: true)
        appendCell("mean score", width: 11, rightAligned: true)
        append("  treatment\n")
        for row in rows {
            appendCell(row.tier.rawValue, width: 8)
            appendCell(String(row.customers), width: 10, rightAligned: true)
            appendCell(DemoNumber.percent(row.share), width: 8, rightAligned: true)
            appendCell(DemoNumber.fixed(row.meanScore, decimals: 2), width: 11, rightAligned: true)
            append("  ")
            append(row.treatment.map { "\($0.actions.joined(separator: ", ")) (\($0.goal))" } ?? "(none)")
            append("\n")
        }
    }
}
