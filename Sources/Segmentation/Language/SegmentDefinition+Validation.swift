import CustomerModel

extension SegmentDefinition {
    /// Checks the definition against the rules of the language and `limits`: non-empty ids
    /// and names, non-empty `all`/`any` lists, finite numbers, `between` bounds in order,
    /// windows of 1 to ``SegmentLimits/maximumWindowDays`` days, nesting depth and clause
    /// count. Definitions read from JSON are already checked; call this for ones built in Swift
    /// (``SegmentCatalog`` does).
    /// - Throws: ``SegmentDefinitionError`` naming the path of the first problem.
    /// - Complexity: O(clauses).
    public func validate(limits: SegmentLimits = .standard) throws(SegmentDefinitionError) {
        guard !id.isEmpty else { throw SegmentDefinitionError(.invalidValue, at: "$.id", "a segment id is not empty") }
        var clauses = 0
        try SegmentValidation.check(condition, path: "$.condition", depth: 1, clauses: &clauses, limits: limits)
    }
}

/// The walk behind ``SegmentDefinition/validate(limits:)``.
enum SegmentValidation {
    static func check(
        _ condition: SegmentCondition, path: String, depth: Int, clauses: inout Int, limits: SegmentLimits
    ) throws(SegmentDefinitionError) {
        guard depth <= limits.maximumDepth else {
            throw SegmentDefinitionError(.tooDeep, at: path, "conditions nest deeper than \(limits.maximumDepth)")
        }
        clauses += 1
        guard clauses <= limits.maximumClauses else {
            throw SegmentDefinitionError(.tooLarge, at: path, "more than \(limits.maximumClauses) clauses")
        }
        switch condition {
        case .all(let children), .any(let children):
            let key = if case .all = condition { "all" } else { "any" }
            guard !children.isEmpty else {
                throw SegmentDefinitionError(.invalidValue, at: path + "." + key, "'\(key)' needs at least one condition")
            }
            for (i, child) in children.enumerated() {
                try check(child, path: "\(path).\(key)[\(i)]", depth: depth + 1, clauses: &clauses, limits: limits)
            }
        case .not(let child):
            try check(child, path: path + ".not", depth: depth + 1, clauses: &clauses, limits: limits)
        case .attribute(let field, let test):
            try name(field.name, path: path + ".attribute")
            switch test {
            case .exists: break
            case .equals(let v), .notEquals(let v): try value(v, path: path + ".value")
            case .oneOf(let values):
                guard !values.isEmpty, values.count <= limits.maximumListValues else {
                    throw SegmentDefinitionError(.invalidValue, at: path + ".value",
                        "'in' needs 1 to \(limits.maximumListValues) values, found \(values.count)")
                }
                for (i, v) in values.enumerated() { try value(v, path: "\(path).value[\(i)]") }
            case .contains(let s): try name(s, path: path + ".value")
            case .numeric(let t): try numeric(t, path: path + ".value")
            }
        case .tag(let tag): try name(tag.name, path: path + ".tag")
        case .score(let score, let test):
            try name(score, path: path + ".score")
            try numeric(test, path: path + ".value")
        case .valueTier(let tiers):
            guard !tiers.isEmpty else { throw SegmentDefinitionError(.invalidValue, at: path + ".tier", "name at least one tier") }
        case .rfmSegment(let segments):
            guard !segments.isEmpty else {
                throw SegmentDefinitionError(.invalidValue, at: path + ".rfmSegment", "name at least one RFM segment")
            }
        case .behaviour(let metric, let test):
            if let days = metric.days, !(1...limits.maximumWindowDays).contains(days) {
                throw SegmentDefinitionError(.invalidWindow, at: path + ".days",
                    "a window is 1 to \(limits.maximumWindowDays) days, not \(days)")
            }
            if let category = metric.category { try name(category.rawValue, path: path + ".category") }
            if case .events(let kind, _, _) = metric { try name(kind.name, path: path + ".kind") }
            try numeric(test, path: path + ".value")
        case .consent(let purpose): try name(purpose, path: path + ".consent")
        case .segment(let id): try name(id, path: path + ".segment")
        }
    }

    static func name(_ text: String, path: String) throws(SegmentDefinitionError) {
        guard !text.isEmpty else { throw SegmentDefinitionError(.invalidValue, at: path, "a name is not empty") }
    }

    static func value(_ v: AttributeValue, path: String) throws(SegmentDefinitionError) {
        if case .number(let n) = v, !n.isFinite {
            throw SegmentDefinitionError(.invalidValue, at: path, "a number is finite")
        }
    }

    static func numeric(_ test: NumericTest, path: String) throws(SegmentDefinitionError) {
        for bound in test.bounds where !bound.isFinite {
            throw SegmentDefinitionError(.invalidValue, at: path, "a number is finite, not \(bound)")
        }
        if case .between(let low, let high) = test, low > high {
            throw SegmentDefinitionError(.invalidValue, at: path, "'between' needs low ≤ high, found [\(low), \(high)]")
        }
    }
}
