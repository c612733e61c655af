import CustomerModel

/// Picks KOL (key opinion leader) candidates from a fission campaign: the accounts whose
/// reach converts, with the audience overlap between them so that a brand does not pay
/// twice for the same fans.
///
/// - Reach of a customer: distinct others who clicked their codes. Audience: those
///   clickers plus their credited direct referrals (who may have registered through a code
///   without a click).
/// - Converted reach: direct referrals who converted (first order after registering).
/// - Ranking: converted reach, then reach, then the smaller customer id; customers with a
///   reach below ``minimumReach`` are left out.
/// - Overlap of two candidates' audiences A and B: shared fans |A ∩ B| and Jaccard
///   |A ∩ B| / |A ∪ B|.
public struct KOLSelection: Sendable {
    /// How many candidates (≥ 1). Default 10.
    public var count: Int
    /// The least reach a candidate needs (≥ 1). Default 1.
    public var minimumReach: Int

    /// Creates a selection.
    public init(count: Int = 10, minimumReach: Int = 1) {
        self.count = count
        self.minimumReach = minimumReach
    }

    /// The candidates and their pairwise overlaps.
    /// - Throws: ``SocialError`` `.invalidParameter` for a count or minimum reach below 1.
    /// - Complexity: O(customers log customers + clicks + k² · audience).
    public func candidates(from fission: FissionResult) throws(SocialError) -> KOLReport {
        guard count >= 1, minimumReach >= 1 else {
            throw SocialError(.invalidParameter, "count \(count) and minimumReach \(minimumReach) must be at least 1")
        }
        let n = fission.customerCount
        var convertedReach = [Int32](repeating: 0, count: n)
        for v in 0..<n where fission.converted[v] { convertedReach[Int(fission.referrer[v])] += 1 }
        let eligible = (0..<n).filter { Int(fission.reach[$0]) >= minimumReach }
        let ranked = eligible.sorted { a, b in
            if convertedReach[a] != convertedReach[b] { return convertedReach[a] > convertedReach[b] }
            if fission.reach[a] != fission.reach[b] { return fission.reach[a] > fission.reach[b] }
            return fission.customerIDs[a] < fission.customerIDs[b]
        }
        let chosen = Array(ranked.prefix(count))
        var slot = [Int32](repeating: -1, count: n)
        for (k, c) in chosen.enumerated() { slot[c] = Int32(k) }
        var audiences = [[Int32]](repeating: [], count: chosen.count)
        for (i, owner) in fission.clickOwners.enumerated() where slot[Int(owner)] >= 0 {
            audiences[Int(slot[Int(owner)])].append(fission.clickActors[i])
        }
        for v in 0..<n where fission.referrer[v] >= 0 && slot[Int(fission.referrer[v])] >= 0 {
            audiences[Int(slot[Int(fission.referrer[v])])].append(Int32(v))
        }
        for k in audiences.indices {
            audiences[k].sort()
            audiences[k] = audiences[k].reduce(into: []) { if $0.last != $1 { $0.append($1) } }
        }
        let candidates = chosen.enumerated().map { k, c in
            KOLCandidate(
                customerID: fission.customerIDs[c], reach: Int(fission.reach[c]), convertedReach: Int(convertedReach[c]),
                directReferrals: Int(fission.directReferrals[c]), audienceSize: audiences[k].count,
                conversionRate: fission.reach[c] > 0 ? Double(convertedReach[c]) / Double(fission.reach[c]) : 0)
        }
        var overlaps: [AudienceOverlap] = []
        for a in 0..<chosen.count {
            for b in (a + 1)..<chosen.count {
                let shared = Self.sharedCount(audiences[a], audiences[b])
                let union = audiences[a].count + audiences[b].count - shared
                overlaps.append(AudienceOverlap(
                    first: candidates[a].customerID, second: candidates[b].customerID, sharedFans: shared,
                    jaccard: union > 0 ? Double(shared) / Double(union) : 0))
            }
        }
        return KOLReport(candidates: candidates, overlaps: overlaps)
    }

    /// |A ∩ B| of two sorted, duplicate-free lists (a merge).
    static func sharedCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }
}

/// One KOL candidate.
public struct KOLCandidate: Hashable, Sendable, Codable {
    /// The customer (account).
    public var customerID: CustomerID
    /// Distinct others who clicked their codes.
    public var reach: Int
    /// Direct referrals who converted.
    public var convertedReach: Int
    /// Credited direct referrals.
    public var directReferrals: Int
    /// Distinct clickers and direct referrals: the fans the overlap compares.
    public var audienceSize: Int
    /// convertedReach / reach.
    public var conversionRate: Double
}

/// The audience overlap of two KOL candidates.
public struct AudienceOverlap: Hashable, Sendable, Codable {
    /// The higher-ranked candidate.
    public var first: CustomerID
    /// The lower-ranked candidate.
    public var second: CustomerID
    /// Fans in both audiences.
    public var sharedFans: Int
    /// shared / union of the two audiences.
    public var jaccard: Double
}

/// KOL candidates in rank order and the overlap of every pair (in rank order of pairs).
public struct KOLReport: Hashable, Sendable, Codable {
    /// The candidates, best first.
    public var candidates: [KOLCandidate]
    /// One entry per pair of candidates.
    public var overlaps: [AudienceOverlap]
}
