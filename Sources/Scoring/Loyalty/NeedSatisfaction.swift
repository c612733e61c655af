import CustomerModel

/// A customer's declared (or estimated) total spend on a category over a period, at every
/// supplier: the "need" the firm's share is measured against.
public struct CategoryNeed: Hashable, Sendable, Codable {
    /// The customer.
    public var customerID: CustomerID
    /// The category.
    public var categoryID: CategoryID
    /// Total category spend, in the snapshot's currency; must be positive.
    public var spend: Money

    /// Creates a need.
    public init(customerID: CustomerID, categoryID: CategoryID, spend: Money) {
        self.customerID = customerID
        self.categoryID = categoryID
        self.spend = spend
    }
}

/// The need-satisfaction rate (share of category spend won), SEEDS.md §3's default definition.
///
/// For each declared need (customer c, category k), `won` is c's spend with the firm on
/// items of category k in the period (line amounts from the snapshot), and
///
/// ```
/// share(c, k) = min(won, need) / need
/// share(c)    = Σₖ min(wonₖ, needₖ) / Σₖ needₖ
/// ```
///
/// Spend above the declared need is capped at it (the need was underestimated); such rows
/// keep their raw `won` and set ``Row/exceedsNeed`` so nothing is hidden.
public struct NeedSatisfaction: Hashable, Sendable {
    /// One (customer, category) need.
    public struct Row: Hashable, Sendable, Codable {
        /// The need.
        public var need: CategoryNeed
        /// Spend won in the category, in minor units (uncapped).
        public var wonMinorUnits: Int64
        /// min(won, need) / need.
        public var share: Double
        /// Whether the firm's spend exceeds the declared need.
        public var exceedsNeed: Bool
    }

    /// Rows in input order.
    public let rows: [Row]
    /// Per customer (sorted by id): capped won over declared need, summed over categories.
    public let customers: [(customerID: CustomerID, share: Double)]

    /// Computes shares for `needs` from orders dated in `period`.
    ///
    /// - Parameters:
    ///   - itemCategories: The category of each item; lines of other items count for no category.
    /// - Throws: ``ScoringError`` `.invalidParameter` for a need that is not positive, in
    ///   another currency than the snapshot's, or listed twice; `.overflow` for sums beyond 64 bits.
    /// - Complexity: O(customers + orders + lines + needs).
    public static func compute(
        snapshot: CustomerSnapshot, period: Range<CalendarDay>, itemCategories: [ItemID: CategoryID], needs: [CategoryNeed]
    ) throws(ScoringError) -> NeedSatisfaction {
        let customerIndex = snapshot.makeCustomerIndex()
        var categoryOfItem = [CategoryID?](repeating: nil, count: snapshot.itemCount)
        for i in 0..<snapshot.itemCount { categoryOfItem[i] = itemCategories[snapshot.itemID(at: i)] }
        var seen = Set<[String]>()
        var won: [CustomerID: [CategoryID: Int64]] = [:]
        for need in needs {
            guard need.spend.currency == snapshot.currency else {
                throw ScoringError(.invalidParameter, "need of \(need.customerID) for \(need.categoryID) is in \(need.spend.currency.code), the snapshot in \(snapshot.currency.code)")
            }
            guard need.spend.minorUnits > 0 else {
                throw ScoringError(.invalidParameter, "need of \(need.customerID) for \(need.categoryID) is \(need.spend); it must be positive")
            }
            guard seen.insert([need.customerID.rawValue, need.categoryID.rawValue]).inserted else {
                throw ScoringError(.invalidParameter, "need of \(need.customerID) for \(need.categoryID) is listed twice")
            }
            guard won[need.customerID] == nil, let c = customerIndex[need.customerID] else { continue }
            won[need.customerID] = try spendByCategory(snapshot, customer: c, period: period, categories: categoryOfItem)
        }
        var rows: [Row] = []
        var totals: [CustomerID: (won: Double, need: Double)] = [:]
        for need in needs {
            let w = won[need.customerID]?[need.categoryID] ?? 0
            let capped = min(w, need.spend.minorUnits)
            rows.append(Row(need: need, wonMinorUnits: w, share: Double(capped) / Double(need.spend.minorUnits), exceedsNeed: w > need.spend.minorUnits))
            totals[need.customerID, default: (0, 0)].won += Double(capped)
            totals[need.customerID, default: (0, 0)].need += Double(need.spend.minorUnits)
        }
        let customers = totals.keys.sorted().map { id in (id, totals[id].map { $0.won / $0.need } ?? 0) }
        return NeedSatisfaction(rows: rows, customers: customers)
    }

    private static func spendByCategory(
        _ snapshot: CustomerSnapshot, customer c: Int, period: Range<CalendarDay>, categories: [CategoryID?]
    ) throws(ScoringError) -> [CategoryID: Int64] {
        var spend: [CategoryID: Int64] = [:]
        for o in snapshot.orders(ofCustomer: c) where period.contains(snapshot.day(ofOrder: o)) {
            for l in snapshot.lines(ofOrder: o) {
                guard let category = categories[Int(snapshot.lineItems[l])] else { continue }
                let (sum, overflow) = spend[category, default: 0].addingReportingOverflow(snapshot.lineAmounts[l])
                if overflow { throw ScoringError(.overflow, "category spend of \(snapshot.customerID(at: c)) overflows") }
                spend[category] = sum
            }
        }
        return spend
    }

    public static func == (lhs: NeedSatisfaction, rhs: NeedSatisfaction) -> Bool {
        lhs.rows == rhs.rows && lhs.customers.elementsEqual(rhs.customers) { $0.customerID == $1.customerID && $0.share == $1.share }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(rows) }
}
