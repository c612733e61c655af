/// The data quality of one customer: completeness, accuracy, timeliness, the overall score
/// and every problem found.
public struct CustomerQuality: Hashable, Sendable, Codable {
    /// The customer.
    public var customerID: CustomerID
    /// Share of required fields present and non-empty, in 0...1 (1 when none are required).
    public var completeness: Double
    /// Share of accuracy checks passed, in 0...1 (1 when nothing could be checked).
    public var accuracy: Double
    /// Timeliness of the last update at the as-of date, in 0...1.
    public var timeliness: Double
    /// The weighted combination of the three (``QualityWeights``).
    public var overall: Double
    /// Required fields that are absent or empty, in the order of the rules.
    public var missingFields: [ProfileField]
    /// Accuracy checks run (one per checked field present, one per order).
    public var checksRun: Int
    /// Accuracy checks passed.
    public var checksPassed: Int
    /// Whole days from the last update to the as-of date (negative when after it).
    public var daysSinceUpdate: Int
    /// Every problem found, completeness first, then accuracy by field, orders, timeliness.
    public var issues: [QualityIssue]

    /// Creates a record.
    public init(
        customerID: CustomerID, completeness: Double, accuracy: Double, timeliness: Double, overall: Double,
        missingFields: [ProfileField], checksRun: Int, checksPassed: Int, daysSinceUpdate: Int, issues: [QualityIssue]
    ) {
        self.customerID = customerID
        self.completeness = completeness
        self.accuracy = accuracy
        self.timeliness = timeliness
        self.overall = overall
        self.missingFields = missingFields
        self.checksRun = checksRun
        self.checksPassed = checksPassed
        self.daysSinceUpdate = daysSinceUpdate
        self.issues = issues
    }
}

extension CustomerProfile {
    /// The day of the most recent change: the later of `updatedAt` and every attribute's
    /// `observedAt` (UTC day).
    /// - Complexity: O(a) in the number of attributes.
    public var lastUpdateDay: CalendarDay {
        var latest = updatedAt
        for attribute in attributes.values where attribute.provenance.observedAt > latest {
            latest = attribute.provenance.observedAt
        }
        return latest.calendarDayUTC
    }
}

extension QualityRules {
    /// Assesses one customer at `asOf`, with the orders given (orders of other customers
    /// are ignored).
    ///
    /// - completeness = required fields present and non-empty / required fields;
    /// - accuracy = checks passed / checks run, a check being each of ``checkedFields``
    ///   that is present and non-empty, and each order (negative amounts, mixed currencies);
    /// - timeliness = ``TimelinessDecay/score(ageDays:)`` of the days from
    ///   ``CustomerProfile/lastUpdateDay`` to `asOf`; a `staleData` issue when it is 0;
    /// - overall = ``QualityWeights/combine(completeness:accuracy:timeliness:)``.
    /// - Complexity: O(a + f + l) for a attributes, f required fields and l order lines.
    public func assess(_ profile: CustomerProfile, orders: [Order] = [], asOf: CalendarDay) -> CustomerQuality {
        var issues: [QualityIssue] = []
        var missing: [ProfileField] = []
        for field in requiredFields {
            guard let value = profile[field] else {
                missing.append(field)
                issues.append(QualityIssue(customerID: profile.id, field: field, kind: .missingField, message: "\(field) is missing"))
                continue
            }
            if value.isEmpty {
                missing.append(field)
                issues.append(QualityIssue(customerID: profile.id, field: field, kind: .missingField, message: "\(field) is empty"))
            }
        }
        var run = 0
        var passed = 0
        for field in QualityRules.checkedFields {
            guard let found = accuracyIssues(of: field, in: profile, asOf: asOf) else { continue }
            run += 1
            if found.isEmpty { passed += 1 } else { issues += found }
        }
        for order in orders where order.customerID == profile.id {
            let found = accuracyIssues(of: order)
            run += 1
            if found.isEmpty { passed += 1 } else { issues += found }
        }
        let age = profile.lastUpdateDay.days(to: asOf)
        let timely = timeliness.score(ageDays: age)
        if age >= timeliness.zeroScoreDays {
            issues.append(QualityIssue(
                customerID: profile.id, kind: .staleData, message: "not updated for \(age) days (since \(profile.lastUpdateDay))"))
        }
        let completeness = requiredFields.isEmpty ? 1 : Double(requiredFields.count - missing.count) / Double(requiredFields.count)
        let accuracy = run == 0 ? 1 : Double(passed) / Double(run)
        return CustomerQuality(
            customerID: profile.id, completeness: completeness, accuracy: accuracy, timeliness: timely,
            overall: weights.combine(completeness: completeness, accuracy: accuracy, timeliness: timely),
            missingFields: missing, checksRun: run, checksPassed: passed, daysSinceUpdate: age, issues: issues)
    }
}
