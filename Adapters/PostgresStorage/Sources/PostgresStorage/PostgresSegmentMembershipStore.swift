import CustomerModel
import Logging
import PostgresNIO
import Segmentation

/// A ``Segmentation/SegmentMembershipStore`` over PostgreSQL: one row per (segment, customer)
/// membership, keyed by segment then customer (members pages are keyset reads of the primary
/// key) and indexed by customer then segment (a customer's segments, erasure).
///
/// Applying a batch reduces it to the last change of each (segment, customer) pair, which is
/// what applying the changes in order leaves, then inserts the entries (`ON CONFLICT DO
/// NOTHING`) and deletes the exits in one transaction, in key order so that concurrent
/// batches lock rows in one order.
public struct PostgresSegmentMembershipStore: SegmentMembershipStore {
    private let client: PostgresStorageClient
    private let schema: PostgresSchema

    /// A store over the `segment_memberships` table of `schema`.
    public init(client: PostgresStorageClient, schema: PostgresSchema = .default) {
        self.client = client
        self.schema = schema
    }

    private struct Pair: Hashable {
        let segment: String
        let customer: String
    }

    /// Applies the changes; the result is the one of applying them in order.
    public func apply(_ changes: [SegmentMembershipChange]) async throws {
        var last: [Pair: SegmentMembershipChange.Direction] = [:]
        for change in changes {
            guard !change.segmentID.isEmpty, !change.customerID.rawValue.isEmpty else {
                throw StoreError(.invalidArgument, "a membership change needs a segment id and a customer id")
            }
            last[Pair(segment: change.segmentID, customer: change.customerID.rawValue)] = change.direction
        }
        let sorted = last.sorted {
            $0.key.segment != $1.key.segment
                ? $0.key.segment.utf8.lexicographicallyPrecedes($1.key.segment.utf8)
                : $0.key.customer.utf8.lexicographicallyPrecedes($1.key.customer.utf8)
        }
        let entered = sorted.filter { $0.value == .entered }.map(\.key)
        let exited = sorted.filter { $0.value == .exited }.map(\.key)
        guard !sorted.isEmpty else { return }
        let name = schema.name
        try await client.withTransaction(schema) { connection in
            let logger = client.logger
            if !entered.isEmpty {
                try await connection.query("""
                    INSERT INTO \(unescaped: name).segment_memberships (segment_id, customer_id)
                    SELECT * FROM unnest(\(entered.map(\.segment))::text[], \(entered.map(\.customer))::text[])
                    ON CONFLICT DO NOTHING
                    """, logger: logger)
            }
            if !exited.isEmpty {
                try await connection.query("""
                    DELETE FROM \(unescaped: name).segment_memberships AS m
                    USING unnest(\(exited.map(\.segment))::text[], \(exited.map(\.customer))::text[]) AS gone (segment_id, customer_id)
                    WHERE m.segment_id = gone.segment_id AND m.customer_id = gone.customer_id
                    """, logger: logger)
            }
        }
    }

    /// Up to `limit` members of `segmentID` after `cursor`, ascending by customer id.
    public func members(of segmentID: String, after cursor: PageCursor?, limit: Int) async throws -> Page<CustomerID> {
        try StoreOrder.validate(limit: limit)
        let members = try await client.withConnection(schema) { connection in
            let rows = try await connection.query("""
                SELECT customer_id FROM \(unescaped: schema.name).segment_memberships
                WHERE segment_id = \(segmentID) AND (\(cursor?.token)::text IS NULL OR customer_id > \(cursor?.token)::text)
                ORDER BY customer_id LIMIT \(limit + 1)
                """, logger: client.logger)
            var members: [CustomerID] = []
            for try await (id) in rows.decode(String.self) { members.append(CustomerID(id)) }
            return members
        }
        return KeysetPage.make(members, limit: limit) { PageCursor(after: $0) }
    }

    /// The sorted segment ids of each customer that has any.
    public func segments(of customers: [CustomerID]) async throws -> [CustomerID: [String]] {
        guard !customers.isEmpty else { return [:] }
        let keys = customers.map(\.rawValue)
        return try await client.withConnection(schema) { connection in
            let rows = try await connection.query("""
                SELECT customer_id, segment_id FROM \(unescaped: schema.name).segment_memberships
                WHERE customer_id = ANY(\(keys)::text[])
                """, logger: client.logger)
            var found: [CustomerID: [String]] = [:]
            for try await (customer, segment) in rows.decode((String, String).self) { found[CustomerID(customer), default: []].append(segment) }
            // Sorted as the in-memory store sorts them (Swift string order).
            return found.mapValues { $0.sorted() }
        }
    }

    /// The number of members of `segmentID`.
    public func count(of segmentID: String) async throws -> Int {
        try await client.withConnection(schema) { connection in
            try await connection.count(
                "SELECT count(*) FROM \(unescaped: schema.name).segment_memberships WHERE segment_id = \(segmentID)", logger: client.logger)
        }
    }

    /// Removes every membership of these customers.
    public func deleteCustomers(_ customers: [CustomerID]) async throws -> Int {
        guard !customers.isEmpty else { return 0 }
        let keys = customers.map(\.rawValue)
        return try await client.withConnection(schema) { connection in
            try await connection.count("""
                WITH deleted AS (
                    DELETE FROM \(unescaped: schema.name).segment_memberships WHERE customer_id = ANY(\(keys)::text[]) RETURNING 1
                )
                SELECT count(*) FROM deleted
                """, logger: client.logger)
        }
    }
}
