import PrecisionMarketing

/// `precision rfm --input FILE [--as-of YYYY-MM-DD] [--currency CODE] [--format json|table]`
enum RFMCommand {
    static func run(_ arguments: inout CommandLineArguments) throws {
        let path = try arguments.required("input")
        let asOf = try arguments.day("as-of")
        let format = try arguments.format()
        let currency = try SnapshotLoading.currency(&arguments)
        try arguments.rejectUnknown()

        let (snapshot, report) = try SnapshotLoading.load(path: path, currency: currency)
        SnapshotLoading.warn(about: report)
        let result: RFMResult
        do {
            result = try RFMAnalysis().run(on: snapshot, asOf: asOf)
        } catch {
            throw UsageError(error.message)
        }
        switch format {
        case .json: writeJSON(result, snapshot: snapshot)
        case .table: writeTable(result, snapshot: snapshot)
        }
    }

    /// `{"as_of": "...", "customers": N, "results": [{...}, ...]}`, one record per line,
    /// formatted on all cores.
    static func writeJSON(_ result: RFMResult, snapshot: CustomerSnapshot) {
        var head = ByteOutput()
        head.append("{\"as_of\":\"")
        head.append(result.asOf.description)
        head.append("\",\"currency\":\"")
        head.append(result.currency.code)
        head.append("\",\"customers\":")
        head.append(result.count)
        head.append(",\"results\":[\n")
        StandardStreams.write(head.bytes)
        let pieces = result.count < 20_000 ? 1 : 4
        let bounds = (0...pieces).map { result.count * $0 / pieces }
        let digits = result.currency.minorUnitDigits
        let parts = ParallelLoop.map(pieces) { piece in
            var out = ByteOutput(capacity: (bounds[piece + 1] - bounds[piece]) * 140)
            snapshot.customerIDs.bytes.withUnsafeBufferPointer { idBytes in
                for i in bounds[piece]..<bounds[piece + 1] {
                    let c = Int(result.customers[i])
                    out.append("{\"customer_id\":")
                    out.appendJSONString(UnsafeBufferPointer(
                        rebasing: idBytes[snapshot.customerIDs.offsets[c]..<snapshot.customerIDs.offsets[c + 1]]))
                    out.append(",\"recency_days\":")
                    out.append(Int(result.recencyDays[i]))
                    out.append(",\"frequency\":")
                    out.append(Int(result.frequency[i]))
                    out.append(",\"monetary\":")
                    out.append(minorUnits: result.monetaryMinorUnits[i], digits: digits)
                    out.append(",\"r\":")
                    out.append(Int(result.r[i]))
                    out.append(",\"f\":")
                    out.append(Int(result.f[i]))
                    out.append(",\"m\":")
                    out.append(Int(result.m[i]))
                    out.append(",\"segment\":\"")
                    out.append(result.segments[i].rawValue)
                    out.append(i + 1 == result.count ? "\"}\n" : "\"},\n")
                }
            }
            return out.bytes
        }
        for part in parts { StandardStreams.write(part) }
        StandardStreams.write(Array("]}\n".utf8))
    }

    /// A segment summary, then one aligned row per customer.
    static func writeTable(_ result: RFMResult, snapshot: CustomerSnapshot) {
        var out = ByteOutput()
        out.append("RFM as of \(result.asOf), \(result.count) customers\n\n")
        out.appendCell("segment", width: 20)
        out.appendCell("customers", width: 10, rightAligned: true)
        out.append("\n")
        for (segment, customers) in result.segmentCounts() {
            out.appendCell(segment.rawValue, width: 20)
            out.appendCell(String(customers), width: 10, rightAligned: true)
            out.append("\n")
        }
        out.append("\n")
        let idWidth = max(11, (0..<min(result.count, 1000)).map { snapshot.customerIDs.byteCount(at: Int(result.customers[$0])) }.max() ?? 0)
        out.appendCell("customer_id", width: idWidth)
        out.append("  recency_days  frequency      monetary  r  f  m  segment\n")
        StandardStreams.write(out.bytes)
        var chunk = ByteOutput(capacity: 1 << 20)
        let digits = result.currency.minorUnitDigits
        for i in 0..<result.count {
            let c = Int(result.customers[i])
            chunk.appendCell(snapshot.customerIDs[c], width: idWidth)
            chunk.appendCell(String(result.recencyDays[i]), width: 14, rightAligned: true)
            chunk.appendCell(String(result.frequency[i]), width: 11, rightAligned: true)
            chunk.appendCell(DecimalParser.format(minorUnits: result.monetaryMinorUnits[i], digits: digits), width: 14, rightAligned: true)
            chunk.append("  \(result.r[i])  \(result.f[i])  \(result.m[i])  \(result.segments[i].rawValue)\n")
            if chunk.bytes.count > 1 << 20 {
                StandardStreams.write(chunk.bytes)
                chunk.bytes.removeAll(keepingCapacity: true)
            }
        }
        StandardStreams.write(chunk.bytes)
    }
}
