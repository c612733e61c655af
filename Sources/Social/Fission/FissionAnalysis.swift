import CustomerModel

/// Links shares, clicks, registrations and first orders into referral chains, credits the
/// chains, and measures the campaign (K-factor, cycle time, reach and conversion by
/// generation), with fraud guards.
///
/// The rules, in event time order (ties in table order):
/// 1. A code belongs to the customer whose share first carried it; clicks and registrations
///    before that share, or on a code no share carries, find no owner.
/// 2. A click by someone other than the owner is an invitation; the clicker's last clicked
///    code is remembered.
/// 3. Only a customer's first registration counts. Its referrer is the owner of the code
///    it names, or else of the last code the customer clicked before it; none: organic.
/// 4. Not credited (a ``FissionFlag``): a code without owner (`unknownCode`), the
///    customer's own code (`selfReferral`), a burst from one device or address
///    (``FraudGuardPolicy``), a referrer who is already down the customer's own chain
///    (`cycle`). A flagged customer stays in the campaign as a generation-0 customer.
/// 5. A credited referral converts with a first order at or after registering; its revenue
///    is credited up the chain by the ``ChainCreditRule``.
///
/// See `Documentation/SocialFission.md` for the metrics' formulas.
public struct FissionAnalysis: Sendable {
    /// How conversion credit is shared up the chain.
    public var creditRule: ChainCreditRule
    /// The fraud guards.
    public var guards: FraudGuardPolicy

    /// Creates an analysis.
    public init(creditRule: ChainCreditRule = .directReferrer, guards: FraudGuardPolicy = FraudGuardPolicy()) {
        self.creditRule = creditRule
        self.guards = guards
    }

    /// Runs the analysis.
    /// - Throws: ``SocialError`` `.invalidParameter` for an invalid rule or policy.
    /// - Complexity: O(n + N + c·d) for n events, N customers, c conversions and credit depth d
    ///   (plus a radix sort when the events are not in time order).
    public func run(on table: ReferralEventTable) throws(SocialError) -> FissionResult {
        try creditRule.validate()
        try guards.validate()
        let customers = table.customerCount
        let order = Self.timeOrder(table.times)

        // Pass 1, in time order: code owners, invitations, each customer's candidate referrer.
        var codeOwner = [Int32](repeating: -1, count: table.codeCount)
        var codeShareTime = [Int64](repeating: 0, count: table.codeCount)
        var shared = [Bool](repeating: false, count: customers)
        var lastClickCode = [Int32](repeating: -1, count: customers)
        var registrationEvent = [Int32](repeating: -1, count: customers)
        var firstOrderEvent = [Int32](repeating: -1, count: customers)
        var candidateReferrer = [Int32](repeating: -1, count: customers)
        var candidateCode = [Int32](repeating: -1, count: customers)
        var candidates: [Int32] = []
        var clickActors: [Int32] = []
        var clickOwners: [Int32] = []
        var flags: [FissionFlag] = []
        var selfClicks = 0, unknownCodeClicks = 0, repeatedRegistrations = 0
        for e32 in order {
            let e = Int(e32)
            let actor = table.actors[e]
            let a = Int(actor)
            let code = Int(table.codes[e])
            switch table.kinds[e] {
            case .share:
                guard code >= 0 else { continue }
                shared[a] = true
                if codeOwner[code] < 0 {
                    codeOwner[code] = actor
                    codeShareTime[code] = table.times[e]
                }
            case .click:
                let owner = code >= 0 ? codeOwner[code] : -1
                if owner < 0 {
                    unknownCodeClicks += 1
                } else if owner == actor {
                    selfClicks += 1
                } else {
                    lastClickCode[a] = Int32(code)
                    clickActors.append(actor)
                    clickOwners.append(owner)
                }
            case .registration:
                guard registrationEvent[a] < 0 else {
                    repeatedRegistrations += 1
                    continue
                }
                registrationEvent[a] = e32
                let used = code >= 0 ? code : Int(lastClickCode[a])
                guard used >= 0 else { continue }
                let owner = codeOwner[used]
                if owner < 0 {
                    flags.append(FissionFlag(customer: actor, referrer: -1, event: e32, reason: .unknownCode))
                } else if owner == actor {
                    flags.append(FissionFlag(customer: actor, referrer: owner, event: e32, reason: .selfReferral))
                } else {
                    candidateReferrer[a] = owner
                    candidateCode[a] = Int32(used)
                    candidates.append(actor)
                }
            case .firstOrder:
                if firstOrderEvent[a] < 0 { firstOrderEvent[a] = e32 }
            }
        }

        // Pass 2: bursts of referred registrations per device and per address.
        var burst = [UInt8](repeating: 0, count: customers)  // 0 none, 1 device, 2 address
        markBursts(candidates, registrationEvent, table.devices, table.times, limit: guards.maxReferralsPerDevice,
                   mark: 1, into: &burst)
        markBursts(candidates, registrationEvent, table.addresses, table.times, limit: guards.maxReferralsPerAddress,
                   mark: 2, into: &burst)

        // Pass 3, in registration order: link, refusing cycles.
        var referrer = [Int32](repeating: -1, count: customers)
        var usedCode = [Int32](repeating: -1, count: customers)
        var directReferrals = [Int32](repeating: 0, count: customers)
        for b32 in candidates {
            let b = Int(b32)
            let a = candidateReferrer[b]
            let event = registrationEvent[b]
            if burst[b] != 0 {
                flags.append(FissionFlag(customer: b32, referrer: a, event: event,
                                         reason: burst[b] == 1 ? .deviceBurst : .addressBurst))
                continue
            }
            // Only a customer who already has referrals can be an ancestor of `a`.
            if directReferrals[b] > 0 {
                var x = a
                var isCycle = false
                while x >= 0 {
                    if x == b32 { isCycle = true; break }
                    x = referrer[Int(x)]
                }
                if isCycle {
                    flags.append(FissionFlag(customer: b32, referrer: a, event: event, reason: .cycle))
                    continue
                }
            }
            referrer[b] = a
            usedCode[b] = candidateCode[b]
            directReferrals[Int(a)] += 1
        }
        flags.sort { $0.event == $1.event ? $0.reason.rawValue < $1.reason.rawValue
            : table.times[Int($0.event)] != table.times[Int($1.event)] ? table.times[Int($0.event)] < table.times[Int($1.event)]
            : $0.event < $1.event }

        // Generations (the referrer forest is acyclic by construction).
        let generation = Self.generations(referrer)
        let maxGeneration = Int(generation.max() ?? 0)

        // Conversions and their revenue.
        var converted = [Bool](repeating: false, count: customers)
        var ownRevenue = [Double](repeating: 0, count: customers)
        var conversions = 0
        var totalRevenue = 0.0
        for v in 0..<customers where referrer[v] >= 0 && firstOrderEvent[v] >= 0 {
            let order = Int(firstOrderEvent[v])
            if table.times[order] >= table.times[Int(registrationEvent[v])] {
                converted[v] = true
                ownRevenue[v] = table.revenue[order]
                conversions += 1
                totalRevenue += table.revenue[order]
            }
        }

        // Downline counts and revenue, deepest generation first.
        let byGeneration = Self.bucket(generation, buckets: maxGeneration + 1)
        var descendants = [Int32](repeating: 0, count: customers)
        var referredRevenue = [Double](repeating: 0, count: customers)
        var downlineRevenue = [Double](repeating: 0, count: customers)
        for g in stride(from: maxGeneration, through: 1, by: -1) {
            for v32 in byGeneration.members[byGeneration.starts[g]..<byGeneration.starts[g + 1]] {
                let v = Int(v32)
                let p = Int(referrer[v])
                descendants[p] += descendants[v] + 1
                referredRevenue[p] += ownRevenue[v]
                downlineRevenue[p] += downlineRevenue[v] + ownRevenue[v]
            }
        }
        var indirectReferrals = [Int32](repeating: 0, count: customers)
        for v in 0..<customers { indirectReferrals[v] = descendants[v] - directReferrals[v] }

        // Credit up the chain.
        let depthLimit = min(creditRule.depthLimit, maxGeneration)
        let shareTables = depthLimit >= 1 ? (0...depthLimit).map { creditRule.shares(levels: $0) } : [[]]
        var creditedRevenue = [Double](repeating: 0, count: customers)
        var creditedConversions = [Double](repeating: 0, count: customers)
        for v in 0..<customers where converted[v] {
            let shares = shareTables[min(Int(generation[v]), depthLimit)]
            var x = Int(referrer[v])
            for share in shares {
                creditedRevenue[x] += share * ownRevenue[v]
                creditedConversions[x] += share
                x = Int(referrer[x])
                if x < 0 { break }
            }
        }

        // Reach per customer and per generation (distinct clickers), by stamping.
        let reach = Self.distinctClickers(clickActors, groups: clickOwners, groupCount: customers, customers: customers)
        let clickGenerations = clickOwners.map { generation[Int($0)] }
        let reachedFromGeneration = Self.distinctClickers(
            clickActors, groups: clickGenerations, groupCount: maxGeneration + 1, customers: customers)

        // Generation table.
        var seeds = 0, sharers = 0
        var generations = (0...maxGeneration).map {
            GenerationStatistics(generation: $0, reached: 0, registered: 0, converted: 0, sharers: 0,
                                 registrationRate: nil, conversionRate: nil, kFactor: nil)
        }
        for v in 0..<customers {
            let g = Int(generation[v])
            if shared[v] {
                sharers += 1
                generations[g].sharers += 1
            }
            if g == 0 {
                if shared[v] {
                    seeds += 1
                    generations[0].registered += 1
                }
            } else {
                generations[g].registered += 1
                if converted[v] { generations[g].converted += 1 }
            }
        }
        for g in 0...maxGeneration {
            if g >= 1 {
                let reached = Int(reachedFromGeneration[g - 1])
                generations[g].reached = reached
                generations[g].registrationRate = Self.ratio(generations[g].registered, reached)
                generations[g].conversionRate = Self.ratio(generations[g].converted, reached)
            }
            let next = g < maxGeneration ? generations[g + 1].registered : 0
            generations[g].kFactor = Self.ratio(next, generations[g].sharers)
        }

        // Cycle times.
        var cycles: [Int64] = []
        cycles.reserveCapacity(candidates.count)
        for v in 0..<customers where referrer[v] >= 0 {
            cycles.append(table.times[Int(registrationEvent[v])] - codeShareTime[Int(usedCode[v])])
        }
        let credited = cycles.count
        var meanCycle: Double?
        var medianCycle: Double?
        if !cycles.isEmpty {
            meanCycle = Double(cycles.reduce(0, +)) / Double(credited)
            cycles.sort()
            medianCycle = credited % 2 == 1 ? Double(cycles[credited / 2])
                : (Double(cycles[credited / 2 - 1]) + Double(cycles[credited / 2])) / 2
        }
        let metrics = FissionCampaignMetrics(
            sharers: sharers, seeds: seeds, invitations: clickActors.count, creditedReferrals: credited,
            conversions: conversions, referredRevenue: totalRevenue, flaggedReferrals: flags.count,
            selfClicks: selfClicks, unknownCodeClicks: unknownCodeClicks, repeatedRegistrations: repeatedRegistrations,
            invitationsPerSharer: Self.ratio(clickActors.count, sharers),
            conversionPerInvitation: Self.ratio(credited, clickActors.count),
            kFactor: Self.ratio(credited, sharers), meanCycleSeconds: meanCycle, medianCycleSeconds: medianCycle,
            generations: generations)
        return FissionResult(
            customerIDs: table.customerIDs, referrer: referrer, generation: generation,
            directReferrals: directReferrals, indirectReferrals: indirectReferrals, referredRevenue: referredRevenue,
            downlineRevenue: downlineRevenue, creditedRevenue: creditedRevenue,
            creditedConversions: creditedConversions, converted: converted, shared: shared, reach: reach,
            clickActors: clickActors, clickOwners: clickOwners, flags: flags, metrics: metrics, creditRule: creditRule)
    }

    static func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
        denominator > 0 ? Double(numerator) / Double(denominator) : nil
    }

    /// Event indices in time order, ties in index order; no sort when already ordered.
    static func timeOrder(_ times: [Int64]) -> [Int32] {
        var ordered = true
        for i in times.indices.dropFirst() where times[i] < times[i - 1] {
            ordered = false
            break
        }
        if ordered { return (0..<Int32(times.count)).map { $0 } }
        return RadixSort.ascendingPermutation(of: times.map(RadixSort.orderedKey))
    }

    /// Marks every candidate registration that lies in a window of `burstWindowSeconds`
    /// holding more than `limit` registrations with the same key (device or address).
    private func markBursts(
        _ candidates: [Int32], _ registrationEvent: [Int32], _ keys: [Int32], _ times: [Int64], limit: Int,
        mark: UInt8, into burst: inout [UInt8]
    ) {
        var keyed: [(key: Int32, customer: Int32)] = []
        for b in candidates {
            let key = keys[Int(registrationEvent[Int(b)])]
            if key >= 0 { keyed.append((key, b)) }
        }
        guard keyed.count > limit else { return }
        let keyCount = Int(keyed.map(\.key).max() ?? 0) + 1
        // Stable counting sort by key keeps each group in registration time order.
        var starts = [Int](repeating: 0, count: keyCount + 1)
        for item in keyed { starts[Int(item.key) + 1] += 1 }
        for k in 0..<keyCount { starts[k + 1] += starts[k] }
        var next = starts
        var grouped = [Int32](repeating: 0, count: keyed.count)
        for item in keyed {
            grouped[next[Int(item.key)]] = item.customer
            next[Int(item.key)] += 1
        }
        let window = guards.burstWindowSeconds
        for k in 0..<keyCount where starts[k + 1] - starts[k] > limit {
            var low = starts[k]
            var markedUpTo = starts[k]
            for high in starts[k]..<starts[k + 1] {
                let t = times[Int(registrationEvent[Int(grouped[high])])]
                while t - times[Int(registrationEvent[Int(grouped[low])])] > window { low += 1 }
                if high - low + 1 > limit {
                    for i in max(low, markedUpTo)...high where burst[Int(grouped[i])] == 0 { burst[Int(grouped[i])] = mark }
                    markedUpTo = high + 1
                }
            }
        }
    }

    /// The depth of every node in a forest given by parent pointers (-1: root).
    static func generations(_ parent: [Int32]) -> [Int32] {
        var generation = [Int32](repeating: -1, count: parent.count)
        var stack: [Int32] = []
        for v in 0..<parent.count where generation[v] < 0 {
            var x = Int32(v)
            while x >= 0 && generation[Int(x)] < 0 {
                stack.append(x)
                x = parent[Int(x)]
            }
            var depth = x >= 0 ? generation[Int(x)] : -1
            while let y = stack.popLast() {
                depth += 1
                generation[Int(y)] = depth
            }
        }
        return generation
    }

    /// Node indices grouped by a small non-negative key (counting sort).
    static func bucket(_ keys: [Int32], buckets: Int) -> (starts: [Int], members: [Int32]) {
        var starts = [Int](repeating: 0, count: buckets + 1)
        for key in keys { starts[Int(key) + 1] += 1 }
        for k in 0..<buckets { starts[k + 1] += starts[k] }
        var next = starts
        var members = [Int32](repeating: 0, count: keys.count)
        for (v, key) in keys.enumerated() {
            members[next[Int(key)]] = Int32(v)
            next[Int(key)] += 1
        }
        return (starts, members)
    }

    /// The number of distinct actors per group: groups are visited one at a time, and an
    /// actor is counted once per group by stamping it with the group.
    static func distinctClickers(_ actors: [Int32], groups: [Int32], groupCount: Int, customers: Int) -> [Int32] {
        let grouped = bucket(groups, buckets: groupCount)
        var stamp = [Int32](repeating: -1, count: customers)
        var counts = [Int32](repeating: 0, count: groupCount)
        for g in 0..<groupCount {
            for i in grouped.members[grouped.starts[g]..<grouped.starts[g + 1]] {
                let a = Int(actors[Int(i)])
                if stamp[a] != Int32(g) {
                    stamp[a] = Int32(g)
                    counts[g] += 1
                }
            }
        }
        return counts
    }
}
