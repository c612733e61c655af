import PrecisionMarketing

/// `precision segment --input FILE --definition FILE.json [--segment ID] [--as-of D]
/// [--explain ID] [--profiles FILE.jsonl] [--interactions FILE.jsonl] [--categories FILE.csv]
/// [--currency CODE] [--format json|table]`
///
/// The definition file holds one definition, or an array of definitions that may refer to
/// each other (then `--segment` picks one; default the last). Profiles and interactions are
/// JSON Lines as the library imports them; categories a CSV `item_id,category_id`.
enum SegmentCommand {
    static func run(_ arguments: inout CommandLineArguments) throws {
        let path = try arguments.required("input")
        let definitionPath = try arguments.required("definition")
        let chosen = arguments.string("segment")
        let asOf = try arguments.day("as-of")
        let explainID = arguments.string("explain")
        let profilesPath = arguments.string("profiles")
        let interactionsPath = arguments.string("interactions")
        let categoriesPath = arguments.string("categories")
        let format = try arguments.format()
        let currency = try SnapshotLoading.currency(&arguments)
        try arguments.rejectUnknown()

        let catalog = try loadCatalog(path: definitionPath)
        let segmentID = chosen ?? catalog.ids[catalog.ids.count - 1]
        guard catalog[segmentID] != nil else {
            throw UsageError("\(definitionPath): no segment '\(segmentID)'; it has \(catalog.ids.joined(separator: ", "))")
        }
        let (snapshot, report) = try SnapshotLoading.load(path: path, currency: currency)
        SnapshotLoading.warn(about: report)
        var inputs = SegmentInputs()
        if let profilesPath {
            let result = JSONLinesCustomerImporter().parse(try FileInput.readAll(path: profilesPath))
            SnapshotLoading.warn(about: result.report)
            inputs.profiles = result.records
        }
        if let interactionsPath {
            let result = JSONLinesInteractionImporter().parse(try FileInput.readAll(path: interactionsPath))
            SnapshotLoading.warn(about: result.report)
            inputs.interactions = result.records
        }
        if let categoriesPath { inputs.itemCategories = try loadCategories(path: categoriesPath) }
        let population: SegmentPopulation
        do {
            population = try SegmentPopulation(snapshot: snapshot, asOf: asOf, inputs: inputs)
        } catch {
            throw UsageError(error.message)
        }
        let evaluator: SegmentEvaluator
        do {
            evaluator = try SegmentEvaluator(catalog: catalog, segmentID: segmentID, population: population)
        } catch {
            throw UsageError("\(definitionPath): \(error.description)")
        }
        if let explainID {
            guard let index = population.makeCustomerIndex()[CustomerID(explainID)],
                  let explanation = evaluator.explain(customerIndex: index)
            else { throw UsageError("no customer '\(explainID)' in the input") }
            writeExplanation(explanation, customer: explainID, segmentID: segmentID, asOf: population.asOf, format: format)
            return
        }
        let members = evaluator.members()
        switch format {
        case .json: writeJSON(members, population: population)
        case .table: writeTable(members, population: population)
        }
    }

    static func loadCatalog(path: String) throws -> SegmentCatalog {
        let bytes = try FileInput.readAll(path: path)
        do {
            let json = try SegmentJSON.parse(bytes)
            var definitions: [SegmentDefinition] = []
            if case .array(let items) = json {
                for (i, item) in items.enumerated() { definitions.append(try SegmentDefinition(jsonValue: item, path: "$[\(i)]")) }
            } else {
                definitions.append(try SegmentDefinition(jsonValue: json))
            }
            guard !definitions.isEmpty else { throw UsageError("\(path): no segment definition") }
            return try SegmentCatalog(definitions)
        } catch let error as SegmentDefinitionError {
            throw UsageError("\(path): \(error.description)")
        }
    }

    /// `item_id,category_id` with a header line.
    static func loadCategories(path: String) throws -> [ItemID: CategoryID] {
        let text = String(decoding: try FileInput.readAll(path: path), as: UTF8.self)
        var categories: [ItemID: CategoryID] = [:]
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() where number > 0 {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw UsageError("\(path) line \(number + 1): expected item_id,category_id")
            }
            categories[ItemID(String(fields[0]))] = CategoryID(String(fields[1]))
        }
        return categories
    }

    /// `{"segment": id, "as_of": D, "population": N, "members": M, "customers": [ids]}`.
    static func writeJSON(_ members: SegmentMembers, population: SegmentPopulation) {
        var out = ByteOutput(capacity: members.count * 12 + 256)
        out.append("{\"segment\":")
        out.appendJSONString(members.segmentID)
        out.append(",\"as_of\":\"")
        out.append(members.asOf.description)
        out.append("\",\"population\":")
        out.append(members.populationCount)
        out.append(",\"members\":")
        out.append(members.count)
        out.append(",\"customers\":[")
        for (k, c) in members.customers.enumerated() {
            if k > 0 { out.append(",") }
            out.appendJSONString(population.customerID(at: Int(c)).rawValue)
        }
        out.append("]}\n")
        StandardStreams.write(out.bytes)
    }

    static func writeTable(_ members: SegmentMembers, population: SegmentPopulation) {
        var out = ByteOutput(capacity: members.count * 12 + 256)
        let percent = (members.share * 1000).rounded() / 10
        out.append("segment \(members.segmentID) as of \(members.asOf): \(members.count) of \(members.populationCount) customers (\(percent)%)\n\n")
        out.append("customer_id\n")
        for c in members.customers {
            out.append(population.customerID(at: Int(c)).rawValue)
            out.append("\n")
        }
        StandardStreams.write(out.bytes)
    }

    static func writeExplanation(_ explanation: SegmentExplanation, customer: String, segmentID: String, asOf: CalendarDay, format: OutputFormat) {
        var out = ByteOutput()
        switch format {
        case .table:
            out.append("customer \(customer) is \(explanation.held ? "" : "not ")in segment \(segmentID) as of \(asOf)\n\n")
            out.append(explanation.description)
            out.append("\n")
        case .json:
            out.append("{\"segment\":")
            out.appendJSONString(segmentID)
            out.append(",\"customer_id\":")
            out.appendJSONString(customer)
            out.append(",\"as_of\":\"\(asOf)\",\"member\":\(explanation.held),\"explanation\":")
            appendJSON(explanation, to: &out)
            out.append("}\n")
        }
        StandardStreams.write(out.bytes)
    }

    static func appendJSON(_ node: SegmentExplanation, to out: inout ByteOutput) {
        out.append("{\"clause\":")
        out.appendJSONString(node.clause)
        out.append(",\"path\":")
        out.appendJSONString(node.path)
        out.append(",\"held\":\(node.held)")
        if let observed = node.observed {
            out.append(",\"observed\":")
            out.append(observed == observed.rounded() && abs(observed) < 1e15 ? String(Int64(observed)) : String(observed))
        }
        if !node.children.isEmpty {
            out.append(",\"children\":[")
            for (i, child) in node.children.enumerated() {
                if i > 0 { out.append(",") }
                appendJSON(child, to: &out)
            }
            out.append("]")
        }
        out.append("}")
    }
}
