/// Why a customer is or is not in a segment: the definition's tree with, for every clause,
/// whether it held and the value it compared.
///
/// Explanations evaluate every clause (no short-circuit), so they show all that held, not
/// just the first reason.
public struct SegmentExplanation: Hashable, Sendable, CustomStringConvertible {
    /// `all`, `any`, `not`, `segment <id>`, or the clause's JSON for a leaf.
    public var clause: String
    /// Where the clause is in its definition (through references: `…segment(vip).condition…`).
    public var path: String
    /// Whether the clause held.
    public var held: Bool
    /// The value compared, for scores, ages and behaviour metrics (spend in currency units);
    /// nil when missing or not numeric.
    public var observed: Double?
    /// The explanations of the sub-clauses.
    public var children: [SegmentExplanation]

    /// Creates an explanation node.
    public init(clause: String, path: String, held: Bool, observed: Double? = nil, children: [SegmentExplanation] = []) {
        self.clause = clause
        self.path = path
        self.held = held
        self.observed = observed
        self.children = children
    }

    /// The leaves that held, depth first.
    public var heldClauses: [SegmentExplanation] {
        children.isEmpty ? (held ? [self] : []) : children.flatMap(\.heldClauses)
    }

    /// An indented outline, one clause a line: `✓`/`✗`, the clause, the observed value.
    public var description: String {
        var lines: [String] = []
        outline(into: &lines, indent: 0)
        return lines.joined(separator: "\n")
    }

    private func outline(into lines: inout [String], indent: Int) {
        var line = String(repeating: "  ", count: indent) + (held ? "✓ " : "✗ ") + clause
        if let observed { line += "  (observed \(SegmentExplanation.format(observed)))" }
        lines.append(line)
        for child in children { child.outline(into: &lines, indent: indent + 1) }
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}

extension ProgramEvaluation {
    /// The explanation of node `n` for customer `c`.
    func explain(_ n: Int, _ c: Int) -> SegmentExplanation {
        let path = program.paths[n]
        switch program.nodes[n] {
        case .all(let range), .any(let range):
            let children = range.map { explain(program.children[$0], c) }
            let isAll = if case .all = program.nodes[n] { true } else { false }
            let held = isAll ? children.allSatisfy(\.held) : children.contains(where: \.held)
            return SegmentExplanation(clause: isAll ? "all" : "any", path: path, held: held, children: children)
        case .not(let child):
            let inner = explain(child, c)
            return SegmentExplanation(clause: "not", path: path, held: !inner.held, children: [inner])
        case .reference(let id, let child):
            let inner = explain(child, c)
            return SegmentExplanation(clause: "segment \(program.referenceIDs[id])", path: path, held: inner.held, children: [inner])
        case .age:
            let age = age(c)
            return SegmentExplanation(clause: program.clauses[n], path: path, held: holds(n, c), observed: age.isNaN ? nil : age)
        case .score(let slot, _):
            let value = facts.score(slot, c)
            return SegmentExplanation(clause: program.clauses[n], path: path, held: holds(n, c), observed: value.isNaN ? nil : value)
        case .metric(let metric, _):
            var value = self.value(metric, c)
            if case .spend = metric { value /= facts.minorUnitsPerUnit }
            return SegmentExplanation(clause: program.clauses[n], path: path, held: holds(n, c), observed: value.isNaN ? nil : value)
        default:
            return SegmentExplanation(clause: program.clauses[n], path: path, held: holds(n, c))
        }
    }
}
