/// The outcome of checking a release for k-anonymity (and l-diversity).
public struct KAnonymityReport: Hashable, Sendable, Codable {
    /// The size of the smallest equivalence class among released rows (the k the release has).
    public var smallestClass: Int
    /// The number of equivalence classes among released rows.
    public var classCount: Int
    /// Rows in classes smaller than the k asked for.
    public var rowsBelowK: Int
    /// The fewest distinct sensitive values in a class (the l the release has), when a sensitive attribute was given.
    public var distinctSensitiveMinimum: Int?

    public init(smallestClass: Int, classCount: Int, rowsBelowK: Int, distinctSensitiveMinimum: Int?) {
        self.smallestClass = smallestClass
        self.classCount = classCount
        self.rowsBelowK = rowsBelowK
        self.distinctSensitiveMinimum = distinctSensitiveMinimum
    }
}

/// A release made k-anonymous by generalising and suppressing.
public struct AnonymisedRelease: Hashable, Sendable, Codable {
    /// The generalisation chosen.
    public var generalisation: Generalisation
    /// The generalised quasi-identifiers of each input row (`age`, `postcode`, `gender`,
    /// `region`); nil for suppressed rows.
    public var rows: [[String]?]
    /// The indices of suppressed rows.
    public var suppressed: [Int]
    /// The information lost, 0 (nothing) to 1 (everything): one minus Sweeney's precision,
    /// the mean over rows and quasi-identifiers of level / maximum level, a suppressed row
    /// counting as fully generalised.
    public var informationLoss: Double
    /// The discernibility metric: Σ |class|² over released classes + n · suppressed.
    public var discernibility: Int
    /// The check of the released rows.
    public var report: KAnonymityReport
}

/// k-anonymity (Sweeney 2002; Samarati 2001) with l-diversity (Machanavajjhala et al. 2007)
/// for releases of quasi-identifiers (GDPR Recital 26, PIPL Art. 73(4): anonymised data is
/// no longer personal data).
public enum KAnonymity {
    /// Checks rows under a generalisation for `k` and, with `sensitive` values (one per
    /// row), for distinct l-diversity.
    /// - Throws: ``PrivacyError`` `.invalidParameter` for k below 1 or a sensitive column of the wrong length.
    /// - Complexity: O(n) expected.
    public static func check(_ rows: [QuasiIdentifiers], k: Int, generalisation: Generalisation = .none,
                             sensitive: [String]? = nil, excluding suppressed: Set<Int> = []) throws -> KAnonymityReport {
        guard k >= 1 else { throw PrivacyError(.invalidParameter, "k is \(k); it must be at least 1") }
        if let sensitive, sensitive.count != rows.count {
            throw PrivacyError(.invalidParameter, "\(sensitive.count) sensitive values for \(rows.count) rows")
        }
        var classes: [[String]: (count: Int, values: Set<String>)] = [:]
        for (index, row) in rows.enumerated() where !suppressed.contains(index) {
            let key = generalisation.key(row)
            var entry = classes[key] ?? (0, [])
            entry.count += 1
            if let sensitive { entry.values.insert(sensitive[index]) }
            classes[key] = entry
        }
        let smallest = classes.values.map(\.count).min() ?? 0
        let below = classes.values.filter { $0.count < k }.reduce(0) { $0 + $1.count }
        return KAnonymityReport(smallestClass: smallest, classCount: classes.count, rowsBelowK: below,
                                distinctSensitiveMinimum: sensitive == nil ? nil : (classes.values.map(\.values.count).min() ?? 0))
    }

    /// Finds the least generalisation (by information loss) under which suppressing the
    /// rows of classes smaller than `k` (and, with `l`, classes with fewer than `l`
    /// distinct sensitive values) removes at most `maximumSuppression` of the rows.
    ///
    /// Every point of the lattice (5 age levels × postcode levels × 2 × 2) is tried; the
    /// one with the least information loss wins, ties broken by discernibility.
    /// - Throws: ``PrivacyError`` `.invalidParameter` for k below 1, l below 1, a
    ///   suppression share outside 0...1, or when even full generalisation fails.
    /// - Complexity: O(L · n) for L lattice points.
    public static func anonymise(_ rows: [QuasiIdentifiers], k: Int, l: Int? = nil, sensitive: [String]? = nil,
                                 maximumSuppression: Double = 0.05) throws -> AnonymisedRelease {
        guard k >= 1 else { throw PrivacyError(.invalidParameter, "k is \(k); it must be at least 1") }
        guard (0...1).contains(maximumSuppression) else {
            throw PrivacyError(.invalidParameter, "maximum suppression \(maximumSuppression) is outside 0...1")
        }
        if let l {
            guard l >= 1, let sensitive, sensitive.count == rows.count else {
                throw PrivacyError(.invalidParameter, "l-diversity needs l ≥ 1 and one sensitive value per row")
            }
        }
        let maxPostcode = rows.map { $0.postcode?.count ?? 0 }.max() ?? 0
        let maxLevels = [Generalisation.ageBandWidths.count - 1, maxPostcode, 1, 1]
        var best: AnonymisedRelease?
        for age in 0...maxLevels[0] {
            for postcode in 0...maxLevels[1] {
                for gender in 0...1 {
                    for region in 0...1 {
                        let generalisation = Generalisation(ageLevel: age, postcodeLevel: postcode, genderLevel: gender, regionLevel: region)
                        guard let release = try attempt(rows, generalisation, k: k, l: l, sensitive: sensitive,
                                                        maximumSuppression: maximumSuppression, maxLevels: maxLevels) else { continue }
                        if let current = best,
                           (current.informationLoss, current.discernibility) <= (release.informationLoss, release.discernibility) { continue }
                        best = release
                    }
                }
            }
        }
        guard let best else {
            throw PrivacyError(.invalidParameter, "no generalisation reaches k = \(k)\(l.map { ", l = \($0)" } ?? "") with at most \(maximumSuppression) of the rows suppressed")
        }
        return best
    }

    private static func attempt(_ rows: [QuasiIdentifiers], _ generalisation: Generalisation, k: Int, l: Int?, sensitive: [String]?,
                                maximumSuppression: Double, maxLevels: [Int]) throws -> AnonymisedRelease? {
        let keys = rows.map { generalisation.key($0) }
        var classes: [[String]: (count: Int, values: Set<String>)] = [:]
        for (index, key) in keys.enumerated() {
            var entry = classes[key] ?? (0, [])
            entry.count += 1
            if let sensitive { entry.values.insert(sensitive[index]) }
            classes[key] = entry
        }
        func fails(_ entry: (count: Int, values: Set<String>)) -> Bool { entry.count < k || (l.map { entry.values.count < $0 } ?? false) }
        var suppressed: [Int] = []
        for (index, key) in keys.enumerated() where classes[key].map(fails) ?? true { suppressed.append(index) }
        guard Double(suppressed.count) <= maximumSuppression * Double(rows.count) else { return nil }
        let n = rows.count
        let levels = [generalisation.ageLevel, generalisation.postcodeLevel, generalisation.genderLevel, generalisation.regionLevel]
        var levelShare = 0.0
        for (level, maxLevel) in zip(levels, maxLevels) { levelShare += maxLevel == 0 ? 0 : Double(level) / Double(maxLevel) }
        let released = Double(n - suppressed.count)
        let loss = n == 0 ? 0 : (released * levelShare / 4 + Double(suppressed.count)) / Double(n)
        let discernibility = classes.values.filter { !fails($0) }.reduce(0) { $0 + $1.count * $1.count } + n * suppressed.count
        let suppressedSet = Set(suppressed)
        let report = try check(rows, k: k, generalisation: generalisation, sensitive: sensitive, excluding: suppressedSet)
        return AnonymisedRelease(generalisation: generalisation,
                                 rows: keys.enumerated().map { suppressedSet.contains($0.offset) ? nil : $0.element },
                                 suppressed: suppressed, informationLoss: loss, discernibility: discernibility, report: report)
    }
}
