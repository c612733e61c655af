import CustomerModel
import Synchronization

/// A ``SegmentMembershipStore`` in memory: per segment, its members sorted by customer id.
///
/// Safe to share between tasks (state behind a `Mutex`). Applying a change costs
/// O(log m + m) for a segment of m members (a sorted insert); paging O(log m + limit).
public final class InMemorySegmentMembershipStore: SegmentMembershipStore {
    private struct State {
        /// Members of each segment, ascending by UTF-8 bytes of the id.
        var members: [String: [CustomerID]] = [:]
        /// Segments of each customer.
        var segments: [CustomerID: Set<String>] = [:]
    }

    private let state = Mutex(State())

    /// Creates an empty store.
    public init() {}

    private static func precedes(_ a: CustomerID, _ b: CustomerID) -> Bool {
        a.rawValue.utf8.lexicographicallyPrecedes(b.rawValue.utf8)
    }

    /// The first position in `sorted` not before `id`.
    private static func position(of id: CustomerID, in sorted: [CustomerID]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if precedes(sorted[mid], id) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Applies the changes under the lock, in order.
    public func apply(_ changes: [SegmentMembershipChange]) async throws {
        for change in changes where change.segmentID.isEmpty || change.customerID.rawValue.isEmpty {
            throw StoreError(.invalidArgument, "a membership change needs a segment id and a customer id")
        }
        state.withLock { state in
            for change in changes {
                // Mutated in place through the dictionary, so the member list is not copied.
                let at = Self.position(of: change.customerID, in: state.members[change.segmentID] ?? [])
                let present = state.members[change.segmentID].map { at < $0.count && $0[at] == change.customerID } ?? false
                switch change.direction {
                case .entered where !present:
                    state.members[change.segmentID, default: []].insert(change.customerID, at: at)
                    state.segments[change.customerID, default: []].insert(change.segmentID)
                case .exited where present:
                    state.members[change.segmentID]?.remove(at: at)
                    if state.members[change.segmentID]?.isEmpty == true { state.members[change.segmentID] = nil }
                    state.segments[change.customerID]?.remove(change.segmentID)
                    if state.segments[change.customerID]?.isEmpty == true { state.segments[change.customerID] = nil }
                default: break
                }
            }
        }
    }

    /// A page of members in id order; the cursor is the last id returned.
    public func members(of segmentID: String, after cursor: PageCursor?, limit: Int) async throws -> Page<CustomerID> {
        guard limit >= 1 else { throw StoreError(.invalidArgument, "a page limit is at least 1, not \(limit)") }
        return state.withLock { state in
            let list = state.members[segmentID] ?? []
            var start = 0
            if let cursor {
                let after = CustomerID(cursor.token)
                start = Self.position(of: after, in: list)
                if start < list.count, list[start] == after { start += 1 }
            }
            let end = min(list.count, start + limit)
            let elements = Array(list[start..<end])
            return Page(elements: elements, nextCursor: end < list.count ? elements.last.map { PageCursor(after: $0) } : nil)
        }
    }

    /// The sorted segment ids of each customer that has any.
    public func segments(of customers: [CustomerID]) async throws -> [CustomerID: [String]] {
        state.withLock { state in
            var out: [CustomerID: [String]] = [:]
            for id in customers { if let set = state.segments[id] { out[id] = set.sorted() } }
            return out
        }
    }

    /// The number of members.
    public func count(of segmentID: String) async throws -> Int {
        state.withLock { $0.members[segmentID]?.count ?? 0 }
    }

    /// Removes every membership of the customers.
    public func deleteCustomers(_ customers: [CustomerID]) async throws -> Int {
        state.withLock { state in
            var removed = 0
            for id in Set(customers) {
                guard let segments = state.segments.removeValue(forKey: id) else { continue }
                for segment in segments {
                    guard let list = state.members[segment] else { continue }
                    let at = Self.position(of: id, in: list)
                    guard at < list.count, list[at] == id else { continue }
                    state.members[segment]?.remove(at: at)
                    removed += 1
                    if state.members[segment]?.isEmpty == true { state.members[segment] = nil }
                }
            }
            return removed
        }
    }
}
