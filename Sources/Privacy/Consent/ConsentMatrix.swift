#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Consent for many customers in columns over dense customer indices: what bulk paths
/// (audience screening, scoring, segmentation, recommendation) read instead of asking the
/// ledger customer by customer.
///
/// Built once from the ledger as of an instant; for each requested purpose (and channel)
/// a column holds, per customer, the instant until which the purpose may use the data
/// (`+∞` for a grant without expiry or a non-consent basis, `-∞` when denied). Checking
/// a customer at any instant `t` not before the build instant is then one comparison,
/// `validUntil[i] > t`. Rebuild after the ledger changes.
///
/// The objection filter of GDPR Art. 21 / PIPL Art. 24: ``filter(_:purpose:channel:at:)``
/// with purpose ``Purpose/profiling`` removes from an audience or a customer index set
/// every customer who objected to (or never consented to) profiling, so scores, segments
/// and recommendations are never computed for them.
public struct ConsentMatrix: Sendable {
    /// The customers, in dense index order.
    public let customerIDs: [CustomerID]
    /// The instant the matrix reflects.
    public let asOf: Date
    private var columns: [PurposeChannel: [Double]] = [:]

    /// Builds columns for `keys` (purpose with a channel, or nil for purpose-wide).
    /// - Throws: ``PrivacyError`` `.unknownPurpose` for a purpose not in `registry`.
    /// - Complexity: O(n + r log h + (n + r) · k) for n customers, r records, at most h per
    ///   customer, and k keys.
    public init(
        customerIDs: [CustomerID], history: [ConsentRecord], registry: PurposeRegistry,
        keys: [(purpose: Purpose, channel: Channel?)], asOf: Date
    ) throws {
        self.customerIDs = customerIDs
        self.asOf = asOf
        // Group the records by dense customer index (a counting sort), then order each
        // customer's few records by time, then id.
        var position: [CustomerID: Int32] = [:]
        position.reserveCapacity(customerIDs.count)
        for (index, id) in customerIDs.enumerated() { position[id] = Int32(index) }
        let owner = history.map { position[$0.customerID] ?? -1 }
        var offsets = [Int](repeating: 0, count: customerIDs.count + 1)
        for index in owner where index >= 0 { offsets[Int(index) + 1] += 1 }
        for i in 0..<customerIDs.count { offsets[i + 1] += offsets[i] }
        var grouped = [ConsentRecord?](repeating: nil, count: offsets[customerIDs.count])
        var next = offsets
        for (record, index) in zip(history, owner) where index >= 0 {
            grouped[next[Int(index)]] = record
            next[Int(index)] += 1
        }
        var sorted = grouped.compactMap { $0 }
        for i in 0..<customerIDs.count where offsets[i + 1] - offsets[i] > 1 {
            sorted[offsets[i]..<offsets[i + 1]].sort { $0.precedesInHistory($1) }
        }
        for key in keys {
            let definition = try registry.require(key.purpose)
            let columnKey = PurposeChannel(purpose: key.purpose, channel: key.channel)
            guard columns[columnKey] == nil else { continue }
            // Customers without any record all share one outcome: compute it once.
            let undecided = Self.validUntil(PurposeRules.evaluate(definition, history: [], channel: key.channel, at: asOf), at: asOf)
            var column = [Double](repeating: undecided, count: customerIDs.count)
            for i in 0..<customerIDs.count where offsets[i + 1] > offsets[i] {
                let outcome = PurposeRules.evaluate(definition, history: sorted[offsets[i]..<offsets[i + 1]], channel: key.channel, at: asOf)
                column[i] = Self.validUntil(outcome, at: asOf)
            }
            columns[columnKey] = column
        }
    }

    /// The column of `purpose` over `channel`: per customer, the instant (seconds since
    /// 1970) until which use is allowed; nil when the key was not built.
    public func validUntil(purpose: Purpose, channel: Channel?) -> [Double]? {
        columns[PurposeChannel(purpose: purpose, channel: channel)]
    }

    /// Whether customer `index` may be processed for `purpose` over `channel` at `date`.
    /// - Throws: ``PrivacyError`` `.invalidParameter` when the key was not built or
    ///   `date` is before ``asOf``.
    public func isPermitted(_ index: Int, purpose: Purpose, channel: Channel?, at date: Date) throws -> Bool {
        let column = try self.column(purpose, channel, date)
        guard column.indices.contains(index) else {
            throw PrivacyError(.invalidParameter, "customer index \(index) is outside 0..<\(column.count)")
        }
        return column[index] > date.timeIntervalSince1970
    }

    /// The indices of `audience` that may be processed for `purpose` over `channel` at
    /// `date`, in their order.
    /// - Throws: as ``isPermitted(_:purpose:channel:at:)``, and for an index out of range.
    /// - Complexity: O(a) for a indices.
    public func filter(_ audience: [Int32], purpose: Purpose, channel: Channel? = nil, at date: Date) throws -> [Int32] {
        let column = try self.column(purpose, channel, date)
        let t = date.timeIntervalSince1970
        var kept: [Int32] = []
        kept.reserveCapacity(audience.count)
        try column.withUnsafeBufferPointer { until in
            for index in audience {
                guard index >= 0, Int(index) < until.count else {
                    throw PrivacyError(.invalidParameter, "customer index \(index) is outside 0..<\(until.count)")
                }
                if until[Int(index)] > t { kept.append(index) }
            }
        }
        return kept
    }

    /// The customer ids of `customerIDs` that may be processed, in their order; ids not in
    /// the matrix are dropped (nothing is known about their consent).
    /// - Complexity: O(n + m).
    public func filter(_ customerIDs: [CustomerID], purpose: Purpose, channel: Channel? = nil, at date: Date) throws -> [CustomerID] {
        let column = try self.column(purpose, channel, date)
        let t = date.timeIntervalSince1970
        var position: [CustomerID: Int] = [:]
        position.reserveCapacity(self.customerIDs.count)
        for (index, id) in self.customerIDs.enumerated() { position[id] = index }
        return customerIDs.filter { id in position[id].map { column[$0] > t } ?? false }
    }

    private func column(_ purpose: Purpose, _ channel: Channel?, _ date: Date) throws -> [Double] {
        guard let column = columns[PurposeChannel(purpose: purpose, channel: channel)] else {
            throw PrivacyError(.invalidParameter, "the consent matrix has no column for '\(purpose)'\(channel.map { " over \($0)" } ?? "")")
        }
        guard date >= asOf else {
            throw PrivacyError(.invalidParameter, "the consent matrix reflects \(asOf.timeIntervalSince1970); it cannot answer for the earlier \(date.timeIntervalSince1970)")
        }
        return column
    }

    private static func validUntil(_ outcome: (record: ConsentRecord?, missing: [MissingRequirement]), at date: Date) -> Double {
        guard outcome.missing.isEmpty else { return -.infinity }
        return outcome.record?.expiresAt?.timeIntervalSince1970 ?? .infinity
    }
}
