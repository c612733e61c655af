import CustomerModel
import Scoring

/// A segment compiled for evaluation: the tree flattened into an array of nodes (node 0 is
/// the root), references to other segments expanded in place, and every name (attribute,
/// tag, score, consent purpose, interaction kind, category) replaced by a slot in the
/// program's own name tables, which the data a program runs on resolves once.
struct SegmentProgram: Sendable {
    enum Node: Sendable {
        case all(Range<Int>)
        case any(Range<Int>)
        case not(Int)
        /// Membership of another segment (`referenceIDs[id]`): its condition is the child.
        case reference(id: Int, child: Int)
        /// Attribute `fields[slot]` passes `attributeTests[test]`.
        case attribute(slot: Int, test: Int)
        case age(NumericTest)
        case tag(slot: Int)
        case score(slot: Int, NumericTest)
        case tier(mask: UInt8)
        case rfm(mask: UInt16)
        case metric(Metric, NumericTest)
        case consent(slot: Int)
    }

    /// A behaviour metric with names replaced by slots; `days` 0 means all history.
    enum Metric: Sendable {
        case orders(days: Int32)
        case spend(days: Int32, category: Int)
        case events(kind: Int, days: Int32, category: Int)
        case daysSinceLastPurchase
        case daysSinceFirstPurchase
        case distinctCategoriesBrowsed(days: Int32)
        case browsesWithoutOrder(days: Int32, category: Int)
    }

    /// The slot meaning "no category filter".
    static let anyCategory = -1

    var nodes: [Node] = []
    /// Children of `all`/`any` nodes: node `.all(r)` has children `children[r]`.
    var children: [Int] = []
    /// The path of each node in its definition (for explanations).
    var paths: [String] = []
    /// The JSON of each leaf (for explanations); empty for inner nodes.
    var clauses: [String] = []
    /// Ids of referenced segments, by `.reference` node.
    var referenceIDs: [String] = []
    /// Attribute tests, kept out of the nodes so that nodes stay plain data.
    var attributeTests: [AttributeTest] = []
    /// For `in` tests with many values, the values as a set (one hash look-up per customer
    /// instead of a scan of up to ``SegmentLimits/maximumListValues`` values).
    var attributeOptionSets: [Set<AttributeValue>?] = []
    var fields: [ProfileField] = []
    var tags: [Tag] = []
    var scores: [String] = []
    var purposes: [String] = []
    var kinds: [InteractionKind] = []
    var categories: [CategoryID] = []
    /// Whether some metric reads order lines by category, or interaction events.
    var usesCategories = false
    var usesAge = false
    var usesEvents = false
    /// The path of the first clause of each such kind, for errors about missing data.
    var categoryPath = ""
    var eventPath = ""
    var scorePaths: [String] = []

    /// Compiles segment `id` of `catalog`.
    init(catalog: SegmentCatalog, segmentID id: String) throws(SegmentDefinitionError) {
        guard let definition = catalog[id] else {
            throw SegmentDefinitionError(.missingReference, at: "$", "no segment '\(id)' in the catalog")
        }
        _ = try catalog.expandedCondition(of: id)  // enforces the limits through references
        _ = compile(definition.condition, path: "$.condition", catalog: catalog)
    }

    private mutating func slot<T: Equatable>(_ value: T, in table: WritableKeyPath<SegmentProgram, [T]>) -> Int {
        if let i = self[keyPath: table].firstIndex(of: value) { return i }
        self[keyPath: table].append(value)
        return self[keyPath: table].count - 1
    }

    private mutating func add(_ node: Node, path: String, clause: String) -> Int {
        nodes.append(node)
        paths.append(path)
        clauses.append(clause)
        return nodes.count - 1
    }

    /// Appends the node for `condition` (after its descendants' placeholders) and returns its index.
    private mutating func compile(_ condition: SegmentCondition, path: String, catalog: SegmentCatalog) -> Int {
        switch condition {
        case .all(let parts), .any(let parts):
            let isAll = if case .all = condition { true } else { false }
            let key = isAll ? "all" : "any"
            let index = add(.all(0..<0), path: path, clause: "")
            let indices = parts.enumerated().map { compile($1, path: "\(path).\(key)[\($0)]", catalog: catalog) }
            let start = children.count
            children += indices
            nodes[index] = isAll ? .all(start..<children.count) : .any(start..<children.count)
            return index
        case .not(let inner):
            let index = add(.not(0), path: path, clause: "")
            nodes[index] = .not(compile(inner, path: path + ".not", catalog: catalog))
            return index
        case .segment(let id):
            referenceIDs.append(id)
            let reference = referenceIDs.count - 1
            let index = add(.reference(id: reference, child: 0), path: path, clause: condition.json.text)
            // The catalog has checked the reference exists and is acyclic.
            let target = catalog[id]?.condition ?? .any([])
            nodes[index] = .reference(id: reference, child: compile(target, path: "\(path).segment(\(id)).condition", catalog: catalog))
            return index
        default:
            return add(leaf(condition, path: path), path: path, clause: condition.json.text)
        }
    }

    private mutating func leaf(_ condition: SegmentCondition, path: String) -> Node {
        switch condition {
        case .attribute(let field, let test):
            if field.name == "age", case .numeric(let numeric) = test {
                usesAge = true
                return .age(numeric)
            }
            if field.name == "age" {
                // Age is numeric: the other tests map onto comparisons; `in` with numbers is a list of `==`.
                usesAge = true
                switch test {
                case .equals(.number(let n)): return .age(.equal(n))
                case .notEquals(.number(let n)): return .age(.notEqual(n))
                case .exists: return .age(.greater(-Double.greatestFiniteMagnitude))
                default: break
                }
            }
            attributeTests.append(test)
            if case .oneOf(let options) = test, options.count > 8 {
                attributeOptionSets.append(Set(options))
            } else {
                attributeOptionSets.append(nil)
            }
            return .attribute(slot: slot(field, in: \.fields), test: attributeTests.count - 1)
        case .tag(let tag): return .tag(slot: slot(tag, in: \.tags))
        case .score(let name, let test):
            let s = slot(name, in: \.scores)
            if scorePaths.count <= s { scorePaths.append(path + ".score") }
            return .score(slot: s, test)
        case .valueTier(let tiers):
            var mask: UInt8 = 0
            for (i, tier) in ValueTier.allCases.enumerated() where tiers.contains(tier) { mask |= 1 << i }
            return .tier(mask: mask)
        case .rfmSegment(let segments):
            var mask: UInt16 = 0
            for (i, segment) in RFMSegment.allCases.enumerated() where segments.contains(segment) { mask |= 1 << i }
            return .rfm(mask: mask)
        case .consent(let purpose): return .consent(slot: slot(purpose, in: \.purposes))
        case .behaviour(let metric, let test):
            let days = Int32(metric.days ?? 0)
            var category = SegmentProgram.anyCategory
            if let c = metric.category { category = slot(c, in: \.categories) }
            if metric.readsEvents, !usesEvents {
                usesEvents = true
                eventPath = path
            }
            switch metric {
            case .orders: return .metric(.orders(days: days), test)
            case .spend:
                if category != SegmentProgram.anyCategory, !usesCategories {
                    usesCategories = true
                    categoryPath = path + ".category"
                }
                return .metric(.spend(days: days, category: category), test)
            case .events(let kind, _, _):
                return .metric(.events(kind: slot(kind, in: \.kinds), days: days, category: category), test)
            case .daysSinceLastPurchase: return .metric(.daysSinceLastPurchase, test)
            case .daysSinceFirstPurchase: return .metric(.daysSinceFirstPurchase, test)
            case .distinctCategoriesBrowsed:
                return .metric(.distinctCategoriesBrowsed(days: days), test)
            case .browsesWithoutOrder:
                if category != SegmentProgram.anyCategory, !usesCategories {
                    usesCategories = true
                    categoryPath = path + ".category"
                }
                return .metric(.browsesWithoutOrder(days: days, category: category), test)
            }
        default:
            // all/any/not/segment are compiled by `compile`.
            return .any(0..<0)
        }
    }
}
