import CustomerModel
import Scoring

extension SegmentCondition {
    /// The keys that say which kind of condition an object is; exactly one must be present.
    static let kindKeys = ["all", "any", "not", "attribute", "tag", "score", "tier", "rfmSegment", "metric", "consent", "segment"]

    /// Reads a condition from a JSON value; `path` names the value in errors.
    /// - Throws: ``SegmentDefinitionError`` naming the path of the first problem.
    public init(jsonValue value: SegmentJSON, path: String = "$") throws(SegmentDefinitionError) {
        var object = try JSONObjectReader(value, path: path)
        let present = object.keys.filter { SegmentCondition.kindKeys.contains($0) }
        guard let kind = present.first else {
            if let other = object.keys.first {
                throw SegmentDefinitionError(.unknownField, at: path + "." + other,
                    "unknown key '\(other)'; a condition has one of: \(SegmentCondition.kindKeys.joined(separator: ", "))")
            }
            throw SegmentDefinitionError(.missingField, at: path,
                "a condition needs one of: \(SegmentCondition.kindKeys.joined(separator: ", "))")
        }
        guard present.count == 1 else {
            throw SegmentDefinitionError(.unknownField, at: path + "." + present[1],
                "a condition has exactly one of \(SegmentCondition.kindKeys.joined(separator: ", ")); found '\(present[0])' and '\(present[1])'")
        }
        let kindPath = path + "." + kind
        let body = try object.required(kind)
        switch kind {
        case "all", "any":
            guard case .array(let items) = body else {
                throw SegmentDefinitionError(.wrongType, at: kindPath, "expected an array of conditions, found \(body.typeName)")
            }
            var children: [SegmentCondition] = []
            children.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                children.append(try SegmentCondition(jsonValue: item, path: "\(kindPath)[\(i)]"))
            }
            self = kind == "all" ? .all(children) : .any(children)
        case "not":
            self = .not(try SegmentCondition(jsonValue: body, path: kindPath))
        case "attribute":
            let field = try JSONObjectReader.string(body, path: kindPath)
            self = .attribute(ProfileField(field), try SegmentCondition.attributeTest(&object, path: path))
        case "tag":
            self = .tag(Tag(try JSONObjectReader.string(body, path: kindPath)))
        case "score":
            let name = try JSONObjectReader.string(body, path: kindPath)
            self = .score(name, try SegmentCondition.numericTest(&object, path: path))
        case "tier":
            let names = try SegmentCondition.names(body, path: kindPath)
            var tiers: Set<ValueTier> = []
            for (i, name) in names.enumerated() {
                guard let tier = ValueTier(rawValue: name) else {
                    throw SegmentDefinitionError(.unknownOperator, at: SegmentCondition.namePath(body, kindPath, i),
                        "unknown tier '\(name)'; tiers are low, medium, high")
                }
                tiers.insert(tier)
            }
            self = .valueTier(tiers)
        case "rfmSegment":
            let names = try SegmentCondition.names(body, path: kindPath)
            var segments: Set<RFMSegment> = []
            for (i, name) in names.enumerated() {
                guard let segment = SegmentCondition.rfmSegment(named: name) else {
                    throw SegmentDefinitionError(.unknownOperator, at: SegmentCondition.namePath(body, kindPath, i),
                        "unknown RFM segment '\(name)'; segments are \(RFMSegment.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                segments.insert(segment)
            }
            self = .rfmSegment(segments)
        case "metric":
            let name = try JSONObjectReader.string(body, path: kindPath)
            let metric = try SegmentCondition.metric(named: name, &object, path: path)
            self = .behaviour(metric, try SegmentCondition.numericTest(&object, path: path))
        case "consent":
            self = .consent(try JSONObjectReader.string(body, path: kindPath))
        default:
            self = .segment(try JSONObjectReader.string(body, path: kindPath))
        }
        try object.rejectUnknownKeys()
    }

    /// A name, or a non-empty array of names.
    static func names(_ value: SegmentJSON, path: String) throws(SegmentDefinitionError) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .array(let items):
            var names: [String] = []
            for (i, item) in items.enumerated() { names.append(try JSONObjectReader.string(item, path: "\(path)[\(i)]")) }
            return names
        default:
            throw SegmentDefinitionError(.wrongType, at: path, "expected a name or an array of names, found \(value.typeName)")
        }
    }

    /// The path of the `i`th name: the key itself when a single name was written.
    static func namePath(_ body: SegmentJSON, _ path: String, _ i: Int) -> String {
        if case .array = body { return "\(path)[\(i)]" }
        return path
    }

    /// Accepts the display name ("At risk") or the Swift case name ("atRisk").
    static func rfmSegment(named name: String) -> RFMSegment? {
        RFMSegment(rawValue: name) ?? RFMSegment.allCases.first { caseName($0) == name }
    }

    static func caseName(_ segment: RFMSegment) -> String {
        switch segment {
        case .champions: "champions"
        case .loyal: "loyal"
        case .potentialLoyalist: "potentialLoyalist"
        case .new: "new"
        case .promising: "promising"
        case .needAttention: "needAttention"
        case .aboutToSleep: "aboutToSleep"
        case .atRisk: "atRisk"
        case .cannotLoseThem: "cannotLoseThem"
        case .hibernating: "hibernating"
        case .lost: "lost"
        }
    }

    static let numericOperators = ["==", "!=", "<", "<=", ">", ">=", "between"]

    static func numericTest(_ object: inout JSONObjectReader, path: String) throws(SegmentDefinitionError) -> NumericTest {
        let op = try object.string("op")
        guard numericOperators.contains(op) else {
            throw SegmentDefinitionError(.unknownOperator, at: path + ".op",
                "unknown operator '\(op)'; use one of \(numericOperators.joined(separator: " "))")
        }
        return try numericTest(op: op, value: try object.required("value"), path: path + ".value")
    }

    static func numericTest(op: String, value: SegmentJSON, path: String) throws(SegmentDefinitionError) -> NumericTest {
        if op == "between" {
            guard case .array(let bounds) = value, bounds.count == 2 else {
                throw SegmentDefinitionError(.wrongType, at: path, "'between' needs [low, high], found \(value.typeName)")
            }
            return .between(try JSONObjectReader.number(bounds[0], path: path + "[0]"),
                            try JSONObjectReader.number(bounds[1], path: path + "[1]"))
        }
        let v = try JSONObjectReader.number(value, path: path)
        switch op {
        case "==": return .equal(v)
        case "!=": return .notEqual(v)
        case "<": return .less(v)
        case "<=": return .lessOrEqual(v)
        case ">": return .greater(v)
        default: return .greaterOrEqual(v)
        }
    }

    static let attributeOperators = ["exists", "==", "!=", "in", "contains", "<", "<=", ">", ">=", "between"]

    static func attributeTest(_ object: inout JSONObjectReader, path: String) throws(SegmentDefinitionError) -> AttributeTest {
        let op = try object.string("op")
        let valuePath = path + ".value"
        switch op {
        case "exists":
            return .exists
        case "==", "!=":
            let value = try attributeValue(try object.required("value"), path: valuePath)
            return op == "==" ? .equals(value) : .notEquals(value)
        case "in":
            guard case .array(let items) = try object.required("value") else {
                throw SegmentDefinitionError(.wrongType, at: valuePath, "'in' needs an array of values")
            }
            var values: [AttributeValue] = []
            for (i, item) in items.enumerated() { values.append(try attributeValue(item, path: "\(valuePath)[\(i)]")) }
            return .oneOf(values)
        case "contains":
            return .contains(try object.string("value"))
        case "<", "<=", ">", ">=", "between":
            return .numeric(try numericTest(op: op, value: try object.required("value"), path: valuePath))
        default:
            throw SegmentDefinitionError(.unknownOperator, at: path + ".op",
                "unknown operator '\(op)'; use one of \(attributeOperators.joined(separator: " "))")
        }
    }

    static func attributeValue(_ value: SegmentJSON, path: String) throws(SegmentDefinitionError) -> AttributeValue {
        switch value {
        case .string(let s): return .string(s)
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        default: throw SegmentDefinitionError(.wrongType, at: path, "expected a string, number or boolean, found \(value.typeName)")
        }
    }

    static let metricNames = ["orders", "spend", "events", "daysSinceLastPurchase", "daysSinceFirstPurchase", "distinctCategoriesBrowsed", "browsesWithoutOrder"]

    static func metric(named name: String, _ object: inout JSONObjectReader, path: String) throws(SegmentDefinitionError) -> BehaviourMetric {
        func category(_ object: inout JSONObjectReader) throws(SegmentDefinitionError) -> CategoryID? {
            try object.optionalString("category").map(CategoryID.init)
        }
        switch name {
        case "orders": return .orders(days: try object.optionalDays("days"))
        case "spend": return .spend(days: try object.optionalDays("days"), category: try category(&object))
        case "events":
            let kind = InteractionKind(try object.string("kind"))
            return .events(kind: kind, days: try object.optionalDays("days"), category: try category(&object))
        case "daysSinceLastPurchase": return .daysSinceLastPurchase
        case "daysSinceFirstPurchase": return .daysSinceFirstPurchase
        case "distinctCategoriesBrowsed": return .distinctCategoriesBrowsed(days: try object.optionalDays("days"))
        case "browsesWithoutOrder":
            guard let days = try object.optionalDays("days") else {
                throw SegmentDefinitionError(.missingField, at: path, "'days' is required for browsesWithoutOrder")
            }
            return .browsesWithoutOrder(days: days, category: try category(&object))
        default:
            throw SegmentDefinitionError(.unknownOperator, at: path + ".metric",
                "unknown metric '\(name)'; metrics are \(metricNames.joined(separator: ", "))")
        }
    }
}

extension SegmentCondition {
    /// The condition as a JSON value, in the form ``init(jsonValue:path:)`` reads.
    public var json: SegmentJSON {
        switch self {
        case .all(let c): return .object([("all", .array(c.map(\.json)))])
        case .any(let c): return .object([("any", .array(c.map(\.json)))])
        case .not(let c): return .object([("not", c.json)])
        case .attribute(let field, let test):
            var pairs: [(key: String, value: SegmentJSON)] = [("attribute", .string(field.name))]
            switch test {
            case .exists: pairs.append(("op", .string("exists")))
            case .equals(let v): pairs += [("op", .string("==")), ("value", SegmentCondition.json(v))]
            case .notEquals(let v): pairs += [("op", .string("!=")), ("value", SegmentCondition.json(v))]
            case .oneOf(let vs): pairs += [("op", .string("in")), ("value", .array(vs.map(SegmentCondition.json)))]
            case .contains(let s): pairs += [("op", .string("contains")), ("value", .string(s))]
            case .numeric(let t): pairs += SegmentCondition.json(t)
            }
            return .object(pairs)
        case .tag(let tag): return .object([("tag", .string(tag.name))])
        case .score(let name, let test): return .object([("score", .string(name))] + SegmentCondition.json(test))
        case .valueTier(let tiers):
            return .object([("tier", .array(ValueTier.allCases.filter(tiers.contains).map { .string($0.rawValue) }))])
        case .rfmSegment(let segments):
            return .object([("rfmSegment", .array(RFMSegment.allCases.filter(segments.contains).map { .string($0.rawValue) }))])
        case .behaviour(let metric, let test):
            var pairs: [(key: String, value: SegmentJSON)] = [("metric", .string(metric.name))]
            if case .events(let kind, _, _) = metric { pairs.append(("kind", .string(kind.name))) }
            if let days = metric.days { pairs.append(("days", .number(Double(days)))) }
            if let category = metric.category { pairs.append(("category", .string(category.rawValue))) }
            return .object(pairs + SegmentCondition.json(test))
        case .consent(let purpose): return .object([("consent", .string(purpose))])
        case .segment(let id): return .object([("segment", .string(id))])
        }
    }

    static func json(_ test: NumericTest) -> [(key: String, value: SegmentJSON)] {
        if case .between(let low, let high) = test {
            return [("op", .string("between")), ("value", .array([.number(low), .number(high)]))]
        }
        return [("op", .string(test.operatorSymbol)), ("value", .number(test.bounds[0]))]
    }

    static func json(_ value: AttributeValue) -> SegmentJSON {
        switch value {
        case .number(let n): .number(n)
        case .bool(let b): .bool(b)
        default: .string(value.description)
        }
    }
}
