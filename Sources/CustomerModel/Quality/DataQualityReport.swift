/// A dataset-level summary of data quality: averages, missing fields, issues by kind,
/// sources, the data-integration index and duplicates, with every customer's details.
public struct DataQualityReport: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A count of issues of one kind.
    public struct IssueCount: Hashable, Sendable, Codable {
        /// The kind.
        public var kind: QualityIssue.Kind
        /// How many.
        public var count: Int
    }

    /// A count of customers missing one required field.
    public struct FieldCount: Hashable, Sendable, Codable {
        /// The field.
        public var field: ProfileField
        /// How many customers lack it.
        public var count: Int
    }

    /// The as-of day of the assessment.
    public var asOf: CalendarDay
    /// Customers assessed.
    public var customerCount: Int
    /// Orders assessed (those of a known customer).
    public var orderCount: Int
    /// Orders whose customer is not among the profiles (not assessed, counted here).
    public var unmatchedOrderCount: Int
    /// Mean completeness over customers (0 when there are none).
    public var averageCompleteness: Double
    /// Mean accuracy over customers.
    public var averageAccuracy: Double
    /// Mean timeliness over customers.
    public var averageTimeliness: Double
    /// Mean overall score over customers.
    public var averageOverall: Double
    /// Customers with every required field.
    public var completeCustomerCount: Int
    /// Customers with no issue at all.
    public var cleanCustomerCount: Int
    /// Customers missing each required field, most missing first (ties by field name).
    public var missingByField: [FieldCount]
    /// Issues by kind, most frequent first (ties by kind name).
    public var issuesByKind: [IssueCount]
    /// Quality per source.
    public var sources: [SourceQuality]
    /// The data-integration index over the sources; nil when there is no source.
    public var integrationIndex: Double?
    /// Duplicate groups found.
    public var duplicateGroups: [DuplicateGroup]
    /// Distinct customers in at least one duplicate group.
    public var duplicateCustomerCount: Int
    /// Every customer's assessment, in input order.
    public var customers: [CustomerQuality]

    /// Creates a report (``QualityRules/report(_:orders:asOf:index:duplicates:)`` builds one).
    public init(
        asOf: CalendarDay, customerCount: Int, orderCount: Int, unmatchedOrderCount: Int,
        averageCompleteness: Double, averageAccuracy: Double, averageTimeliness: Double, averageOverall: Double,
        completeCustomerCount: Int, cleanCustomerCount: Int, missingByField: [FieldCount], issuesByKind: [IssueCount],
        sources: [SourceQuality], integrationIndex: Double?, duplicateGroups: [DuplicateGroup],
        duplicateCustomerCount: Int, customers: [CustomerQuality]
    ) {
        self.asOf = asOf
        self.customerCount = customerCount
        self.orderCount = orderCount
        self.unmatchedOrderCount = unmatchedOrderCount
        self.averageCompleteness = averageCompleteness
        self.averageAccuracy = averageAccuracy
        self.averageTimeliness = averageTimeliness
        self.averageOverall = averageOverall
        self.completeCustomerCount = completeCustomerCount
        self.cleanCustomerCount = cleanCustomerCount
        self.missingByField = missingByField
        self.issuesByKind = issuesByKind
        self.sources = sources
        self.integrationIndex = integrationIndex
        self.duplicateGroups = duplicateGroups
        self.duplicateCustomerCount = duplicateCustomerCount
        self.customers = customers
    }

    /// Every issue of every customer, customers in input order.
    /// - Complexity: O(total issues).
    public var issues: [QualityIssue] { customers.flatMap(\.issues) }

    /// The count of issues of `kind`.
    public func count(of kind: QualityIssue.Kind) -> Int { issuesByKind.first { $0.kind == kind }?.count ?? 0 }

    /// A plain-text summary for people (what `precision demo` prints).
    public var description: String {
        func percent(_ x: Double) -> String {
            let tenths = Int((x * 1000).rounded())
            return "\(tenths / 10).\(tenths % 10)%"
        }
        var lines = ["Data quality at \(asOf): \(customerCount) customers, \(orderCount) orders"
            + (unmatchedOrderCount > 0 ? " (\(unmatchedOrderCount) orders of unknown customers)" : "")]
        lines.append("  completeness \(percent(averageCompleteness)), accuracy \(percent(averageAccuracy)), "
            + "timeliness \(percent(averageTimeliness)), overall \(percent(averageOverall))")
        lines.append("  complete profiles \(completeCustomerCount), profiles without issues \(cleanCustomerCount)")
        if !missingByField.isEmpty {
            lines.append("  missing: " + missingByField.map { "\($0.field) \($0.count)" }.joined(separator: ", "))
        }
        if !issuesByKind.isEmpty {
            lines.append("  issues: " + issuesByKind.map { "\($0.kind) \($0.count)" }.joined(separator: ", "))
        }
        for source in sources {
            lines.append("  source \(source.source.map { "\($0)" } ?? "(none)"): \(source.customerCount) customers, "
                + "\(source.attributeCount) attributes, score \(percent(source.score))")
        }
        lines.append("  data-integration index: " + (integrationIndex.map(percent) ?? "n/a"))
        lines.append("  duplicate groups \(duplicateGroups.count) covering \(duplicateCustomerCount) customers")
        return lines.joined(separator: "\n")
    }
}

extension QualityRules {
    /// Assesses every customer, every source and the dataset at `asOf`.
    ///
    /// Orders are matched to profiles by customer id through one dictionary and then
    /// handled by dense profile index; orders of unknown customers are counted, not assessed.
    /// - Complexity: O(n log n + A + L) for n profiles, A attributes and L order lines.
    public func report(
        _ profiles: [CustomerProfile], orders: [Order] = [], asOf: CalendarDay,
        index: DataIntegrationIndex = .equalImportance, duplicates: DuplicateDetection = .standard
    ) -> DataQualityReport {
        var profileIndex: [CustomerID: Int] = [:]
        profileIndex.reserveCapacity(profiles.count)
        for (index, profile) in profiles.enumerated() where profileIndex[profile.id] == nil { profileIndex[profile.id] = index }
        var ordersOf = [[Order]](repeating: [], count: profiles.count)
        var unmatched = 0
        for order in orders {
            if let index = profileIndex[order.customerID] { ordersOf[index].append(order) } else { unmatched += 1 }
        }
        var customers: [CustomerQuality] = []
        customers.reserveCapacity(profiles.count)
        var sums = (c: 0.0, a: 0.0, t: 0.0, o: 0.0)
        var complete = 0, clean = 0
        var missing: [ProfileField: Int] = [:]
        var kinds: [QualityIssue.Kind: Int] = [:]
        for (index, profile) in profiles.enumerated() {
            let quality = assess(profile, orders: ordersOf[index], asOf: asOf)
            sums.c += quality.completeness
            sums.a += quality.accuracy
            sums.t += quality.timeliness
            sums.o += quality.overall
            if quality.missingFields.isEmpty { complete += 1 }
            if quality.issues.isEmpty { clean += 1 }
            for field in quality.missingFields { missing[field, default: 0] += 1 }
            for issue in quality.issues { kinds[issue.kind, default: 0] += 1 }
            customers.append(quality)
        }
        let n = Double(max(profiles.count, 1))
        let sources = sourceQuality(profiles, asOf: asOf)
        let groups = duplicates.groups(profiles)
        return DataQualityReport(
            asOf: asOf, customerCount: profiles.count, orderCount: orders.count - unmatched, unmatchedOrderCount: unmatched,
            averageCompleteness: sums.c / n, averageAccuracy: sums.a / n, averageTimeliness: sums.t / n,
            averageOverall: sums.o / n, completeCustomerCount: complete, cleanCustomerCount: clean,
            missingByField: missing.map { DataQualityReport.FieldCount(field: $0.key, count: $0.value) }
                .sorted { ($1.count, $0.field.name) < ($0.count, $1.field.name) },
            issuesByKind: kinds.map { DataQualityReport.IssueCount(kind: $0.key, count: $0.value) }
                .sorted { ($1.count, $0.kind.name) < ($0.count, $1.kind.name) },
            sources: sources, integrationIndex: index.value(of: sources), duplicateGroups: groups,
            duplicateCustomerCount: Set(groups.flatMap(\.customerIDs)).count, customers: customers)
    }
}
