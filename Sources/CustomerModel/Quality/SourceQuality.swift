/// The data quality of one data source, from the attributes it supplied.
public struct SourceQuality: Hashable, Sendable, Codable {
    /// The source; nil for attributes whose provenance names no source.
    public var source: SourceID?
    /// Customers with at least one attribute from the source.
    public var customerCount: Int
    /// Attributes from the source.
    public var attributeCount: Int
    /// Required fields the source supplied (non-empty) / (its customers × required fields).
    public var completeness: Double
    /// Its checked attributes that are valid / its checked attributes (1 when none).
    public var accuracy: Double
    /// Mean timeliness of its attributes by their `observedAt` at the as-of date.
    public var timeliness: Double
    /// The weighted combination: the source's D_i in the data-integration index.
    public var score: Double

    /// Creates a record.
    public init(
        source: SourceID?, customerCount: Int, attributeCount: Int, completeness: Double, accuracy: Double,
        timeliness: Double, score: Double
    ) {
        self.source = source
        self.customerCount = customerCount
        self.attributeCount = attributeCount
        self.completeness = completeness
        self.accuracy = accuracy
        self.timeliness = timeliness
        self.score = score
    }
}

extension QualityRules {
    /// The quality of every source, grouping attribute provenance by ``SourceID``, sorted
    /// by source id (attributes without a source last).
    ///
    /// For source s with customers C_s: completeness = Σ required fields s supplied non-empty
    /// / (|C_s| × required fields); accuracy = valid / checked among its attributes in
    /// ``checkedFields`` (the postcode judged by the profile's country whatever its source);
    /// timeliness = mean of ``TimelinessDecay/score(ageDays:)`` of each attribute's age;
    /// score = ``QualityWeights/combine(completeness:accuracy:timeliness:)``.
    /// - Complexity: O(A + n) for n profiles with A attributes in all; accumulation is
    ///   over dense source indices.
    public func sourceQuality(_ profiles: [CustomerProfile], asOf: CalendarDay) -> [SourceQuality] {
        let required = Set(requiredFields)
        let checked = Set(QualityRules.checkedFields)
        var sourceIndex: [SourceID?: Int] = [:]
        var sources: [SourceID?] = []
        var customers: [Int] = [], lastProfile: [Int] = [], attributes: [Int] = [], supplied: [Int] = []
        var run: [Int] = [], passed: [Int] = [], timelinessSum: [Double] = []
        for (profileIndex, profile) in profiles.enumerated() {
            for (field, attributed) in profile.attributes {
                let source = attributed.provenance.source
                let s: Int
                if let known = sourceIndex[source] {
                    s = known
                } else {
                    s = sources.count
                    sourceIndex[source] = s
                    sources.append(source)
                    customers.append(0); lastProfile.append(-1); attributes.append(0); supplied.append(0)
                    run.append(0); passed.append(0); timelinessSum.append(0)
                }
                if lastProfile[s] != profileIndex {
                    lastProfile[s] = profileIndex
                    customers[s] += 1
                }
                attributes[s] += 1
                if required.contains(field), !attributed.value.isEmpty { supplied[s] += 1 }
                if checked.contains(field), let found = accuracyIssues(of: field, in: profile, asOf: asOf) {
                    run[s] += 1
                    if found.isEmpty { passed[s] += 1 }
                }
                let age = attributed.provenance.observedAt.calendarDayUTC.days(to: asOf)
                timelinessSum[s] += timeliness.score(ageDays: age)
            }
        }
        var result: [SourceQuality] = []
        result.reserveCapacity(sources.count)
        for s in sources.indices {
            let possible = customers[s] * requiredFields.count
            let completeness = possible == 0 ? 1 : Double(supplied[s]) / Double(possible)
            let accuracy = run[s] == 0 ? 1 : Double(passed[s]) / Double(run[s])
            let timely = timelinessSum[s] / Double(attributes[s])
            result.append(SourceQuality(
                source: sources[s], customerCount: customers[s], attributeCount: attributes[s],
                completeness: completeness, accuracy: accuracy, timeliness: timely,
                score: weights.combine(completeness: completeness, accuracy: accuracy, timeliness: timely)))
        }
        result.sort { a, b in
            switch (a.source, b.source) {
            case let (x?, y?): return x < y
            case (.some, .none): return true
            default: return false
            }
        }
        return result
    }
}
