/// How far each way of obtaining data is trusted, as a rank (higher is more trusted).
///
/// The default ranking, from most to least trusted:
///
/// | rank | methods |
/// |---|---|
/// | 5 | `customerUpdate` (the customer's own statement) |
/// | 4 | `purchase` |
/// | 3 | `survey`, `coupon`, `sweepstake`, `warrantyCard`, `offlineEvent` (activities) |
/// | 2 | `tracking`, `socialPlatform`, `systemImport`, and any method not listed |
/// | 1 | `inference` |
/// | 0 | `thirdPartyProvider` |
public struct MethodTrust: Hashable, Sendable, Codable {
    /// Rank per method name; methods not listed get ``unlistedRank``.
    public var ranks: [String: Int]
    /// The rank of a method not in ``ranks``.
    public var unlistedRank: Int

    /// Creates a ranking from explicit ranks.
    public init(ranks: [Provenance.Method: Int], unlistedRank: Int = 2) {
        var byName: [String: Int] = [:]
        for (method, rank) in ranks { byName[method.rawValue] = rank }
        self.ranks = byName
        self.unlistedRank = unlistedRank
    }

    /// The default ranking (customer update > purchase > activity > tracking > inference > third party).
    public static let standard = MethodTrust(ranks: [
        .customerUpdate: 5,
        .purchase: 4,
        .survey: 3, .coupon: 3, .sweepstake: 3, .warrantyCard: 3, .offlineEvent: 3,
        .tracking: 2, .socialPlatform: 2, .systemImport: 2,
        .inference: 1,
        .thirdPartyProvider: 0,
    ])

    /// The rank of `method`.
    public func rank(of method: Provenance.Method) -> Int { ranks[method.rawValue] ?? unlistedRank }
}
