import PrecisionMarketing

/// `precision recommend --input FILE [--k 10] [--neighbors 50] [--customers a,b,...]
/// [--catalog FILE [--per-category M] [--as-of D]] [--currency CODE] [--format json|table]`:
/// item-item recommendations per customer (cosine, K nearest neighbours per item),
/// already-bought items excluded. With a catalogue, lists are filled by a fallback chain (CF,
/// then popular items of the customer's favourite categories, then overall popularity) with
/// at most M items per category, and each entry names its source.
enum RecommendCommand {
    /// One list per requested customer, back to back, with each entry's source when known.
    struct Rows {
        var offsets: [Int]
        var items: [Int32]
        var scores: [Double]
        var levels: [FallbackLevel]?
    }

    static func run(_ arguments: inout CommandLineArguments) throws {
        let path = try arguments.required("input")
        let count = try arguments.int("k", default: 10, in: 1...10_000)
        let neighborCount = try arguments.int("neighbors", default: 50, in: 1...100_000)
        let wanted = arguments.string("customers").map { $0.split(separator: ",").map(String.init) }
        let catalogPath = arguments.string("catalog")
        let perCategory = try arguments.int("per-category", default: 3, in: 1...10_000)
        let asOfOption = try arguments.day("as-of")
        let format = try arguments.format()
        let currency = try SnapshotLoading.currency(&arguments)
        try arguments.rejectUnknown()
        if catalogPath == nil, asOfOption != nil { throw UsageError("--as-of needs --catalog (it dates the category affinity)") }

        let (snapshot, report) = try SnapshotLoading.load(path: path, currency: currency)
        SnapshotLoading.warn(about: report)
        let catalog = try catalogPath.map(loadCatalog)
        let rows: Rows
        let customers: [Int32]
        do {
            let model = try ItemItemRecommender(snapshot: snapshot, neighborCount: neighborCount)
            customers = try wanted.map { try indices(of: $0, in: snapshot) } ?? Array(0..<Int32(snapshot.customerCount))
            if let catalog {
                let asOf = asOfOption ?? snapshot.dayRange.map { $0.upperBound.adding(days: 1) } ?? CalendarDay(dayNumber: 0)
                let overall = try PopularityRecommender(matrix: model.matrix)
                let affinity = try CategoryAffinityAnalysis().run(snapshot: snapshot, catalog: catalog, asOf: asOf)
                let recommender = try FallbackChainRecommender(
                    chain: FallbackChain(levels: [.collaborativeFiltering, .categoryAffinity, .overallPopularity], maximumPerCategory: perCategory),
                    matrix: model.matrix, itemItem: model,
                    affinityPopularity: try AffinityPopularity(affinity: affinity, popularity: overall, itemCategories: catalog.categoryIndices(for: snapshot)),
                    overall: overall)
                if wanted != nil {
                    var built = Rows(offsets: [0], items: [], scores: [], levels: [])
                    for c in customers {
                        for entry in try recommender.recommend(forCustomer: Int(c), count: count) {
                            built.items.append(entry.item)
                            built.scores.append(entry.score)
                            built.levels?.append(level(of: entry.source))
                        }
                        built.offsets.append(built.items.count)
                    }
                    rows = built
                } else {
                    let all = try recommender.recommendAll(count: count)
                    rows = Rows(offsets: all.recommendations.offsets, items: all.recommendations.items, scores: all.recommendations.scores, levels: all.levels)
                }
            } else {
                let result = wanted != nil
                    ? try model.recommend(forCustomers: customers.map(Int.init), count: count) : try model.recommendAll(count: count)
                rows = Rows(offsets: result.offsets, items: result.items, scores: result.scores, levels: nil)
            }
        } catch let error as RecommendationError {
            throw UsageError(error.message)
        }
        switch format {
        case .json: writeJSON(rows, customers: customers, snapshot: snapshot, count: count, neighbors: neighborCount)
        case .table: writeTable(rows, customers: customers, snapshot: snapshot)
        }
    }

    /// The catalogue of `path`: JSON Lines for `.jsonl`/`.json`, CSV otherwise; rejections are
    /// reported on standard error.
    static func loadCatalog(path: String) throws -> ItemCatalog {
        let bytes = try FileInput.readAll(path: path)
        let imported: ItemCatalogImport
        if path.hasSuffix(".jsonl") || path.hasSuffix(".json") {
            imported = ItemCatalog.parseJSONLines(bytes)
        } else {
            do { imported = try ItemCatalog.parseCSV(bytes) } catch { throw UsageError("\(path): \(error.message)") }
        }
        if imported.report.rowsRejected > 0 {
            StandardStreams.error("\(path): \(imported.report.rowsRejected) of \(imported.report.rowsRead) catalogue rows rejected:")
            for rejection in imported.report.rejections.prefix(5) { StandardStreams.error("  \(rejection)") }
        }
        guard imported.catalog.count > 0 else { throw UsageError("\(path): the catalogue has no valid item") }
        return imported.catalog
    }

    /// The chain level an explanation comes from.
    static func level(of source: RecommendationSource) -> FallbackLevel {
        switch source {
        case .collaborativeFiltering: return .collaborativeFiltering
        case .associationRule: return .associationRules
        case .categoryAffinity: return .categoryAffinity
        case .segmentPopularity: return .segmentPopularity
        case .regionPopularity: return .regionPopularity
        case .replenishment: return .replenishment
        case .popularity: return .overallPopularity
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
    /// "scores": […]}, …]}` (with a catalogue also `"sources": […]`), one record per line,
    /// formatted on all cores.
    static func writeJSON(_ result: Rows, customers: [Int32], snapshot: CustomerSnapshot, count: Int, neighbors: Int) {
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
                out.appendItemList(result.items[result.offsets[row]..<result.offsets[row + 1]], snapshot: snapshot)
                out.append(",\"scores\":[")
                for k in result.offsets[row]..<result.offsets[row + 1] {
                    if k > result.offsets[row] { out.append(",") }
                    out.appendJSONNumber(result.scores[k])
                }
                if let levels = result.levels {
                    out.append("],\"sources\":[")
                    for k in result.offsets[row]..<result.offsets[row + 1] {
                        if k > result.offsets[row] { out.append(",") }
                        out.append("\"")
                        out.append(levels[k].rawValue)
                        out.append("\"")
                    }
                }
                out.append(row + 1 == n ? "]}\n" : "]},\n")
            }
            return out.bytes
        }
        for part in parts { StandardStreams.write(part) }
        StandardStreams.write(Array("]}\n".utf8))
    }

    /// One line per customer: the id, then `item (score)` best first (with a catalogue
    /// `item (score, source)`).
    static func writeTable(_ result: Rows, customers: [Int32], snapshot: CustomerSnapshot) {
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
                if let levels = result.levels {
                    out.append(", ")
                    out.append(levels[k].rawValue)
                }
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
