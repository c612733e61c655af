#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps byte strings to dense indices 0, 1, 2, … in order of first insertion.
///
/// Open addressing with linear probing. A slot holds 32 bits of the hash, the index, the
/// key's length and its first 16 bytes, so that a probe for a short key (most ids) is one
/// cache miss and never touches the arena. Owns its memory through unsafe buffers because
/// it sits in the innermost loop of every import; it is used by one thread at a time.
struct InterningTable: ~Copyable {
    /// One probe slot (16 bytes). `header` packs 24 bits of the hash, the key length (capped
    /// at 255) and the index + 1; zero marks an empty slot. `prefix` is the key's first 8 bytes.
    struct Slot {
        var header: UInt64
        var prefix: UInt64
    }

    private var slots: UnsafeMutablePointer<Slot>
    private var mask: Int
    /// The interned strings, by index.
    private(set) var strings = ByteStringTable()
    /// The full hash of each string, by index (to rehash and to merge tables).
    private(set) var hashes: [UInt64] = []

    /// Grow when more than 3/4 of the slots are used.
    @inline(__always)
    private static func needsGrowth(count: Int, capacity: Int) -> Bool { count * 4 > capacity * 3 }

    init(expectedCount: Int = 1024) {
        var capacity = 16
        while InterningTable.needsGrowth(count: expectedCount, capacity: capacity) { capacity <<= 1 }
        slots = LargeAllocation.allocate(Slot.self, capacity: capacity)
        slots.initialize(repeating: Slot(header: 0, prefix: 0), count: capacity)
        mask = capacity - 1
        hashes.reserveCapacity(expectedCount)
    }

    deinit { LargeAllocation.deallocate(slots) }

    var count: Int { hashes.count }

    @inline(__always)
    private static func header(hash: UInt64, length: Int, index: Int) -> UInt64 {
        (hash & 0xFFFF_FF00_0000_0000) | (UInt64(min(length, 255)) << 32) | UInt64(index + 1)
    }

    /// The index of `key`, inserting it if new; `isNew` tells which.
    @inline(__always)
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (index: Int32, isNew: Bool) {
        let prefix = InlineKey.firstWord(key)
        let probe = Self.header(hash: hash, length: key.count, index: 0) & 0xFFFF_FFFF_0000_0000
        var position = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[position]
            if slot.header == 0 { break }
            if slot.header & 0xFFFF_FFFF_0000_0000 == probe && slot.prefix == prefix {
                let index = Int(slot.header & 0xFFFF_FFFF) - 1
                if key.count <= 8 || equalsStored(index, key) { return (Int32(index), false) }
            }
            position = (position + 1) & mask
        }
        let index = hashes.count
        strings.append(buffer: key)
        hashes.append(hash)
        if Self.needsGrowth(count: index + 1, capacity: mask + 1) {
            grow()
        } else {
            slots[position] = Slot(header: Self.header(hash: hash, length: key.count, index: index), prefix: prefix)
        }
        return (Int32(index), true)
    }

    private func equalsStored(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        strings.withBytes(at: index) { ByteHashing.equal($0, key) }
    }

    private func place(index: Int) {
        let hash = hashes[index]
        var position = Int(truncatingIfNeeded: hash) & mask
        while slots[position].header != 0 { position = (position + 1) & mask }
        let (length, prefix) = strings.withBytes(at: index) { ($0.count, InlineKey.firstWord($0)) }
        slots[position] = Slot(header: Self.header(hash: hash, length: length, index: index), prefix: prefix)
    }

    private mutating func grow() {
        let capacity = (mask + 1) * 2
        LargeAllocation.deallocate(slots)
        slots = LargeAllocation.allocate(Slot.self, capacity: capacity)
        slots.initialize(repeating: Slot(header: 0, prefix: 0), count: capacity)
        mask = capacity - 1
        for index in 0..<hashes.count { place(index: index) }
    }

    /// Gives up the strings (the table is empty afterwards).
    mutating func takeStrings() -> (strings: ByteStringTable, hashes: [UInt64]) {
        let result = (strings, hashes)
        strings = ByteStringTable()
        hashes = []
        slots.update(repeating: Slot(header: 0, prefix: 0), count: mask + 1)
        return result
    }
}

/// The first 16 bytes of a key, zero-padded, as two words: compared in two instructions.
struct InlineKey: Equatable {
    static let capacity = 16
    var low: UInt64 = 0
    var high: UInt64 = 0

    init() {}

    /// The first 8 bytes of `key`, zero-padded.
    @inline(__always)
    static func firstWord(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = key.baseAddress else { return 0 }
        if key.count >= 8 { return UnsafeRawPointer(base).loadUnaligned(as: UInt64.self) }
        var word: UInt64 = 0
        for i in 0..<key.count { word |= UInt64(base[i]) << UInt64(i * 8) }
        return word
    }

    @inline(__always)
    init(_ key: UnsafeBufferPointer<UInt8>) {
        guard let base = key.baseAddress else { return }
        let count = key.count
        let raw = UnsafeRawPointer(base)
        if count >= 16 {
            low = raw.loadUnaligned(as: UInt64.self)
            high = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        } else if count >= 8 {
            low = raw.loadUnaligned(as: UInt64.self)
            // The last 8 bytes, shifted so that bytes before offset 8 drop out.
            let tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            high = count == 8 ? 0 : tail >> UInt64((16 - count) * 8)
        } else {
            var word: UInt64 = 0
            for i in 0..<count { word |= UInt64(base[i]) << UInt64(i * 8) }
            low = word
        }
    }
}

/// Allocations of hash tables that are probed at random: on Linux, large ones ask for
/// transparent huge pages, which saves a TLB miss on most probes.
enum LargeAllocation {
    private static let hugePage = 2 << 20

    static func allocate<T>(_ type: T.Type, capacity: Int) -> UnsafeMutablePointer<T> {
        let bytes = capacity * MemoryLayout<T>.stride
        #if os(Linux)
        if bytes >= 4 * hugePage {
            var raw: UnsafeMutableRawPointer?
            if posix_memalign(&raw, hugePage, bytes) == 0, let raw {
                _ = madvise(raw, bytes, 14)  // MADV_HUGEPAGE
                return raw.bindMemory(to: T.self, capacity: capacity)
            }
        }
        #endif
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
        return raw.bindMemory(to: T.self, capacity: capacity)
    }

    static func deallocate<T>(_ pointer: UnsafeMutablePointer<T>) {
        // posix_memalign memory is released with free; so is Swift's allocate on Linux and
        // Darwin (it is malloc-based), so one call serves both.
        free(UnsafeMutableRawPointer(pointer))
    }
}
