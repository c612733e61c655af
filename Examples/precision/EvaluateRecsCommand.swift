import PrecisionMarketing

/// `precision evaluate-recs --input FILE --split-date D [--k 10] [--neighbors 50]
/// [--min-support S] [--min-confidence C] [--currency CODE] [--format json|table]`: trains
/// every recommender on the orders before the split date and judges its top k against the
/// new items customers bought from that date on.
enum EvaluateRecsCommand {
    static func run(_ arguments: inout CommandLineArguments) throws {
        let path = try arguments.required("input")
        guard let splitDay = try arguments.day("split-date") else { throw UsageError("option --split-date is required") }
        let k = try arguments.int("k", default: 10, in: 1...1_000)
        let neighborCount = try arguments.int("neighbors", default: 50, in: 1...100_000)
        let minimumSupport = try arguments.double("min-support", default: 0.001, in: 0...1)
        let minimumConfidence = try arguments.double("min-confidence", default: 0.1, in: 0...1)
        let format = try arguments.format()
        let currency = try SnapshotLoading.currency(&arguments)
        try arguments.rejectUnknown()

        let (snapshot, report) = try SnapshotLoading.load(path: path, currency: currency)
        SnapshotLoading.warn(about: report)
        var rows: [(String, RecommendationMetrics)] = []
        do {
            let split = TemporalSplit(snapshot: snapshot, splitDay: splitDay)
            let popular = try PopularityRecommender(matrix: split.training).recommendAll(count: k)
            let cf = try ItemItemRecommender(matrix: split.training, neighborCount: neighborCount).recommendAll(count: k)
            let itemsets = try FPGrowth(minimumSupport: minimumSupport, maximumLength: 4).frequentItemsets(in: split.trainingBaskets)
            let rules = try AssociationRules(itemsets: itemsets, minimumConfidence: minimumConfidence)
            let fromRules = try AssociationRuleRecommender(rules: rules).recommendAll(matrix: split.training, count: k)
            for (name, lists) in [
                ("popularity", popular),
                ("item-item cf", cf),
                ("item-item cf + popularity", try cf.filled(from: popular)),
                ("association rules (\(rules.count))", fromRules),
                ("association rules + popularity", try fromRules.filled(from: popular)),
            ] {
                rows.append((name, try RecommendationMetrics(evaluating: lists, on: split, k: k)))
            }
        } catch {
            throw UsageError(error.message)
        }
        switch format {
        case .json: writeJSON(rows, splitDay: splitDay, k: k)
        case .table: writeTable(rows, splitDay: splitDay, k: k)
        }
    }

    static func writeJSON(_ rows: [(String, RecommendationMetrics)], splitDay: CalendarDay, k: Int) {
        var out = ByteOutput()
        out.append("{\"split_date\":\"\(splitDay)\",\"k\":")
        out.append(k)
        out.append(",\"customers\":")
        out.append(rows.first?.1.customers ?? 0)
        out.append(",\"methods\":[")
        for (n, (name, m)) in rows.enumerated() {
            out.append(n == 0 ? "\n{\"method\":" : ",\n{\"method\":")
            out.appendJSONString(name)
            for (key, value) in [
                ("precision", m.precision), ("recall", m.recall), ("map", m.meanAveragePrecision), ("ndcg", m.ndcg),
                ("hit_rate", m.hitRate), ("coverage", m.coverage), ("novelty", m.novelty),
            ] {
                out.append(",\"\(key)\":")
                out.appendJSONNumber(value)
            }
            out.append("}")
        }
        out.append("]}\n")
        StandardStreams.write(out.bytes)
    }

    static func writeTable(_ rows: [(String, RecommendationMetrics)], splitDay: CalendarDay, k: Int) {
        var out = ByteOutput()
        out.append("trained before \(splitDay); \(rows.first?.1.customers ?? 0) customers with new items from then on; k = \(k)\n\n")
        let width = max(6, rows.map(\.0.count).max() ?? 0)
        out.appendCell("method", width: width)
        out.append("  precision     recall        map       ndcg   hit rate   coverage    novelty\n")
        for (name, m) in rows {
            out.appendCell(name, width: width)
            for value in [m.precision, m.recall, m.meanAveragePrecision, m.ndcg, m.hitRate, m.coverage] {
                out.appendCell(DemoNumber.fixed(value, decimals: 4), width: 11, rightAligned: true)
            }
            out.appendCell(DemoNumber.fixed(m.novelty, decimals: 2), width: 11, rightAligned: true)
            out.append("\n")
        }
        StandardStreams.write(out.bytes)
    }
}
