/// Splits one CSV line (without its line break) into fields, RFC 4180 style.
///
/// Reused across lines so that it allocates only when a line is longer than any before.
/// Unquoted fields point into the input; quoted fields with `""` escapes are unescaped into
/// an internal buffer, valid until the next call to ``split(_:)``.
struct CSVFieldSplitter: ~Copyable {
    private var starts: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    private var lengths: UnsafeMutablePointer<Int>
    private var capacity: Int
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity: Int
    /// Fields found by the last ``split(_:)``.
    private(set) var count = 0

    init() {
        capacity = 16
        starts = .allocate(capacity: capacity)
        lengths = .allocate(capacity: capacity)
        scratchCapacity = 256
        scratch = .allocate(capacity: scratchCapacity)
    }

    deinit {
        starts.deallocate()
        lengths.deallocate()
        scratch.deallocate()
    }

    /// The bytes of field `index` (index < count).
    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: starts[index], count: lengths[index])
    }

    /// Splits `line`; false when its quoting is malformed (an unclosed quote, or text after
    /// a closing quote).
    /// - Complexity: O(n) in the length of the line.
    @inline(__always)
    mutating func split(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        count = 0
        guard let base = line.baseAddress else {
            append(start: nil, length: 0)
            return true
        }
        let end = line.count
        // Unescaped text is never longer than the line, so one check per line suffices and
        // fields already pointing into the scratch buffer never move.
        if end > scratchCapacity { growScratch(to: end) }
        var scratchUsed = 0
        var index = 0
        while true {
            if index < end && base[index] == UInt8(ascii: "\"") {
                // Quoted field.
                index += 1
                let contentStart = index
                var escaped = false
                var closed = false
                while index < end {
                    if base[index] == UInt8(ascii: "\"") {
                        if index + 1 < end && base[index + 1] == UInt8(ascii: "\"") {
                            escaped = true
                            index += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    index += 1
                }
                guard closed else { return false }
                let contentEnd = index
                index += 1  // the closing quote
                guard index == end || base[index] == UInt8(ascii: ",") else { return false }
                if escaped {
                    let fieldStart = scratchUsed
                    var i = contentStart
                    while i < contentEnd {
                        scratch[scratchUsed] = base[i]
                        scratchUsed += 1
                        i += base[i] == UInt8(ascii: "\"") ? 2 : 1
                    }
                    append(start: UnsafePointer(scratch + fieldStart), length: scratchUsed - fieldStart)
                } else {
                    append(start: base + contentStart, length: contentEnd - contentStart)
                }
            } else {
                let fieldStart = index
                // Eight bytes at a time to the first comma or quote; the byte loop below
                // then looks at that byte (and at the tail of the line).
                while index + 8 <= end {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let found = Self.zeroBytes(word ^ 0x2C2C_2C2C_2C2C_2C2C) | Self.zeroBytes(word ^ 0x2222_2222_2222_2222)
                    if found != 0 {
                        index += found.littleEndian.trailingZeroBitCount >> 3
                        break
                    }
                    index += 8
                }
                while index < end {
                    let byte = base[index]
                    if byte == UInt8(ascii: ",") { break }
                    if byte == UInt8(ascii: "\"") { return false }
                    index += 1
                }
                append(start: base + fieldStart, length: index - fieldStart)
            }
            if index >= end { return true }
            index += 1  // the comma
            if index == end {
                append(start: base + end, length: 0)
                return true
            }
        }
    }

    /// The high bit of every zero byte of `word` is set (the lowest set bit is exact, which
    /// is all the caller uses; bytes above a zero byte may be flagged falsely).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    @inline(__always)
    private mutating func append(start: UnsafePointer<UInt8>?, length: Int) {
        if count == capacity { growFields() }
        starts[count] = start
        lengths[count] = length
        count += 1
    }

    private mutating func growFields() {
        let newCapacity = capacity * 2
        let newStarts = UnsafeMutablePointer<UnsafePointer<UInt8>?>.allocate(capacity: newCapacity)
        let newLengths = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        newStarts.initialize(from: starts, count: count)
        newLengths.initialize(from: lengths, count: count)
        starts.deallocate()
        lengths.deallocate()
        starts = newStarts
        lengths = newLengths
        capacity = newCapacity
    }

    private mutating func growScratch(to minimum: Int) {
        var newCapacity = scratchCapacity
        while newCapacity < minimum { newCapacity *= 2 }
        scratch.deallocate()
        scratch = .allocate(capacity: newCapacity)
        scratchCapacity = newCapacity
    }
}
