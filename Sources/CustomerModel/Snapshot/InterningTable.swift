#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps byte strings to dense indices 0, 1, 2, … in order of first insertion.
///
/// Open addressing with linear probing; each slot holds 32 bits of the hash and the index,
/// so a probe touches the arena only when the hash bits match. Owns its memory through
/// unsafe buffers because it sits in the innermost loop of every import; it is not
/// `Sendable` and is used by one thread at a time.
struct InterningTable: ~Copyable {
    private var slots: UnsafeMutablePointer<UInt64>
    private var mask: Int
    /// The interned strings, by index.
    private(set) var strings = ByteStringTable()
    /// The full hash of each string, by index (to rehash and to merge tables).
    private(set) var hashes: [UInt64] = []

    init(expectedCount: Int = 1024) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        mask = capacity - 1
        hashes.reserveCapacity(expectedCount)
    }

    deinit { slots.deallocate() }

    var count: Int { hashes.count }

    /// The index of `key`, inserting it if new; `isNew` tells which.
    @inline(__always)
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (index: Int32, isNew: Bool) {
        if let found = find(key, hash: hash) { return (found, false) }
        return (insertNew(key, hash: hash), true)
    }

    /// The index of `key`, or nil.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var position = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[position]
            if slot == 0 { return nil }
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                let index = Int(slot & 0xFFFF_FFFF) - 1
                let matches = strings.bytes.withUnsafeBufferPointer { all in
                    ByteHashing.equal(UnsafeBufferPointer(rebasing: all[strings.offsets[index]..<strings.offsets[index + 1]]), key)
                }
                if matches { return Int32(index) }
            }
            position = (position + 1) & mask
        }
    }

    /// Inserts a key known to be absent.
    @inline(__always)
    mutating func insertNew(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let index = hashes.count
        if (index + 1) * 2 > mask + 1 { grow() }
        strings.append(buffer: key)
        hashes.append(hash)
        place(hash: hash, index: index)
        return Int32(index)
    }

    @inline(__always)
    private func place(hash: UInt64, index: Int) {
        var position = Int(truncatingIfNeeded: hash) & mask
        while slots[position] != 0 { position = (position + 1) & mask }
        slots[position] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(index + 1)
    }

    private mutating func grow() {
        let capacity = (mask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        mask = capacity - 1
        for (index, hash) in hashes.enumerated() { place(hash: hash, index: index) }
    }

    /// Gives up the strings (the table is empty afterwards).
    mutating func takeStrings() -> (strings: ByteStringTable, hashes: [UInt64]) {
        let result = (strings, hashes)
        strings = ByteStringTable()
        hashes = []
        slots.update(repeating: 0, count: mask + 1)
        return result
    }
}
