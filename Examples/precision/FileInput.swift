#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file in fixed-size chunks, so that a file of many gigabytes is never held at
/// once: a regular file is mapped into memory and handed over chunk by chunk without a
/// copy (pages the kernel already caches are used in place); anything else (a pipe) is read
/// with POSIX `read`. The library itself does no I/O: this is the tool's job.
struct FileInput {
    static let chunkSize = 32 << 20

    /// Calls `body` with each chunk of the file at `path`, in order; the last call has `isFinal`.
    static func forEachChunk(
        path: String, _ body: (UnsafeRawBufferPointer, _ bytesSoFar: Int, _ totalBytes: Int) throws -> Void
    ) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw UsageError("cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        let total = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        if total > 0, (status.st_mode & S_IFMT) == S_IFREG,
           let mapped = mmap(nil, total, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED {
            defer { munmap(mapped, total) }
            _ = madvise(mapped, total, Int32(MADV_SEQUENTIAL))
            var offset = 0
            while offset < total {
                let count = min(chunkSize, total - offset)
                try body(UnsafeRawBufferPointer(start: mapped + offset, count: count), offset + count, total)
                offset += count
            }
            return
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 64)
        defer { buffer.deallocate() }
        var soFar = 0
        while true {
            let count = read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw UsageError("cannot read '\(path)': \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            soFar += count
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), soFar, total)
        }
    }

    /// The size of the file at `path`, if it can be read.
    static func size(path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int(status.st_size)
    }

    /// Reads a whole (small) file, such as a JSON definition.
    static func readAll(path: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try forEachChunk(path: path) { chunk, _, _ in bytes.append(contentsOf: chunk) }
        return bytes
    }
}

/// Standard output and error as byte sinks.
enum StandardStreams {
    /// Writes bytes to standard output.
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc_write(1, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Writes a line to standard error.
    static func error(_ line: String) {
        var text = line
        text.append("\n")
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in _ = Glibc_write(2, raw.baseAddress!, raw.count) }
    }

    /// True when standard error is a terminal (progress is shown only then).
    static var errorIsTerminal: Bool { isatty(2) != 0 }
}

@inline(__always)
private func Glibc_write(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, pointer, count)
}
