import PrecisionMarketing

/// `precision recommend --input FILE [--k 10] [--neighbors 50] [--customers a,b,...]
/// [--currency CODE] [--format json|table]`: item-item recommendations per customer (cosine,
/// K nearest neighbours per item), already-bought items excluded.
enum RecommendCommand {
    static func run(_ arguments: inout CommandLineArguments) throws {
        let path = try arguments.required("input")
        let count = try arguments.int("k", default: 10, in: 1...10_000)
        let neighborCount = try arguments.int("neighbors", default: 50, in: 1...100_000)
        let wanted = arguments.string("customers").map { $0.split(separator: ",").map(String.init) }
        let format = try arguments.format()
        let currency = try SnapshotLoading.currency(&arguments)
        try arguments.rejectUnknown()

        let (snapshot, report) = try SnapshotLoading.load(path: path, currency: currency)
        SnapshotLoading.warn(about: report)
        let model: ItemItemRecommender
        let result: ItemRecommendations
        let customers: [Int32]
        do {
            model = try ItemItemRecommender(snapshot: snapshot, neighborCount: neighborCount)
            if let wanted {
                customers = try indices(of: wanted, in: snapshot)
                result = try model.recommend(forCustomers: customers.map(Int.init), count: count)
            } else {
                customers = Array(0..<Int32(snapshot.customerCount))
                result = try model.recommendAll(count: count)
            }
        } catch let error as RecommendationError {
            throw UsageError(error.message)
        }
        switch format {
        case .json: writeJSON(result, customers: customers, snapshot: snapshot, count: count, neighbors: neighborCount)
        case .table: writeTable(result, customers: customers, snapshot: snapshot)
        }
    }

    /// The snapshot indices of the given customer ids, in the order given; one scan of the ids.
    static func indices(of ids: [String], in snapshot: CustomerSnapshot) throws -> [Int32] {
        var position: [[UInt8]: Int32] = [:]
        for id in ids { position[Array(id.utf8)] = -1 }
        let table = snapshot.customerIDs
        for c in 0..<table.count {
            let key = Array(table.bytes[table.offsets[c]..<table.offsets[c + 1]])
            if position[key] == -1 { position[key] = Int32(c) }
        }
        return try ids.map { id in
            guard let c = position[Array(id.utf8)], c >= 0 else { throw UsageError("--customers: unknown customer '\(id)'") }
            return c
        }
    }

    /// `{"customers": n, "k": …, "neighbors": …, "results": [{"customer_id": …, "items": […],
    /// "scores": […]}, …]}`, one record per line, formatted on all cores.
    static func writeJSON(_ result: ItemRecommendations, customers: [Int32], snapshot: CustomerSnapshot, count: Int, neighbors: Int) {
        var head = ByteOutput()
        head.append("{\"customers\":")
        head.append(customers.count)
        head.append(",\"k\":")
        head.append(count)
        head.append(",\"neighbors\":")
        head.append(neighbors)
        head.append(",\"results\":[\n")
        StandardStreams.write(head.bytes)
        let n = customers.count
        let pieces = n < 20_000 ? 1 : 8
        let parts = ParallelLoop.map(pieces) { piece in
            let range = (n * piece / pieces)..<(n * (piece + 1) / pieces)
            var out = ByteOutput(capacity: range.count * (40 + count * 32))
            for row in range {
                out.append("{\"customer_id\":")
                snapshot.customerIDs.withBytes(at: Int(customers[row])) { out.appendJSONString($0) }
                out.append(",\"items\":")
                out.appendItemList(result.items(forCustomer: row), snapshot: snapshot)
                out.append(",\"scores\":[")
                for k in result.offsets[row]..<result.offsets[row + 1] {
                    if k > result.offsets[row] { out.append(",") }
                    out.appendJSONNumber(result.scores[k])
                }
                out.append(row + 1 == n ? "]}\n" : "]},\n")
            }
            return out.bytes
        }
        for part in parts { StandardStreams.write(part) }
        StandardStreams.write(Array("]}\n".utf8))
    }

    /// One line per customer: the id, then `item (score)` best first.
    static func writeTable(_ result: ItemRecommendations, customers: [Int32], snapshot: CustomerSnapshot) {
        var out = ByteOutput(capacity: 1 << 20)
        let width = max(11, (0..<min(customers.count, 1000)).map { snapshot.customerIDs.byteCount(at: Int(customers[$0])) }.max() ?? 0)
        out.appendCell("customer_id", width: width)
        out.append("  recommendations (score)\n")
        for row in 0..<customers.count {
            out.appendCell(snapshot.customerIDs[Int(customers[row])], width: width)
            out.append(" ")
            for k in result.offsets[row]..<result.offsets[row + 1] {
                out.append(" ")
                out.append(snapshot.itemIDs[Int(result.items[k])])
                out.append(" (")
                out.append(DemoNumber.fixed(result.scores[k], decimals: 4))
                out.append(")")
            }
            out.append("\n")
            if out.bytes.count > 1 << 20 {
                StandardStreams.write(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        StandardStreams.write(out.bytes)
    }
}
