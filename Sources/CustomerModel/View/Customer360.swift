/// The "customer 360" view: everything held about one customer, gathered from every store in
/// one call: profile with provenance, identity keys, merge history, orders, interactions,
/// tags, activity status and data quality.
public struct Customer360: Sendable {
    /// The customer.
    public var customerID: CustomerID
    /// The profile, if the customer store has one.
    public var profile: CustomerProfile?
    /// The identity keys of the profile (normalised email, phone, devices, loyalty id, …).
    public var identities: [IdentityKey]
    /// Merges this customer took part in (as survivor or merged id), oldest first.
    public var merges: [MergeRecord]
    /// Orders, by date.
    public var orders: [Order]
    /// Interaction events, by time.
    public var interactions: [InteractionEvent]
    /// Tags on the profile, sorted.
    public var tags: [Tag]
    /// Active, inactive or never purchased at the as-of day.
    public var activity: ActivityStatus
    /// Data quality at the as-of day, when there is a profile.
    public var quality: CustomerQuality?

    /// Gathers the view of `customerID` from the stores.
    ///
    /// - Parameters:
    ///   - asOf: the day activity and timeliness are measured at (never the system clock).
    ///   - mergeHistory: merges to include, if identity resolution is used.
    /// - Throws: whatever the stores throw.
    /// - Complexity: one read per store, plus O(n) in what the customer has.
    public static func gather(
        _ customerID: CustomerID,
        customers: some CustomerStore,
        orders: some OrderStore,
        interactions: some InteractionStore,
        mergeHistory: MergeHistory = MergeHistory(),
        keyRules: IdentityKeyRules = IdentityKeyRules(),
        qualityRules: QualityRules = .standard,
        activityRule: ActivityRule = .default,
        asOf: CalendarDay
    ) async throws -> Customer360 {
        let profile = try await customers.profiles(for: [customerID]).first
        let customerOrders = try await orders.orders(for: [customerID])
        let events = try await interactions.events(for: [customerID], in: nil).sorted { $0.occurredAt < $1.occurredAt }
        let merges = mergeHistory.records.filter { $0.survivorID == customerID || $0.mergedIDs.contains(customerID) }
        return Customer360(
            customerID: customerID,
            profile: profile,
            identities: profile.map(keyRules.keys(of:)) ?? [],
            merges: merges,
            orders: customerOrders,
            interactions: events,
            tags: profile.map { $0.tags.sorted() } ?? [],
            activity: activityRule.status(of: customerOrders, asOf: asOf),
            quality: profile.map { qualityRules.assess($0, orders: customerOrders, asOf: asOf) })
    }
}
