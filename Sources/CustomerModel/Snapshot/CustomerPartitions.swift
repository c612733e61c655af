/// Customer interning split by hash: partition `t` holds the ids whose hash maps to `t`, so
/// each thread interns its own share of every block into its own table, no two tables hold
/// the same id, and no merge of tables is needed afterwards.
///
/// A run's customer is recorded as a *code*, `local · count + partition`. Within a
/// partition, indices follow first appearance in the input (runs are taken in input order).
final class CustomerPartitions {
    let count: Int
    let tables: UnsafeMutablePointer<InterningTable>
    let firstSeen: UnsafeMutablePointer<[UInt64]>

    init(count: Int, expectedCustomers: Int) {
        self.count = count
        tables = .allocate(capacity: count)
        firstSeen = .allocate(capacity: count)
        for t in 0..<count {
            (tables + t).initialize(to: InterningTable(expectedCount: expectedCustomers / count + 1024))
            (firstSeen + t).initialize(to: [])
        }
    }

    deinit {
        tables.deinitialize(count: count)
        tables.deallocate()
        firstSeen.deinitialize(count: count)
        firstSeen.deallocate()

    }

    /// The partition of a customer id's hash.
    @inline(__always)
    func partition(of hash: UInt64) -> Int { Int((hash >> 40) % UInt64(count)) }

    /// Interns the customers of the pending runs of `parsers[0..<pieces]` (one block), each
    /// partition on its own thread, and writes each run's code into its parser.
    func intern(parsers: UnsafeMutablePointer<SnapshotSegmentParser>, pieces: Int) {
        // One code buffer per piece; partitions write disjoint entries of each.
        let codes = (0..<pieces).map { UnsafeMutableBufferPointer<Int32>.allocate(capacity: parsers[$0].pendingKeyHash.count) }
        defer { for buffer in codes { buffer.deallocate() } }
        let tables = self.tables
        let firstSeen = self.firstSeen
        let partitions = count
        ParallelLoop.forEach(partitions) { t in
            for piece in 0..<pieces {
                let code = codes[piece]
                let segmentTag = UInt64(parsers[piece].pendingSegment) << 32
                let runStart = parsers[piece].pendingRunStart
                parsers[piece].pendingKeyHash.withUnsafeBufferPointer { hashes in
                parsers[piece].runFirstLine.withUnsafeBufferPointer { firstLines in
                    parsers[piece].withPendingKeys { key, runCount in
                        for r in 0..<runCount {
                            let hash = hashes[r]
                            guard Int((hash >> 40) % UInt64(partitions)) == t else { continue }
                            let (index, isNew) = tables[t].intern(key(r), hash: hash)
                            if isNew { firstSeen[t].append(segmentTag | UInt64(firstLines[runStart + r])) }
                            code[r] = index * Int32(partitions) + Int32(t)
                        }
                    }
                }}
            }
        }
        for piece in 0..<pieces {
            let start = parsers[piece].pendingRunStart
            parsers[piece].setCustomerCodes(UnsafeBufferPointer(codes[piece]), from: start)
        }
    }

    /// All customer ids in order of first appearance, and the global index of every
    /// customer code (`codeToCustomer[code]`).
    /// - Complexity: O(customers · partitions).
    func merged() -> (ids: ByteStringTable, codeToCustomer: [Int32]) {
        var position = [Int](repeating: 0, count: count)
        let largest = (0..<count).map { tables[$0].count }.max() ?? 0
        var codeToCustomer = [Int32](repeating: 0, count: largest * count)
        var ids = ByteStringTable()
        let total = (0..<count).reduce(0) { $0 + tables[$1].count }
        ids.reserveCapacity(strings: total, bytes: (0..<count).reduce(0) { $0 + tables[$1].strings.bytes.count })
        for global in 0..<total {
            // The partition whose next customer appeared first (positions are unique).
            var best = -1
            var bestSeen = UInt64.max
            for t in 0..<count where position[t] < firstSeen[t].count && firstSeen[t][position[t]] < bestSeen {
                best = t
                bestSeen = firstSeen[t][position[t]]
            }
            guard best >= 0 else { break }
            let local = position[best]
            codeToCustomer[local * count + best] = Int32(global)
            tables[best].strings.withBytes(at: local) { ids.append(buffer: $0) }
            position[best] += 1
        }
        return (ids, codeToCustomer)
    }
}
