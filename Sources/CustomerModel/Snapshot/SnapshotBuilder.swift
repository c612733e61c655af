#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Builds a ``CustomerSnapshot`` straight from transactions-CSV bytes, on all cores.
///
/// No `String` is made per field: ids are interned from the input bytes, dates and amounts
/// are parsed in place. Bytes can arrive in chunks of any size, so a file of several
/// gigabytes is read in pieces; the result does not depend on how the input was chunked or
/// how many threads parsed it. Rows are validated exactly like ``TransactionCSVImporter``;
/// every rejected row is in the report, valid rows are kept.
///
/// ```swift
/// var builder = SnapshotBuilder(format: TransactionCSVFormat(currency: .usd))
/// try builder.append(chunk1)
/// try builder.append(chunk2)
/// let (snapshot, report) = try builder.finish()
/// ```
public struct SnapshotBuilder: ~Copyable {
    private let format: TransactionCSVFormat
    private let parallelism: Int
    private let expectedByteCount: Int?
    private var reader = CSVChunkReader()
    private var pool: SegmentParserPool?
    private var nextSegment = 0

    /// A block smaller than this is parsed by one thread: splitting costs more than it saves.
    private static let minimumParallelBlock = 1 << 20

    /// Creates a builder.
    /// - Parameters:
    ///   - format: the currency and accepted dates.
    ///   - parallelism: threads used to parse and assemble; defaults to the active processors.
    ///   - expectedByteCount: the input's size, when known (a file's size): columns are then
    ///     sized once instead of growing, which saves copying and fresh memory.
    public init(format: TransactionCSVFormat = TransactionCSVFormat(), parallelism: Int? = nil, expectedByteCount: Int? = nil) {
        self.format = format
        self.parallelism = max(1, parallelism ?? SnapshotBuilder.activeProcessors)
        self.expectedByteCount = expectedByteCount
    }

    static var activeProcessors: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Builds a snapshot from a whole input in memory.
    /// - Throws: ``ImportError`` when the header is missing or malformed.
    public static func build(
        csv bytes: UnsafeRawBufferPointer, format: TransactionCSVFormat = TransactionCSVFormat(), parallelism: Int? = nil
    ) throws(ImportError) -> (snapshot: CustomerSnapshot, report: ImportReport) {
        var builder = SnapshotBuilder(format: format, parallelism: parallelism, expectedByteCount: bytes.count)
        try builder.append(bytes)
        return try builder.finish()
    }

    /// Builds a snapshot from a whole input in memory.
    public static func build(
        csv bytes: [UInt8], format: TransactionCSVFormat = TransactionCSVFormat(), parallelism: Int? = nil
    ) throws(ImportError) -> (snapshot: CustomerSnapshot, report: ImportReport) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(ImportError) in
            try build(csv: UnsafeRawBufferPointer(buffer), format: format, parallelism: parallelism)
        }
    }

    /// Feeds the next chunk of the input.
    /// - Throws: ``ImportError`` when the header is missing or malformed.
    public mutating func append(_ chunk: UnsafeRawBufferPointer) throws(ImportError) {
        try feed(chunk.bindMemory(to: UInt8.self), isFinal: false)
    }

    /// Feeds the next chunk of the input.
    public mutating func append(_ chunk: [UInt8]) throws(ImportError) {
        try chunk.withUnsafeBufferPointer { (buffer) throws(ImportError) in
            try feed(buffer, isFinal: false)
        }
    }

    /// Ends the input and assembles the snapshot.
    /// - Throws: ``ImportError`` when the input had no header.
    /// - Complexity: O(rows), in parallel.
    public consuming func finish() throws(ImportError) -> (snapshot: CustomerSnapshot, report: ImportReport) {
        try feed(UnsafeBufferPointer(start: nil, count: 0), isFinal: true)
        return SnapshotAssembly(
            pool: pool, currency: format.currency, firstLineOfSegments: segmentFirstLines, parallelism: parallelism
        ).assemble()
    }

    /// The input line number of each segment's first line.
    private var segmentFirstLines: [Int] = []

    private mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, isFinal: Bool) throws(ImportError) {
        var reader = self.reader
        defer { self.reader = reader }
        try reader.feed(chunk, isFinal: isFinal) { block, firstLine, header in
            self.parse(block: block, firstLine: firstLine, header: header)
        }
    }

    /// Splits a block of whole lines among the threads and parses the pieces in parallel.
    private mutating func parse(block: UnsafeBufferPointer<UInt8>, firstLine: Int, header: TransactionCSVHeader) -> Int {
        let pool: SegmentParserPool
        if let existing = self.pool {
            pool = existing
        } else {
            pool = SegmentParserPool(
                count: parallelism, header: header, format: format,
                // About 45 bytes a line in typical exports; a little over, so that columns need not grow.
                expectedRows: max(1024, (expectedByteCount ?? block.count) / 43 / parallelism))
            self.pool = pool
        }
        let pieces = Self.split(block, into: block.count < Self.minimumParallelBlock ? 1 : parallelism)
        let firstSegment = nextSegment
        nextSegment += pieces.count
        let parsers = pool.parsers
        ParallelLoop.forEach(pieces.count) { index in
            parsers[index].parse(segment: firstSegment + index, block: pieces[index])
        }
        // The block is still alive: intern its customers, by hash partition, on all cores.
        pool.partitions.intern(parsers: parsers, pieces: pieces.count)
        // Line numbers of the pieces follow from the lines each one counted.
        var line = firstLine
        for index in 0..<pieces.count {
            segmentFirstLines.append(line)
            line += parsers[index].segments.last?.lines ?? 0
        }
        return line - firstLine
    }

    /// Cuts a block into `count` pieces of about equal size at line ends.
    static func split(_ block: UnsafeBufferPointer<UInt8>, into count: Int) -> [UnsafeBufferPointer<UInt8>] {
        guard count > 1, let base = block.baseAddress else { return [block] }
        var pieces: [UnsafeBufferPointer<UInt8>] = []
        var start = 0
        for piece in 1..<count {
            var cut = max(start, block.count * piece / count)
            while cut < block.count && base[cut] != UInt8(ascii: "\n") { cut += 1 }
            cut = min(block.count, cut + 1)
            pieces.append(UnsafeBufferPointer(start: base + start, count: cut - start))
            start = cut
        }
        pieces.append(UnsafeBufferPointer(start: base + start, count: block.count - start))
        return pieces
    }
}
