import PrecisionMarketing

/// `precision rules --input FILE [--min-support S] [--min-confidence C] [--max-length N]
/// [--currency CODE] [--format json|table]`: baskets are orders; frequent itemsets (FP-growth)
/// and association rules, strongest first (lift, then confidence, then ids).
enum RulesCommand {
    static func run(_ arguments: inout CommandLineArguments) throws {
        let path = try arguments.required("input")
        let minimumSupport = try arguments.double("min-support", default: 0.005, in: 0...1)
        let minimumConfidence = try arguments.double("min-confidence", default: 0.2, in: 0...1)
        var maximumLength: Int?
        if arguments.string("max-length") != nil {
            maximumLength = try arguments.int("max-length", default: 1, in: 1...AssociationRules.maximumItemsetLength)
        }
        let format = try arguments.format()
        let currency = try SnapshotLoading.currency(&arguments)
        try arguments.rejectUnknown()

        let (snapshot, report) = try SnapshotLoading.load(path: path, currency: currency)
        SnapshotLoading.warn(about: report)
        let baskets = BasketSet(snapshot: snapshot)
        let itemsets: FrequentItemsets
        let rules: AssociationRules
        do {
            itemsets = try FPGrowth(minimumSupport: minimumSupport, maximumLength: maximumLength).frequentItemsets(in: baskets)
            rules = try AssociationRules(itemsets: itemsets, minimumConfidence: minimumConfidence)
        } catch {
            throw UsageError(error.message)
        }
        switch format {
        case .json: writeJSON(itemsets, rules, snapshot: snapshot)
        case .table: writeTable(itemsets, rules, snapshot: snapshot)
        }
    }

    /// One object: the counts (as the reference tools report them), every itemset and every
    /// rule with full-precision measures; an infinite conviction is written as `null`.
    static func writeJSON(_ itemsets: FrequentItemsets, _ rules: AssociationRules, snapshot: CustomerSnapshot) {
        var out = ByteOutput()
        out.append("{\"baskets\":")
        out.append(itemsets.basketCount)
        out.append(",\"items\":")
        out.append(snapshot.itemCount)
        out.append(",\"min_support\":")
        out.appendJSONNumber(itemsets.minimumSupport)
        out.append(",\"minimum_count\":")
        out.append(itemsets.minimumCount)
        out.append(",\"min_confidence\":")
        out.appendJSONNumber(rules.minimumConfidence)
        out.append(",\"max_length\":")
        if let length = itemsets.maximumLength { out.append(length) } else { out.append("null") }
        out.append(",\"frequent_itemsets\":")
        out.append(itemsets.count)
        out.append(",\"itemsets_by_size\":{")
        for (k, size) in itemsets.countsBySize().keys.sorted().enumerated() {
            out.append(k == 0 ? "\"" : ",\"")
            out.append(size)
            out.append("\":")
            out.append(itemsets.countsBySize()[size] ?? 0)
        }
        out.append("},\"rules\":")
        out.append(rules.count)
        out.append(",\"itemsets\":[")
        for k in 0..<itemsets.count {
            out.append(k == 0 ? "\n{\"items\":" : ",\n{\"items\":")
            out.appendItemList(itemsets.items(at: k), snapshot: snapshot)
            out.append(",\"count\":")
            out.append(itemsets.counts[k])
            out.append(",\"support\":")
            out.appendJSONNumber(itemsets.support(at: k))
            out.append("}")
        }
        out.append("],\"association_rules\":[")
        for (k, rule) in rules.rules.enumerated() {
            out.append(k == 0 ? "\n{\"antecedent\":" : ",\n{\"antecedent\":")
            out.appendItemList(rule.antecedent, snapshot: snapshot)
            out.append(",\"consequent\":")
            out.appendItemList(rule.consequent, snapshot: snapshot)
            out.append(",\"count\":")
            out.append(rule.count)
            out.append(",\"support\":")
            out.appendJSONNumber(rule.support)
            out.append(",\"confidence\":")
            out.appendJSONNumber(rule.confidence)
            out.append(",\"lift\":")
            out.appendJSONNumber(rule.lift)
            out.append(",\"leverage\":")
            out.appendJSONNumber(rule.leverage)
            out.append(",\"conviction\":")
            out.appendJSONNumber(rule.conviction)
            out.append("}")
        }
        out.append("]}\n")
        StandardStreams.write(out.bytes)
    }

    /// A summary, then one row per rule (measures to 4 decimals).
    static func writeTable(_ itemsets: FrequentItemsets, _ rules: AssociationRules, snapshot: CustomerSnapshot) {
        var out = ByteOutput()
        let sizes = itemsets.countsBySize().sorted { $0.key < $1.key }.map { "\($0.value) of size \($0.key)" }
        out.append("\(itemsets.basketCount) baskets, \(snapshot.itemCount) items; min support \(itemsets.minimumSupport)")
        out.append(" (\(itemsets.minimumCount) baskets), min confidence \(rules.minimumConfidence)\n")
        out.append("\(itemsets.count) frequent itemsets (\(sizes.joined(separator: ", "))), \(rules.count) rules\n\n")
        let rows = rules.rules.map { rule in
            (rule, names(rule.antecedent, snapshot), names(rule.consequent, snapshot))
        }
        let left = max(10, rows.map(\.1.count).max() ?? 0)
        let right = max(10, rows.map(\.2.count).max() ?? 0)
        out.appendCell("antecedent", width: left)
        out.append("    ")
        out.appendCell("consequent", width: right)
        out.append("   support  confidence      lift  leverage  conviction\n")
        for (rule, antecedent, consequent) in rows {
            out.appendCell(antecedent, width: left)
            out.append(" -> ")
            out.appendCell(consequent, width: right)
            out.appendCell(DemoNumber.fixed(rule.support, decimals: 4), width: 10, rightAligned: true)
            out.appendCell(DemoNumber.fixed(rule.confidence, decimals: 4), width: 12, rightAligned: true)
            out.appendCell(DemoNumber.fixed(rule.lift, decimals: 4), width: 10, rightAligned: true)
            out.appendCell(DemoNumber.fixed(rule.leverage, decimals: 4), width: 10, rightAligned: true)
            out.appendCell(rule.conviction.isFinite ? DemoNumber.fixed(rule.conviction, decimals: 4) : "inf", width: 12, rightAligned: true)
            out.append("\n")
        }
        StandardStreams.write(out.bytes)
    }

    static func names(_ items: some Sequence<Int32>, _ snapshot: CustomerSnapshot) -> String {
        items.map { snapshot.itemIDs[Int($0)] }.joined(separator: ",")
    }
}

extension ByteOutput {
    /// `["id1","id2"]`.
    mutating func appendItemList(_ items: some Sequence<Int32>, snapshot: CustomerSnapshot) {
        append("[")
        var first = true
        for item in items {
            if !first { append(",") }
            first = false
            snapshot.itemIDs.withBytes(at: Int(item)) { appendJSONString($0) }
        }
        append("]")
    }
}
