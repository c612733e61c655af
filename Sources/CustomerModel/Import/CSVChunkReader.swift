/// Feeds a CSV byte stream that arrives in chunks of any size to a consumer in blocks of
/// whole lines, so that a file of many gigabytes is never held at once.
///
/// Handles the byte-order mark, finds the header (leading blank lines skipped) and keeps
/// the line numbering: the header is line 1.
struct CSVChunkReader {
    private var pending: [UInt8] = []
    private var sawStart = false
    private(set) var header: TransactionCSVHeader?
    /// The line number of the next line to be handed out.
    private(set) var nextLineNumber = 1

    /// The consumer: gets a block of complete lines (each ending in `\n`, except possibly the
    /// very last one of the input) and the number of its first line; returns the number of
    /// lines it consumed. The header comes along for convenience.
    typealias Consumer = (UnsafeBufferPointer<UInt8>, Int, TransactionCSVHeader) -> Int

    /// Feeds one chunk. With `isFinal`, the input ends after it.
    /// - Throws: ``ImportError`` when the header is missing or malformed.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, isFinal: Bool, _ consume: Consumer) throws(ImportError) {
        var chunk = chunk
        if !sawStart {
            if pending.count + chunk.count < 3 && !isFinal {
                pending.append(contentsOf: chunk)
                return
            }
            sawStart = true
            if !pending.isEmpty {
                let combined = pending + Array(chunk)
                pending.removeAll()
                try combined.withUnsafeBufferPointer { (buffer) throws(ImportError) in
                    try feedAfterStart(Self.droppingBOM(buffer), isFinal: isFinal, consume)
                }
                return
            }
            chunk = Self.droppingBOM(chunk)
        }
        try feedAfterStart(chunk, isFinal: isFinal, consume)
    }

    private static func droppingBOM(_ buffer: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            return UnsafeBufferPointer(rebasing: buffer[3...])
        }
        return buffer
    }

    private mutating func feedAfterStart(_ chunk: UnsafeBufferPointer<UInt8>, isFinal: Bool, _ consume: Consumer) throws(ImportError) {
        var rest = chunk
        if !pending.isEmpty {
            // Complete the pending partial line with the chunk's first line.
            if let newline = rest.firstIndex(of: UInt8(ascii: "\n")) {
                pending.append(contentsOf: rest[...newline])
                rest = UnsafeBufferPointer(rebasing: rest[(newline + 1)...])
                let block = pending
                pending.removeAll(keepingCapacity: true)
                try block.withUnsafeBufferPointer { (buffer) throws(ImportError) in
                    try process(buffer, consume)
                }
            } else {
                pending.append(contentsOf: rest)
                rest = UnsafeBufferPointer(start: nil, count: 0)
            }
        }
        if isFinal {
            if !pending.isEmpty {
                let block = pending
                pending.removeAll()
                try block.withUnsafeBufferPointer { (buffer) throws(ImportError) in
                    try process(buffer, consume)
                }
            }
            if !rest.isEmpty { try process(rest, consume) }
            guard header != nil else { throw ImportError(.missingHeader, "the input has no header line") }
            return
        }
        guard !rest.isEmpty else { return }
        if let lastNewline = rest.lastIndex(of: UInt8(ascii: "\n")) {
            try process(UnsafeBufferPointer(rebasing: rest[...lastNewline]), consume)
            pending.append(contentsOf: rest[(lastNewline + 1)...])
        } else {
            pending.append(contentsOf: rest)
        }
    }

    /// Handles a block of whole lines: the header first, then the consumer.
    private mutating func process(_ block: UnsafeBufferPointer<UInt8>, _ consume: Consumer) throws(ImportError) {
        var block = block
        while header == nil && !block.isEmpty {
            let newline = block.firstIndex(of: UInt8(ascii: "\n"))
            var lineEnd = newline ?? block.count
            let next = newline.map { $0 + 1 } ?? block.count
            if lineEnd > 0 && block[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let line = UnsafeBufferPointer(rebasing: block[..<lineEnd])
            nextLineNumber += 1
            block = UnsafeBufferPointer(rebasing: block[next...])
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            header = try TransactionCSVHeader(line: line)
        }
        guard !block.isEmpty, let header else { return }
        nextLineNumber += consume(block, nextLineNumber, header)
    }
}
