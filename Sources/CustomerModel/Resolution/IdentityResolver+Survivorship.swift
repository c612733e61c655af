extension IdentityResolver {
    /// Chooses the surviving value of `field` among `candidates` (sorted by customer id).
    func decide(
        _ field: ProfileField, candidates: [SurvivorshipCandidate], survivorID: CustomerID
    ) -> (Attributed<AttributeValue>, AttributeDecision) {
        let rule = policy.rule(for: field)
        let nonEmpty = candidates.filter { !$0.attributed.value.isEmpty }
        let pool = nonEmpty.isEmpty ? candidates : nonEmpty
        let emptyLosers = nonEmpty.isEmpty ? [] : candidates.filter { $0.attributed.value.isEmpty }
        let orderRule = rule == .survivorFirst ? SurvivorshipRule.mostTrusted : (rule == .union ? .mostRecent : rule)
        var ordered = pool.sorted { compare($0, $1, rule: orderRule).first }
        var basis: AttributeDecision.Basis
        var reason: String
        if rule == .survivorFirst, let own = ordered.firstIndex(where: { $0.customerID == survivorID }) {
            ordered.insert(ordered.remove(at: own), at: 0)
            basis = .survivorValue
            reason = "value of the surviving customer \(survivorID)"
        } else if ordered.count > 1 {
            (_, basis) = compare(ordered[0], ordered[1], rule: orderRule)
            reason = explain(basis, ordered[0], ordered[1])
        } else {
            basis = .onlyCandidate
            reason = ""
        }
        var winner = ordered[0].attributed
        if rule == .union, ordered.count > 1 {
            var seen = Set<String>()
            var elements: [String] = []
            for candidate in ordered {
                for element in candidate.attributed.value.listValue ?? [] where seen.insert(element).inserted {
                    elements.append(element)
                }
            }
            winner = Attributed(.list(elements), provenance: ordered[0].attributed.provenance)
            basis = .union
            reason = "union of \(elements.count) distinct value(s) from "
                + ordered.map(\.customerID.rawValue).joined(separator: ", ")
        } else if ordered.count > 1, basis != .survivorValue, pool.allSatisfy({ $0.attributed.value == winner.value }) {
            basis = .sameValue
            reason = "all candidates agree; credited to \(ordered[0].customerID) by \(orderRule)"
        }
        if candidates.count == 1 {
            basis = .onlyCandidate
            reason = "only \(ordered[0].customerID) has it"
        } else if pool.count == 1, basis != .survivorValue {
            basis = .onlyNonEmpty
            reason = "only \(ordered[0].customerID) has a non-empty value"
        }
        let decision = AttributeDecision(
            field: field, rule: rule, winner: ordered[0].customerID, source: winner.provenance.source,
            basis: basis, candidates: ordered.map(\.customerID) + emptyLosers.map(\.customerID), reason: reason)
        return (winner, decision)
    }

    /// Whether `a` comes before `b` under `rule`, and the criterion that decided it.
    func compare(
        _ a: SurvivorshipCandidate, _ b: SurvivorshipCandidate, rule: SurvivorshipRule
    ) -> (first: Bool, basis: AttributeDecision.Basis) {
        let pa = a.attributed.provenance
        let pb = b.attributed.provenance
        let criteria: [AttributeDecision.Basis]
        switch rule {
        case .mostRecent, .union: criteria = [.moreRecent, .moreTrusted]
        case .ownOverExternal: criteria = [.ownData, .moreRecent, .moreTrusted]
        default: criteria = [.moreTrusted, .moreRecent]
        }
        for criterion in criteria {
            switch criterion {
            case .moreRecent where pa.observedAt != pb.observedAt:
                return (pa.observedAt > pb.observedAt, criterion)
            case .moreTrusted where policy.trust.rank(of: pa.method) != policy.trust.rank(of: pb.method):
                return (policy.trust.rank(of: pa.method) > policy.trust.rank(of: pb.method), criterion)
            case .ownData where pa.ownership != pb.ownership:
                return (pa.ownership == .own, criterion)
            default: continue
            }
        }
        if pa.source != pb.source {
            guard let sa = pa.source else { return (false, .sourceTieBreak) }
            guard let sb = pb.source else { return (true, .sourceTieBreak) }
            return (sa < sb, .sourceTieBreak)
        }
        return (a.customerID < b.customerID, .customerTieBreak)
    }

    /// Why `winner` came before `runnerUp`, in words.
    private func explain(
        _ basis: AttributeDecision.Basis, _ winner: SurvivorshipCandidate, _ runnerUp: SurvivorshipCandidate
    ) -> String {
        let w = winner.attributed.provenance
        let r = runnerUp.attributed.provenance
        switch basis {
        case .moreRecent:
            return "observed \(MergeRecord.timestamp(w.observedAt)), later than \(runnerUp.customerID)'s "
                + MergeRecord.timestamp(r.observedAt)
        case .moreTrusted:
            return "method \(w.method) (rank \(policy.trust.rank(of: w.method))) outranks \(runnerUp.customerID)'s "
                + "\(r.method) (rank \(policy.trust.rank(of: r.method)))"
        case .ownData:
            return "own data, while \(runnerUp.customerID)'s is external"
        case .sourceTieBreak:
            let other = r.source.map { "\($0)" } ?? "no source"
            return "tie broken by source id: \(w.source.map { "\($0)" } ?? "no source") before \(other)"
        default:
            return "tie broken by customer id: \(winner.customerID) before \(runnerUp.customerID)"
        }
    }
}
