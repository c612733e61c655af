/// Strings stored back to back in one byte arena, addressed by a dense index.
///
/// The snapshot keeps customer, item and order ids this way: one allocation instead of a
/// `String` per id, and `String`s made only when asked for.
public struct ByteStringTable: Sendable, Hashable {
    /// The bytes of all strings, concatenated.
    public private(set) var bytes: [UInt8]
    /// `offsets[i]..<offsets[i+1]` are the bytes of string `i`; `offsets.count == count + 1`.
    public private(set) var offsets: [Int]

    /// An empty table.
    public init() {
        bytes = []
        offsets = [0]
    }

    /// A table holding `strings` in order.
    public init(_ strings: some Sequence<String>) {
        self.init()
        for string in strings { append(string.utf8) }
    }

    /// A table over existing storage; `offsets` starts at 0 and ends at `bytes.count`.
    init(bytes: [UInt8], offsets: [Int]) {
        self.bytes = bytes
        self.offsets = offsets
    }

    /// Number of strings.
    public var count: Int { offsets.count - 1 }

    /// Reserves room for `strings` strings of `bytes` bytes in total.
    public mutating func reserveCapacity(strings: Int, bytes byteCount: Int) {
        offsets.reserveCapacity(strings + 1)
        bytes.reserveCapacity(byteCount)
    }

    /// Appends a string given as bytes.
    public mutating func append(_ string: some Collection<UInt8>) {
        bytes.append(contentsOf: string)
        offsets.append(bytes.count)
    }

    /// Appends a string given as a buffer.
    public mutating func append(buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
        offsets.append(bytes.count)
    }

    /// String `index` as a `String`.
    public subscript(index: Int) -> String {
        String(decoding: bytes[offsets[index]..<offsets[index + 1]], as: UTF8.self)
    }

    /// Calls `body` with the bytes of string `index`, without copying.
    @inlinable
    public func withBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[offsets[index]..<offsets[index + 1]]))
        }
    }

    /// The length in bytes of string `index`.
    public func byteCount(at index: Int) -> Int { offsets[index + 1] - offsets[index] }
}
